import pg from 'pg'
import { v7 as uuidv7 } from 'uuid'
import type { DestinoPostgres } from '../../src/main/core/db/destino'

// The PostgreSQL run of the integration suite (vitest.postgres.config.mts): its global setup
// starts a server and leaves its address here; each test gets a database of its own, copied from
// a migrated and seeded template (a copy takes a tenth of what migrating does).

export const VARIABLE_POSTGRES = 'MITP_PRUEBA_POSTGRES'
export const PLANTILLAS = { sembrada: 'mitp_plantilla', vacia: 'mitp_plantilla_vacia' } as const

/** The test server's administrative URL when this run is on PostgreSQL; else null. */
export function urlPostgresDePrueba(): string | null {
  return process.env[VARIABLE_POSTGRES] || null
}

export function destinoDe(url: string, base: string): DestinoPostgres {
  const u = new URL(url)
  return {
    tipo: 'postgres',
    host: u.hostname,
    puerto: Number(u.port),
    base,
    usuario: decodeURIComponent(u.username),
    tls: 'desactivado'
  }
}

async function conAdmin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await f(c)
  } finally {
    await c.end()
  }
}

/** Creates the database `nombre` on the server at `url` (its admin address); its address. */
export async function crearBase(url: string, nombre: string): Promise<string> {
  await conAdmin(url, (c) => c.query(`create database ${nombre}`))
  return url.replace(/\/[^/]*$/, `/${nombre}`)
}

/** A new database of the test's own, copied from a template; `borrar` drops it. */
export async function basePostgresDePrueba(
  url: string,
  sembrada: boolean
): Promise<{ destino: DestinoPostgres; borrar: () => Promise<void> }> {
  const base = `t_${uuidv7().replace(/-/g, '')}`
  const plantilla = sembrada ? PLANTILLAS.sembrada : PLANTILLAS.vacia
  await conAdmin(url, (c) => c.query(`create database ${base} template ${plantilla}`))
  const destino = destinoDe(url, base)
  // Each copy is an installation of its own, as each new file is.
  await conAdmin(url.replace(/\/[^/]*$/, `/${base}`), (c) =>
    c.query('update instalacion set id = $1', [uuidv7()])
  )
  return {
    destino,
    borrar: () =>
      conAdmin(url, (c) => c.query(`drop database if exists ${base} with (force)`)).then(() => {})
  }
}
