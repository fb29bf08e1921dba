import fs from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteStatement } from 'kysely'
import { conPreparadas } from './preparadas'
import type { Database } from './schema'
import { registrarQuien } from './quien'
import { registrarSello } from './sello'

/**
 * Everything specific to SQLite lives here, so a PostgreSQL dialect can later be added beside
 * it without touching the services.
 */
export type SqliteHandle = BetterSqlite3.Database

const SQLITE_HEADER = 'SQLite format 3\u0000'

export interface SqliteOpenOptions {
  readonly?: boolean
  /** Path to a better_sqlite3.node built for Electron; the Node build is used when absent. */
  nativeBinding?: string
}

/**
 * The binding every open in this process uses when none is given. The Electron shell sets it once
 * at start: its recovery screen and restore open files in the main process too, where the Node
 * build of better-sqlite3 cannot load.
 */
let bindingDelProceso: string | undefined

export function usarBindingNativo(path: string | undefined): void {
  bindingDelProceso = path
}

export function bindingNativo(): string | undefined {
  return bindingDelProceso
}

export function openSqlite(path: string, options: SqliteOpenOptions = {}): SqliteHandle {
  const nativeBinding = options.nativeBinding ?? bindingDelProceso
  const handle = new BetterSqlite3(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {})
  })
  handle.pragma('busy_timeout = 5000')
  if (!options.readonly) {
    handle.pragma('journal_mode = WAL')
    // better-sqlite3 is compiled to use NORMAL in WAL mode, which can lose the last commits on
    // power loss. The secretary's minutes are worth the slower commits.
    handle.pragma('synchronous = FULL')
  }
  handle.pragma('foreign_keys = ON')
  if (handle.pragma('foreign_keys', { simple: true }) !== 1) {
    handle.close()
    throw new Error('SQLite refused to enable foreign keys')
  }
  // The history triggers (migration 0011) ask each connection who is writing.
  registrarQuien(handle)
  // The stamp triggers (migration 0014) ask each connection's clock for the next stamp.
  registrarSello(handle)
  return handle
}

// After a full disk (or an I/O error) at COMMIT, SQLite has already rolled the transaction back;
// kysely's ROLLBACK would then fail with "cannot rollback - no transaction is active" and that
// error would replace the real one. With no transaction open, the ROLLBACK is skipped.
const SIN_TRANSACCION: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator]()
}

export function createKysely(handle: SqliteHandle): Kysely<Database> {
  const database = conPreparadas(handle, (sql) =>
    /^\s*rollback\s*$/i.test(sql) && !handle.inTransaction ? SIN_TRANSACCION : null
  )
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
}

/** True when the file starts with SQLite's magic header (an empty file counts as new). */
export function hasSqliteHeader(path: string): boolean {
  const fd = fs.openSync(path, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = fs.readSync(fd, buf, 0, 16, 0)
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Opens a file read-only for a look, then closes it. SQLite creates empty -wal/-shm side files
 * even for a read-only look at a WAL database; those it created are removed again, so a file
 * that is refused is left exactly as it was found.
 */
export function inspectReadonly<T>(
  path: string,
  options: Pick<SqliteOpenOptions, 'nativeBinding'>,
  look: (handle: SqliteHandle) => T
): T {
  const sideFiles = [`${path}-wal`, `${path}-shm`].filter((f) => !fs.existsSync(f))
  const handle = openSqlite(path, { readonly: true, nativeBinding: options.nativeBinding })
  try {
    return look(handle)
  } finally {
    handle.close()
    for (const f of sideFiles) fs.rmSync(f, { force: true })
  }
}

/** 'ok' or SQLite's first complaint. */
export function quickCheck(handle: SqliteHandle): string {
  const rows = handle.pragma('quick_check') as { quick_check: string }[]
  return rows.map((r) => r.quick_check).join('; ')
}

export function tableExists(handle: SqliteHandle, name: string): boolean {
  return (
    handle.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !==
    undefined
  )
}

/** Another connection holds the write lock (an import being saved in the other thread). */
export function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY'
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      // PostgreSQL's unique_violation (a primary key is a unique index there too), #17.
      error.code === '23505')
  )
}

/**
 * Which seal trigger refused a write, if any: 'acta_aprobada' for a write to an approved acta's
 * rows, 'acta_sin_sello' for an approval without its content and hash (migration 0003),
 * 'plan_cerrado' for a write to a closed plan period's rows (migration 0012).
 */
export function sealViolation(
  error: unknown
): 'acta_aprobada' | 'acta_sin_sello' | 'plan_cerrado' | null {
  if (!(error instanceof Error) || !('code' in error)) return null
  // SQLite's raise(abort, …) in a trigger, or PL/pgSQL's raise exception (SQLSTATE P0001, #17).
  if (error.code !== 'SQLITE_CONSTRAINT_TRIGGER' && error.code !== 'P0001') return null
  if (error.message === 'acta_aprobada') return 'acta_aprobada'
  if (error.message === 'acta_sin_sello') return 'acta_sin_sello'
  if (error.message === 'plan_cerrado') return 'plan_cerrado'
  return null
}
