import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { migrar } from '../../../../src/main/core/db/migrar'
import { createAppApi } from '../../../../src/main/core/api'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { cliEnProceso } from '../../../helpers/cli-en-proceso'
import { tempDir } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import { abrirUrl, baseNueva, foto, sumas } from './migrar-apoyo'

/**
 * The copy into a server, each case in its own test so that the mutation run on a server
 * (stryker.postgres.config.mjs) can see which test covers which line (migrar-ida-vuelta.test.ts
 * copies once, in beforeAll). The source is the `demo` file; one case adds thousands of people,
 * many pages of the copy (PAGINA rows each).
 */
const carpeta = tempDir('mitp-migrar-servidor-')
const demo = path.join(carpeta.dir, 'demo.db')
let servidor: ServidorPostgres

beforeAll(async () => {
  servidor = await iniciarPostgres()
  expect((await cliEnProceso('demo', '--db', demo)).code).toBe(0)
}, 120_000)

afterAll(async () => {
  await servidor?.detener()
  carpeta.cleanup()
})

type Avance = [tabla: string, copiadas: number, total: number]

/** Copies `archivo` into a new server database with `migrar`; the progress it reported. */
async function copiarAlServidor(archivo: string) {
  const url = await baseNueva(servidor.url)
  const origen = await openAppDatabase(archivo, { seed: false })
  const destino = await abrirUrl(url)
  const avances: Avance[] = []
  try {
    const r = await migrar(origen, destino, (...a) => avances.push(a))
    return { r, url, avances, sumasOrigen: await sumas(origen), sumasDestino: await sumas(destino) }
  } finally {
    await origen.close()
    await destino.close()
  }
}

describe('migrar into a server, case by case', () => {
  it('copies every table as it is: no history, stamps or search rows of its own', async () => {
    const { r, sumasOrigen, sumasDestino, url } = await copiarAlServidor(demo)
    expect(r.ok).toBe(true)
    expect(r.tablas.filter((t) => !t.igual)).toEqual([])
    // With the target's triggers on during the copy, each row would write history over the
    // source's: the checksums of historial, sellos and busqueda would differ.
    expect(sumasDestino).toEqual(sumasOrigen)
    const p = await abrirUrl(url)
    try {
      const inst = await p.db.selectFrom('instalacion').selectAll().execute()
      const o = await openAppDatabase(demo, { seed: false })
      expect(inst).toEqual(await o.db.selectFrom('instalacion').selectAll().execute())
      await o.close()
    } finally {
      await p.close()
    }
  })

  it('leaves the triggers on afterwards, as on a database the app made', async () => {
    const { url } = await copiarAlServidor(demo)
    const nueva = await abrirUrl(await baseNueva(servidor.url))
    const copia = await abrirUrl(url)
    try {
      const activos = async (app: typeof nueva) => (await foto(app))['(triggers activos)']
      expect(Number(await activos(copia))).toBeGreaterThan(0)
      expect(await activos(copia)).toBe(await activos(nueva))
    } finally {
      await nueva.close()
      await copia.close()
    }
  })

  it('the copy takes new writes: history ids go on after the highest copied', async () => {
    const { url } = await copiarAlServidor(demo)
    const p = await abrirUrl(url)
    try {
      const maximo = async () =>
        Number(
          (
            await p.db
              .selectFrom('historial')
              .select((e) => e.fn.max('id').as('m'))
              .executeTakeFirstOrThrow()
          ).m
        )
      const antes = await maximo()
      expect(antes).toBeGreaterThan(0)
      const { ok } = caller({
        app: p as never,
        api: createAppApi(p, { version: 'test' }),
        file: url,
        close: async () => {}
      })
      const inst = await p.db.selectFrom('instituciones').select('id').executeTakeFirstOrThrow()
      const persona = {
        nombre: 'Persona Nueva',
        cargo: '',
        institucionId: inst.id,
        correo: '',
        telefono: ''
      }
      await ok('persona:crear', persona)
      expect(await maximo()).toBeGreaterThan(antes)
    } finally {
      await p.close()
    }
  })

  it('a table of many pages: all its rows, and the progress counts up to them', async () => {
    const grande = path.join(carpeta.dir, 'grande.db')
    fs.copyFileSync(demo, grande)
    const app = await openAppDatabase(grande, { seed: false })
    app.handle.exec(`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 8000)
      insert into personas (id, nombre, created_at, updated_at)
      select printf('0190b000-0000-7000-8000-%012d', i), 'Persona ' || i,
             '2014-01-01T00:00:00Z', '2014-01-01T00:00:00Z' from n`)
    const total = app.handle.prepare('select count(*) from personas').pluck().get() as number
    await app.close()
    const { r, sumasOrigen, sumasDestino, avances } = await copiarAlServidor(grande)
    expect(r.ok).toBe(true)
    expect(sumasDestino).toEqual(sumasOrigen)
    expect(r.tablas.find((t) => t.tabla === 'personas')?.destino.filas).toBe(total)
    const dePersonas = avances.filter(([t]) => t === 'personas')
    expect(dePersonas[0]).toEqual(['personas', 0, total])
    expect(dePersonas.at(-1)).toEqual(['personas', total, total])
    const cuentas = dePersonas.map(([, c]) => c)
    expect(cuentas.length).toBeGreaterThan(2)
    expect(cuentas).toEqual([...cuentas].sort((a, b) => a - b))
  })
})
