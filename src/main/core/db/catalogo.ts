import { sql, type QueryExecutorProvider } from 'kysely'
import { dialectoDe } from './dialecto'

// What the exchange (#16) asks the database's own catalog, on either dialect (#17): SQLite
// answers through its pragmas, PostgreSQL through pg_catalog in the app's schema
// (current_schema()). The one place the difference lives; the answers have SQLite's shape.

/** Any Kysely instance or transaction, whatever its tables. */
type Db = QueryExecutorProvider

export interface ClaveForanea {
  /** The column of `tabla` that points. */
  from: string
  /** The table it points at (always at its id). */
  table: string
  /** As SQLite says it: CASCADE, SET NULL, RESTRICT, NO ACTION or SET DEFAULT. */
  on_delete: string
}

export interface Columna {
  name: string
  /** SQLite's declared type; on PostgreSQL the type's name (integer, double precision, text). */
  type: string
}

export interface Colgante {
  table: string
  /** SQLite's rowid; on PostgreSQL the row's id. */
  rowid: number | string | null
  parent: string
  fkid: number
}

/** Each foreign key of `tabla` (every one of the schema has a single column). */
export async function clavesForaneas(db: Db, tabla: string): Promise<ClaveForanea[]> {
  if (dialectoDe(db) === 'sqlite') {
    const { rows } = await sql<ClaveForanea>`
      select "from", "table", on_delete from pragma_foreign_key_list(${tabla})`.execute(db)
    return rows
  }
  const { rows } = await sql<ClaveForanea>`
    select a.attname as "from", p.relname as "table",
      case c.confdeltype when 'c' then 'CASCADE' when 'n' then 'SET NULL'
        when 'r' then 'RESTRICT' when 'd' then 'SET DEFAULT' else 'NO ACTION' end as on_delete
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class p on p.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and t.relname = ${tabla}
      and t.relnamespace = current_schema()::regnamespace
    order by c.conname`.execute(db)
  return rows
}

/** The columns of `tabla`, in order, with their declared type. */
export async function columnas(db: Db, tabla: string): Promise<Columna[]> {
  if (dialectoDe(db) === 'sqlite') {
    const { rows } = await sql<Columna>`
      select name, type from pragma_table_info(${tabla})`.execute(db)
    return rows
  }
  const { rows } = await sql<Columna>`
    select column_name as name, data_type as type from information_schema.columns
    where table_schema = current_schema() and table_name = ${tabla}
    order by ordinal_position`.execute(db)
  return rows
}

/** A declared type that holds numbers only: SQLite's affinities, PostgreSQL's numeric types. */
export const esNumerico = (tipo: string): boolean =>
  /^(integer|real|numeric|bigint|smallint|double precision)$/i.test(tipo)

/**
 * Rows of `tabla` pointing at a row that does not exist: SQLite's own check; on PostgreSQL the
 * same question asked of each foreign key (its constraints may be deferred, see diferirForaneas).
 */
export async function violacionesForaneas(db: Db, tabla: string): Promise<Colgante[]> {
  if (dialectoDe(db) === 'sqlite') {
    const { rows } = await sql<Colgante>`
      select * from pragma_foreign_key_check(${tabla})`.execute(db)
    return rows
  }
  const r: Colgante[] = []
  const claves = await clavesForaneas(db, tabla)
  for (const [fkid, f] of claves.entries()) {
    const { rows } = await sql<{ id: string }>`
      select h.id from ${sql.table(tabla)} h
      where h.${sql.ref(f.from)} is not null and not exists
        (select 1 from ${sql.table(f.table)} p where p.id = h.${sql.ref(f.from)})`.execute(db)
    for (const { id } of rows) r.push({ table: tabla, rowid: id, parent: f.table, fkid })
  }
  return r
}

/**
 * Foreign keys checked at the end of the current transaction, not at each statement: SQLite's
 * pragma; on PostgreSQL every key of the schema is DEFERRABLE (esquema/tablas.ts).
 */
export async function diferirForaneas(db: Db): Promise<void> {
  if (dialectoDe(db) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(db)
  else await sql`set constraints all deferred`.execute(db)
}
