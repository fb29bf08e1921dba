import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { cliEnProceso } from '../../../helpers/cli-en-proceso'
import { tempDir } from '../../../helpers/db'
import { abrirUrl, baseNueva, foto } from './migrar-apoyo'

/**
 * `migrar` writes only into an empty target, and all at once: a target with data is refused
 * before anything is written; a copy that fails halfway (a row the server refuses) leaves the
 * target as it was, its triggers on; a target file the command created is removed. Compared by a
 * snapshot of every table (rows, checksums) and of the triggers, before and after.
 */
const carpeta = tempDir('mitp-migrar-rechazo-')
const origen = path.join(carpeta.dir, 'origen.db')
const roto = path.join(carpeta.dir, 'roto.db')
let servidor: ServidorPostgres

beforeAll(async () => {
  servidor = await iniciarPostgres()
  expect((await cliEnProceso('demo', '--db', origen)).code).toBe(0)
  // The same data with one row whose session does not exist (written with references off).
  fs.copyFileSync(origen, roto)
  const app = await openAppDatabase(roto, { seed: false })
  app.handle.pragma('foreign_keys = off')
  app.handle
    .prepare(
      `insert into asistencias (id, sesion_id, nombre, calidad, estado, orden, created_at, updated_at)
       values ('0190a000-0000-7000-8000-000000000001', 'no-existe', 'Nadie', 'invitado', 'presente',
               99, '2014-01-01T00:00:00Z', '2014-01-01T00:00:00Z')`
    )
    .run()
  await app.close()
}, 120_000)

afterAll(async () => {
  await servidor?.detener()
  carpeta.cleanup()
})

describe('migrar refuses, and writes nothing', () => {
  it('a server database with data (the seeded plan): refused before writing', async () => {
    const url = await baseNueva(servidor.url)
    const p = await abrirUrl(url, true)
    const antes = await foto(p)
    await p.close()
    const r = await cliEnProceso('migrar', '--desde', origen, '--a', url)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/ya tiene datos \(filas: \d+ en acciones/)
    expect(r.err).toContain('No se escribió nada')
    const q = await abrirUrl(url)
    expect(await foto(q)).toEqual(antes)
    await q.close()
  })

  it('a file with data: refused, its tables as they were', async () => {
    const archivo = path.join(carpeta.dir, 'con-datos.db')
    const a = await openAppDatabase(archivo)
    const antes = await foto(a)
    await a.close()
    const r = await cliEnProceso('migrar', '--desde', origen, '--a', archivo)
    expect(r.code).toBe(1)
    expect(r.err).toContain('ya tiene datos')
    const b = await openAppDatabase(archivo, { seed: false })
    expect(await foto(b)).toEqual(antes)
    await b.close()
  })

  it('a copy the server refuses halfway leaves the empty database as it was, triggers on', async () => {
    const url = await baseNueva(servidor.url)
    const p = await abrirUrl(url)
    const antes = await foto(p)
    await p.close()
    expect(Number(antes['(triggers activos)'])).toBeGreaterThan(100)
    const r = await cliEnProceso('migrar', '--desde', roto, '--a', url)
    expect(r.code).toBe(1)
    expect(r.err).toContain('Error:')
    const q = await abrirUrl(url)
    expect(await foto(q)).toEqual(antes)
    await q.close()
  })

  it('a copy into a new file that fails at commit: the file it created is removed', async () => {
    const nuevo = path.join(carpeta.dir, 'nuevo.db')
    const r = await cliEnProceso('migrar', '--desde', roto, '--a', nuevo)
    expect(r.code).toBe(1)
    expect(fs.readdirSync(carpeta.dir).filter((f) => f.startsWith('nuevo.db'))).toEqual([])
  })

  it('a source file that does not exist: said, and no file created', async () => {
    const falta = path.join(carpeta.dir, 'falta.db')
    const url = await baseNueva(servidor.url)
    const r = await cliEnProceso('migrar', '--desde', falta, '--a', url)
    expect(r.code).toBe(1)
    expect(r.err).toContain('No existe el archivo')
    expect(fs.existsSync(falta)).toBe(false)
  })

  it('without --desde or --a: the usage, exit code 2', async () => {
    const r = await cliEnProceso('migrar', '--desde', origen)
    expect(r.code).toBe(2)
    expect(r.err).toContain('migrar necesita --desde ORIGEN y --a DESTINO')
  })
})
