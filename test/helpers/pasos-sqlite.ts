import { execFileSync } from 'node:child_process'
import { createAppApi } from '../../src/main/core/api'
import { createKysely } from '../../src/main/core/db/sqlite'
import type { ApiHandlers } from '../../src/shared/api/contract'
import type { TestApp } from './db'
import { observando } from './sentencias'

/** A value as an SQL literal, for a statement run where it cannot be bound. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (typeof v === 'boolean') return v ? '1' : '0'
  return `'${String(v).replace(/'/g, "''")}'`
}

/** The statement with each `?` outside quotes replaced by its parameter, in order. */
export function conValores(sql: string, dados: unknown[]): string {
  // kysely binds them as one array.
  const params = dados.flat()
  let k = 0
  let out = ''
  let comilla: string | null = null
  for (const c of sql) {
    if (comilla) {
      if (c === comilla) comilla = null
      out += c
    } else if (c === "'" || c === '"' || c === '`') {
      comilla = c
      out += c
    } else if (c === '?') out += literal(params[k++])
    else out += c
  }
  if (k !== params.length) throw new Error(`${params.length} parámetros, ${k} marcas: ${sql}`)
  return out
}

/**
 * How many virtual-machine steps SQLite takes to run each statement over the file (the sqlite3
 * shell's `.stats`, from sqlite3_stmt_status): the work it does, rows it reads included, counted
 * by SQLite itself rather than from what the statement returns.
 */
export function pasosDeSqlite(
  archivo: string,
  sentencias: { sql: string; params: unknown[] }[]
): number[] {
  const guion =
    '.stats on\n' + sentencias.map(({ sql, params }) => `${conValores(sql, params)};\n`).join('')
  const salida = execFileSync('sqlite3', ['-readonly', archivo], {
    input: guion,
    maxBuffer: 64 * 1024 * 1024
  }).toString()
  const pasos = [...salida.matchAll(/^Virtual Machine Steps:\s+(\d+)$/gm)].map((m) => Number(m[1]))
  if (pasos.length !== sentencias.length)
    throw new Error(`sqlite3 midió ${pasos.length} de ${sentencias.length} sentencias`)
  return pasos
}

export type Sentencia = { sql: string; params: unknown[] }

/** The API over `t`'s database, with every statement it runs recorded (for pasosDeSqlite). */
export function apiObservada(t: TestApp): { api: ApiHandlers; sentencias: Sentencia[] } {
  const sentencias: Sentencia[] = []
  const db = createKysely(
    observando(t.app.handle, ({ sql, params }) => sentencias.push({ sql, params }))
  )
  return { api: createAppApi({ ...t.app, db }, { version: 't' }), sentencias }
}
