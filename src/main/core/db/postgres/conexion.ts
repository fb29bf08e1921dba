import fs from 'node:fs'
import pg from 'pg'
import Cursor from 'pg-cursor'
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely'
import type { Database } from '../schema'
import type { DestinoPostgres } from '../destino'
import { quienActual } from '../quien'
import { traducirSql } from './traduccion'

// Everything specific to talking to a PostgreSQL server: the pool, TLS, the type parsers, and
// who is writing. The services see only Kysely<Database>, as over SQLite.

// int8 (count(*), sum) and numeric (avg) arrive from node-pg as strings; the services, written
// against SQLite, add and compare numbers. Counts here never pass 2^53.
const ENTEROS_GRANDES = 20
const NUMERICO = 1700
const tipos = {
  getTypeParser: ((oid: number, formato?: 'text' | 'binary') =>
    oid === ENTEROS_GRANDES || oid === NUMERICO
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, formato)) as typeof pg.types.getTypeParser
}

/** node-pg's TLS settings for a mode; 'preferido' is tried with TLS first (see abrir.ts). */
export function opcionesTls(d: DestinoPostgres, conTls: boolean): pg.PoolConfig['ssl'] {
  if (d.tls === 'desactivado' || !conTls) return false
  if (d.tls === 'verificar') {
    return { rejectUnauthorized: true, ...(d.ca ? { ca: fs.readFileSync(d.ca, 'utf8') } : {}) }
  }
  // 'requerido' encrypts without checking who answers, as libpq's sslmode=require.
  return { rejectUnauthorized: false }
}

export function crearPool(d: DestinoPostgres, conTls: boolean, maximo = 10): pg.Pool {
  const pool = new pg.Pool({
    host: d.host,
    port: d.puerto,
    database: d.base,
    user: d.usuario,
    ...(d.clave !== undefined ? { password: d.clave } : {}),
    ssl: opcionesTls(d, conTls),
    max: maximo,
    connectionTimeoutMillis: 10_000,
    // The history stamps its rows in UTC, as the SQLite file does.
    options: '-c TimeZone=UTC',
    application_name: 'Secretaria MITP',
    types: tipos
  })
  // An idle connection the server closed (a restart, a cut network) is dropped from the pool; the
  // next call opens another or says the server is gone. Unhandled, node-pg's 'error' event would
  // end the whole process.
  pool.on('error', () => {})
  return pool
}

/**
 * A pool whose every checkout first tells the connection who is writing (the history triggers
 * read `mitp.quien`, as SQLite's triggers call `mitp_quien()`). A checkout happens inside the
 * call it serves (a transaction holds one connection throughout), so the call's actor is known.
 */
type Consulta = (config: unknown, ...resto: unknown[]) => unknown
const traducidos = new WeakSet<pg.PoolClient>()

/** Every statement a connection sends, read as SQLite's and written as PostgreSQL's (traduccion.ts). */
function traducir(cliente: pg.PoolClient): pg.PoolClient {
  if (traducidos.has(cliente)) return cliente
  traducidos.add(cliente)
  const consulta = cliente.query.bind(cliente) as Consulta
  const nueva: Consulta = (config, ...resto) => {
    if (typeof config === 'string') return consulta(traducirSql(config), ...resto)
    // A prepared query or a cursor (the workbook's streamed rows) carries its text.
    const c = config as { text?: unknown } | null
    if (c && typeof c.text === 'string') c.text = traducirSql(c.text)
    return consulta(config, ...resto)
  }
  ;(cliente as unknown as { query: Consulta }).query = nueva
  return cliente
}

function conQuien(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const cliente = traducir(await pool.connect())
      const q = quienActual()
      try {
        await cliente.query("select set_config('mitp.quien', $1, false)", [
          q ? JSON.stringify(q) : ''
        ])
      } catch (error) {
        cliente.release(error instanceof Error ? error : true)
        throw error
      }
      return cliente
    },
    end: () => pool.end()
  }
}

export function crearKyselyPostgres(pool: pg.Pool): Kysely<Database> {
  // The cursor lets the workbook export stream rows (`.stream()`), as SQLite's iterate does.
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: conQuien(pool), cursor: Cursor })
  })
}
