import type { SqliteDatabase, SqliteStatement } from 'kysely'
import type BetterSqlite3 from 'better-sqlite3'

// kysely prepares every statement it runs, and SQLite compiling the same few hundred texts again
// was a third of a call's time (creating a session: ~3 of ~9 ms at ten years of history). Each
// connection keeps its most recent statements by text. A statement still being read (a streamed
// query, or one read while another with the same text runs inside its loop) is busy and cannot
// be run again: that text gets a fresh statement. SQLite recompiles a kept statement by itself
// when a migration changes the schema.

/** How many texts a connection keeps; dynamic SQL (lists of ids, filters) ages out. */
export const PREPARADAS_MAXIMO = 300

type Handle = BetterSqlite3.Database
type Statement = BetterSqlite3.Statement<unknown[]>

export function preparadas(handle: Handle, maximo = PREPARADAS_MAXIMO) {
  const guardadas = new Map<string, Statement>()
  return (sql: string): Statement => {
    const st = guardadas.get(sql)
    if (st && !st.busy) {
      // Most recently used last: the first one is the one to drop.
      guardadas.delete(sql)
      guardadas.set(sql, st)
      return st
    }
    const nueva = handle.prepare<unknown[]>(sql)
    if (!st) {
      guardadas.set(sql, nueva)
      if (guardadas.size > maximo) guardadas.delete(guardadas.keys().next().value!)
    }
    return nueva
  }
}

/** Kysely's view of a connection, with its statements kept (see above). */
export function conPreparadas(
  handle: Handle,
  especial: (sql: string) => SqliteStatement | null
): SqliteDatabase {
  const preparar = preparadas(handle)
  return {
    close: () => handle.close(),
    prepare: (sql) => especial(sql) ?? preparar(sql)
  }
}
