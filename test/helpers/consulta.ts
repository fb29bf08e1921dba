import { sql, type RawBuilder } from 'kysely'
import { dbSnapshot, type TestApp } from './db'

/**
 * Plain SQL run through the app's kysely, so a test that checks an outcome by a read (or sets up
 * a row by a write) runs on SQLite and on the PostgreSQL server alike (#17). `?` marks each
 * parameter: the text is cut there and given to kysely as a template, which writes `?` or `$n`
 * for the dialect. A `?` inside a quoted literal would be cut too: pass such values as parameters.
 */
function sentencia(texto: string, params: unknown[]): RawBuilder<unknown> {
  const partes = texto.split('?')
  if (partes.length !== params.length + 1)
    throw new Error(`${partes.length - 1} marcas ? y ${params.length} parámetros en: ${texto}`)
  const plantilla = Object.assign([...partes], { raw: [...partes] }) as TemplateStringsArray
  return sql(plantilla, ...params)
}

/** Every row the statement gives (none for a write). */
export async function filas<T = Record<string, unknown>>(
  t: Pick<TestApp, 'app'>,
  texto: string,
  ...params: unknown[]
): Promise<T[]> {
  return (await sentencia(texto, params).execute(t.app.db)).rows as T[]
}

/** The first row, or undefined. */
export async function fila<T = Record<string, unknown>>(
  t: Pick<TestApp, 'app'>,
  texto: string,
  ...params: unknown[]
): Promise<T | undefined> {
  return (await filas<T>(t, texto, ...params))[0]
}

/** The first column of the first row (SQLite's `pluck().get()`), or undefined. */
export async function valor<T = unknown>(
  t: Pick<TestApp, 'app'>,
  texto: string,
  ...params: unknown[]
): Promise<T | undefined> {
  const primera = await fila(t, texto, ...params)
  return primera === undefined ? undefined : (Object.values(primera)[0] as T)
}

/** The first column of every row (SQLite's `pluck().all()`). */
export async function columna<T = unknown>(
  t: Pick<TestApp, 'app'>,
  texto: string,
  ...params: unknown[]
): Promise<T[]> {
  return (await filas(t, texto, ...params)).map((r) => Object.values(r)[0] as T)
}

/** Every row of every table, in a stable order: compare two to prove nothing was written. */
export function foto(t: Pick<TestApp, 'app'>): Promise<string> {
  return dbSnapshot(t.app.db)
}
