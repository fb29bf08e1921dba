import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase, type AppDatabaseSqlite } from '../../../../src/main/core/db/open'
import { createAppApi } from '../../../../src/main/core/api'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { cliEnProceso } from '../../../helpers/cli-en-proceso'
import { tempDir } from '../../../helpers/db'
import { caller, sesionMovida } from '../../../helpers/sesiones'
import { abrirUrl, baseNueva, esquemaSqlite, filasSqlite, sumas } from './migrar-apoyo'

/**
 * #17's «the migration command's round trip SQLite → PostgreSQL → SQLite gives identical
 * content»: the `demo` database (sessions, acuerdos, approved actas, history, stamps) through
 * `migrar` to a real server and back to a new file. Compared by the command's checksums and row
 * by row, straight from both files; the copy opens in the app with its protections.
 */
const carpeta = tempDir('mitp-migrar-')
const original = path.join(carpeta.dir, 'original.db')
const vuelta = path.join(carpeta.dir, 'vuelta.db')
let servidor: ServidorPostgres
let url: string
const salidas: { ida: string; vuelta: string } = { ida: '', vuelta: '' }

beforeAll(async () => {
  servidor = await iniciarPostgres()
  url = await baseNueva(servidor.url)
  expect((await cliEnProceso('demo', '--db', original)).code).toBe(0)
  const ida = await cliEnProceso('migrar', '--desde', original, '--a', url)
  salidas.ida = ida.out + ida.err
  expect(ida.code, salidas.ida).toBe(0)
  const r = await cliEnProceso('migrar', '--desde', url, '--a', vuelta)
  salidas.vuelta = r.out + r.err
  expect(r.code, salidas.vuelta).toBe(0)
}, 180_000)

afterAll(async () => {
  await servidor?.detener()
  carpeta.cleanup()
})

const conApp = async <T>(f: (app: AppDatabaseSqlite) => Promise<T>): Promise<T> => {
  const app = await openAppDatabase(vuelta)
  try {
    return await f(app)
  } finally {
    await app.close()
  }
}

describe('migrar: SQLite → PostgreSQL → SQLite', () => {
  it('each way, every table verified equal, and the comparison printed', () => {
    for (const s of [salidas.ida, salidas.vuelta]) {
      expect(s).toMatch(/Verificado: las \d+ tablas tienen las mismas filas/)
      expect(s).toMatch(/^sesiones\s+14\s+14\s+[0-9a-f]{16}\s+[0-9a-f]{16}\s+igual$/m)
      expect(s).not.toContain('DISTINTA')
      expect(s).toContain('historial: ')
    }
  })

  it('every row of every table is the same in the copy as in the original', () => {
    const a = filasSqlite(original)
    const b = filasSqlite(vuelta)
    expect(Object.keys(b)).toEqual(Object.keys(a))
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t])
    // The database had content to carry: sessions, an approved acta, history, stamps.
    expect(a.sesiones!.some((s) => (s as { estado: string }).estado === 'aprobada')).toBe(true)
    for (const t of ['historial', 'sellos', 'acuerdos', 'busqueda', 'instalacion'])
      expect(a[t]!.length, t).toBeGreaterThan(0)
  })

  it("the same checksums on all three, and the server's equal the file's", async () => {
    const o = await openAppDatabase(original, { seed: false })
    const p = await abrirUrl(url)
    try {
      const delOriginal = await sumas(o)
      expect(await sumas(p)).toEqual(delOriginal)
      expect(await conApp(sumas)).toEqual(delOriginal)
    } finally {
      await o.close()
      await p.close()
    }
  })

  it('the copy has the same schema, triggers included (dropped and created again)', () => {
    expect(esquemaSqlite(vuelta)).toEqual(esquemaSqlite(original))
  })

  it("the copy keeps the approved acta's protection: an edit through the API is refused", async () => {
    await conApp(async (app) => {
      const { call } = caller({
        app,
        api: createAppApi(app, { version: 'test' }),
        file: vuelta,
        close: async () => {}
      })
      const aprobada = app.handle
        .prepare("select id from sesiones where estado = 'aprobada' order by fecha limit 1")
        .pluck()
        .get() as string
      const r = await call('sesion:actualizar', {
        ...sesionMovida(aprobada, '2014-12-30'),
        lugar: 'Otra sala'
      })
      expect(r.ok ? null : r.error.code).toBe('solo_lectura')
      expect(() =>
        app.handle.prepare("update sesiones set lugar = 'x' where id = ?").run(aprobada)
      ).toThrow()
    })
  })

  it("the server's copy takes new writes: its identities go on after the ids copied", async () => {
    const p = await abrirUrl(url)
    try {
      const { ok } = caller({
        app: p as AppDatabaseSqlite,
        api: createAppApi(p, { version: 'test' }),
        file: url,
        close: async () => {}
      })
      const antes = (
        await p.db
          .selectFrom('historial')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m
      const inst = await p.db.selectFrom('instituciones').select('id').executeTakeFirstOrThrow()
      await ok('persona:crear', {
        nombre: 'Persona Nueva',
        cargo: '',
        institucionId: inst.id,
        correo: '',
        telefono: ''
      })
      const despues = (
        await p.db
          .selectFrom('historial')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m
      expect(Number(despues)).toBeGreaterThan(Number(antes))
    } finally {
      await p.close()
    }
  })
})
