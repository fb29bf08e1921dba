import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from './db/schema'
import { AppError } from './errors'
import { MENSAJE_DESACTUALIZADO } from '../../shared/api/result'
import { esCarreraDeEscritura } from './causas'

type Db = Kysely<Database> | Transaction<Database>

/** The refusal of a write based on a stale read, naming the fields someone else changed. */
export function desactualizado(campos: readonly string[] = []): AppError {
  const fields = Object.fromEntries(campos.map((c) => [c, MENSAJE_DESACTUALIZADO]))
  return new AppError('conflicto', MENSAJE_DESACTUALIZADO, campos.length ? fields : undefined)
}

/** An input field → the column it is stored in, for the fields an update may write. */
export type Columnas<T> = { readonly [K in keyof T]?: string }

export interface Escritura<T> {
  /** What to write: the caller's values, except the fields it did not change (kept as stored). */
  valores: T
  /** For the UPDATE's WHERE: the row still holds what was read here (compare-and-set). */
  comoSeLeyo: Expression<SqlBool>
  /** Why the UPDATE wrote no row: changed since it was read here, or not there at all. */
  faltante: () => AppError
}

// Values as SQLite and PostgreSQL return them: numbers may come back as strings (bigint, numeric).
const igual = (a: unknown, b: unknown): boolean =>
  (a ?? null) === (b ?? null) ||
  (a !== null && b !== null && typeof a !== typeof b && String(a) === String(b))

/**
 * The rule against lost updates, for every update of the contract (its `antes`, campos.ts): the
 * caller sends, with its values, the values it last read of those fields. A field whose value
 * equals what was read is one the caller did not change: it is not written over (someone else's
 * change to it stands). A field the caller changed is written only if the row still holds what
 * the caller read; otherwise the whole write is refused (desactualizado), naming the fields. So
 * two people editing different fields of one row both keep theirs, and autosave goes on.
 * Race-free on a server too: the row is read inside the write's transaction, and the UPDATE's
 * WHERE (`comoSeLeyo`) asserts every compared column still holds what was read here; a row
 * changed in between updates nothing, which the service refuses the same way (`faltante`).
 * Without `antes` (the CLI, imports, seeds: callers that never read) nothing is compared.
 * `vacio`: what a row not yet stored reads as (an upserted avance shows defaults until saved).
 */
export interface Lectura<T> {
  tabla: keyof Database & string
  /** The row: its key columns and values. */
  clave: Readonly<Record<string, string>>
  columnas: Columnas<T>
  input: T
  antes: Partial<T> | undefined
  /** The refusal when the row is not there (notFound('La sesión')...). */
  noExiste: () => AppError
  vacio?: Partial<T>
}

export async function leerParaEscribir<T extends object>(
  db: Db,
  { tabla, clave, columnas, input, antes, noExiste, vacio }: Lectura<T>
): Promise<Escritura<T>> {
  // A field the caller leaves out (undefined: "keep it") is neither written nor compared.
  const campos = (Object.keys(antes ?? {}) as (keyof T & string)[]).filter(
    (k) => columnas[k] && (antes as Partial<T>)[k] !== undefined && input[k] !== undefined
  )
  const sinComparar = { valores: input, comoSeLeyo: sql<SqlBool>`1 = 1`, faltante: noExiste }
  if (!antes || campos.length === 0) return sinComparar
  const cols = campos.map((k) => columnas[k]!)
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
    cols.map((c) => sql.ref(c))
  )} from ${sql.table(tabla)} where ${donde(tabla, clave)}`.execute(db)
  const fila = rows[0]
  if (!fila && !vacio) throw noExiste()
  // A row not stored yet reads as `vacio`; a field `vacio` does not name is taken as read.
  const actual = (k: keyof T & string): unknown =>
    fila ? fila[columnas[k]!] : k in vacio! ? vacio![k] : antes[k]
  const valores = { ...input }
  const ajenos: string[] = []
  for (const k of campos) {
    if (igual(input[k], antes[k])) valores[k] = actual(k) as T[typeof k]
    else if (!igual(actual(k), antes[k])) ajenos.push(k)
  }
  if (ajenos.length) throw desactualizado(ajenos)
  const esperado = fila
    ? sql.join(
        campos.map((k) => {
          const ref = sql.ref(`${tabla}.${columnas[k]!}`)
          const v = actual(k)
          return v === null || v === undefined ? sql`${ref} is null` : sql`${ref} = ${v}`
        }),
        sql` and `
      )
    : // Read as absent: an upsert's DO UPDATE means someone stored it meanwhile.
      sql`1 = 0`
  return { valores, comoSeLeyo: sql<SqlBool>`(${esperado})`, faltante: () => desactualizado() }
}

function donde(tabla: string, clave: Readonly<Record<string, string>>) {
  return sql.join(
    Object.entries(clave).map(([c, v]) => sql`${sql.ref(`${tabla}.${c}`)} = ${v}`),
    sql` and `
  )
}

/** A creation that met another one is run again at most this many times, for at most this long. */
const INTENTOS = 20
const PLAZO_MS = 3000

/**
 * Two rows created at the same instant may both compute the same next number (on a server each
 * transaction reads before the other commits: a session's N°, an acuerdo's): the second meets the
 * unique constraint (sesiones_numero_uq, acuerdos_sesion_numero_uq), or SQLite's refusal to write
 * on a stale read, and runs again from the start, now seeing the first. Bounded in count and
 * time (a file another program keeps locked answers only after SQLite's wait, and is not waited
 * for again); the pause grows and is random, so the ones that met do not meet again.
 */
export async function otraVezSiSeCruzan<T>(f: () => Promise<T>): Promise<T> {
  const desde = Date.now()
  for (let intento = 1; ; intento++) {
    try {
      return await f()
    } catch (error) {
      const agotado = intento >= INTENTOS || Date.now() - desde > PLAZO_MS
      if (agotado || !esCarreraDeEscritura(error)) throw error
      await new Promise((r) => setTimeout(r, Math.random() * 4 * intento))
    }
  }
}
