import { sql } from 'kysely'
import BetterSqlite3 from 'better-sqlite3'
import { abrirBase } from '../../../../src/main/core/db/abrir'
import type { AppDatabase } from '../../../../src/main/core/db/open'
import { NO_COPIADAS, tablasDe } from '../../../../src/main/core/db/migrar/esquema'
import { resumir } from '../../../../src/main/core/db/migrar/leer'
import { crearBase, destinoDe } from '../../../helpers/postgres-pruebas'

// What the migration tests share: a database of their own on the test server, and what a
// database holds, table by table, to compare two of them.

let contador = 0

/** A new empty database on the server; its postgres://… URL (no password: trust on loopback). */
export const baseNueva = (url: string): Promise<string> =>
  crearBase(url, `migrar_${process.pid}_${++contador}`)

/** The server database at `url`, opened as the app opens it (migrated; seeded only if asked). */
export const abrirUrl = (url: string, seed = false): Promise<AppDatabase> =>
  abrirBase(destinoDe(url, new URL(url).pathname.slice(1)), { seed, maximo: 2 })

/**
 * Every table's row count and checksum (schema_migrations too: its rows are each side's own),
 * and whether the app's triggers are on (PostgreSQL) or there (SQLite): a snapshot to prove
 * nothing was written.
 */
export async function foto(app: AppDatabase): Promise<Record<string, string>> {
  const r: Record<string, string> = {}
  for (const [nombre, t] of await tablasDe(app)) {
    const s = await resumir({ app, tabla: t }, [...t.columnas].sort())
    r[nombre] = `${s.filas} ${s.suma}`
  }
  const activos =
    app.dialecto === 'postgres'
      ? sql<{ n: string }>`select count(*)::text as n from pg_trigger
          where not tgisinternal and tgenabled <> 'D'`
      : sql<{ n: string }>`select count(*) as n from sqlite_master where type = 'trigger'`
  const { rows } = await activos.execute(app.db)
  r['(triggers activos)'] = String(rows[0]!.n)
  return r
}

/** The checksums of the copied tables only (what must be equal between source and copy). */
export async function sumas(app: AppDatabase): Promise<Record<string, string>> {
  const todas = await foto(app)
  return Object.fromEntries(
    Object.entries(todas).filter(([t]) => !NO_COPIADAS.has(t) && !t.startsWith('('))
  )
}

/** Every row of every table of a SQLite file, straight from it (not through the app). */
export function filasSqlite(archivo: string): Record<string, unknown[]> {
  const h = new BetterSqlite3(archivo, { readonly: true })
  try {
    const tablas = h
      .prepare(
        "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
      )
      .all() as { name: string; sql: string }[]
    const r: Record<string, unknown[]> = {}
    for (const t of tablas) {
      // Each side's migrations; FTS5's index segments, built in another order (same content).
      if (t.name === 'schema_migrations' || /^busqueda_(data|idx)$/.test(t.name)) continue
      const virtual = /^create virtual/i.test(t.sql)
      r[t.name] = h
        .prepare(`select ${virtual ? 'rowid as _rowid, ' : ''}* from "${t.name}" order by 1, 2`)
        .all()
    }
    return r
  } finally {
    h.close()
  }
}

/** The file's schema as SQLite keeps it: tables, indexes and triggers with their SQL. */
export function esquemaSqlite(archivo: string): unknown[] {
  const h = new BetterSqlite3(archivo, { readonly: true })
  try {
    return h
      .prepare('select type, name, tbl_name, sql from sqlite_master order by type, name')
      .all()
  } finally {
    h.close()
  }
}
