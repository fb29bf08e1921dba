import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { AppDatabase } from '../open'
import type { Tabla } from './esquema'

// A table read in pages, in primary-key order, the same on both dialects: text keys are
// compared bytewise (SQLite's BINARY, PostgreSQL's "C"), integers as numbers. The copy writes
// each page; the check sums every row of both sides after the copy.

export const PAGINA = 500

/** One side of the copy: its connection and how it names this table's columns. */
export interface Lado {
  app: AppDatabase
  tabla: Tabla
}

const dbDe = (app: AppDatabase): Kysely<unknown> => app.db as unknown as Kysely<unknown>

/** The `columnas` of every row, `PAGINA` rows at a time, in key order. */
export async function* paginas(lado: Lado, columnas: string[]): AsyncGenerator<unknown[][]> {
  const { app, tabla } = lado
  const fisica = (c: string) => sql.id(tabla.fisica[c] ?? c)
  const lista = sql.join(columnas.map((c) => sql`${fisica(c)} as ${sql.id(c)}`))
  const orden = sql.join(
    tabla.clave.map((c) =>
      app.dialecto === 'postgres' && tabla.texto.has(c) ? sql`${fisica(c)} collate "C"` : fisica(c)
    )
  )
  for (let desde = 0; ; desde += PAGINA) {
    const { rows } = await sql<Record<string, unknown>>`
      select ${lista} from ${sql.id(tabla.nombre)} order by ${orden}
      limit ${PAGINA} offset ${desde}`.execute(dbDe(app))
    if (rows.length > 0) yield rows.map((r) => columnas.map((c) => r[c]))
    if (rows.length < PAGINA) return
  }
}

/** A value as both dialects give it: numbers as numbers (1 and 1.0 alike), text as text. */
function normal(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v)
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v
  if (v instanceof Date) return v.toISOString()
  if (Buffer.isBuffer(v)) return { base64: v.toString('base64') }
  return v
}

/** One row as canonical JSON: the columns in the order given, values with normalized types. */
export const canonica = (fila: unknown[]): string => JSON.stringify(fila.map(normal))

export interface Resumen {
  filas: number
  /** sha256 of the rows' canonical JSON, one a line, in key order. */
  suma: string
}

/** Row count and checksum of one side's table over `columnas`. */
export async function resumir(lado: Lado, columnas: string[]): Promise<Resumen> {
  const h = crypto.createHash('sha256')
  let filas = 0
  for await (const pagina of paginas(lado, columnas)) {
    for (const fila of pagina) h.update(`${canonica(fila)}\n`)
    filas += pagina.length
  }
  return { filas, suma: h.digest('hex') }
}

/** How many rows a table has. */
export async function contar(app: AppDatabase, tabla: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from ${sql.id(tabla)}`.execute(dbDe(app))
  return Number(rows[0]?.n ?? 0)
}
