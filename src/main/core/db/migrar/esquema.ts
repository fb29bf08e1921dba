import { sql, type Kysely } from 'kysely'
import type { AppDatabase } from '../open'

// The tables a database has, as the copy between a SQLite file and a PostgreSQL server sees
// them: both schemas are the same (#17), but each dialect describes itself in its own catalog.

/** A table to copy: the columns written (never generated ones), its key and how to read it. */
export interface Tabla {
  nombre: string
  /** Written and compared, in this order; generated columns are each side's own work. */
  columnas: string[]
  /** The primary key (every column when there is none): the order rows are read and summed in. */
  clave: string[]
  /** A column's name in this dialect where it differs: SQLite's FTS5 table keys rows by rowid. */
  fisica: Record<string, string>
  /** Columns that may be null (a reference in a cycle is written in a second pass). */
  nulas: Set<string>
  /** Text columns: ordered bytewise on PostgreSQL, as SQLite orders them. */
  texto: Set<string>
}

/** Tables never copied: the migrations' record is each side's own, written when it was opened. */
export const NO_COPIADAS = new Set(['schema_migrations'])

type Db = Kysely<unknown>
const dbDe = (app: AppDatabase): Db => app.db as unknown as Db

const SOMBRAS_FTS5 = ['data', 'idx', 'content', 'docsize', 'config']

interface ColumnaSqlite {
  name: string
  type: string
  notnull: number
  pk: number
  hidden: number
}

async function tablasSqlite(db: Db): Promise<Tabla[]> {
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'
    order by name`.execute(db)
  const virtuales = rows.filter((r) => /^create virtual table/i.test(r.sql)).map((r) => r.name)
  // FTS5 keeps its index in shadow tables (busqueda_data, _idx…): written by its own inserts.
  const sombra = (n: string) => virtuales.some((v) => SOMBRAS_FTS5.some((s) => n === `${v}_${s}`))
  const tablas: Tabla[] = []
  for (const { name } of rows) {
    if (sombra(name)) continue
    const cols = (await sql<ColumnaSqlite>`select * from pragma_table_xinfo(${name})`.execute(db))
      .rows
    const propias = cols.filter((c) => c.hidden === 0)
    const virtual = virtuales.includes(name)
    // busqueda's rowid is busqueda_filas.fila, which PostgreSQL's busqueda names `fila`.
    const columnas = [...(virtual ? ['fila'] : []), ...propias.map((c) => c.name)]
    const pk = propias.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    tablas.push({
      nombre: name,
      columnas,
      clave: virtual ? ['fila'] : pk.length ? pk.map((c) => c.name) : columnas,
      fisica: virtual ? { fila: 'rowid' } : {},
      nulas: new Set(propias.filter((c) => c.notnull === 0 && c.pk === 0).map((c) => c.name)),
      texto: new Set(propias.filter((c) => /text|char|clob/i.test(c.type)).map((c) => c.name))
    })
  }
  return tablas
}

interface ColumnaPostgres {
  tabla: string
  columna: string
  tipo: string
  nula: boolean
  generada: boolean
  clave: number | null
}

async function tablasPostgres(db: Db): Promise<Tabla[]> {
  const { rows } = await sql<ColumnaPostgres>`
    select c.relname as tabla, a.attname as columna, format_type(a.atttypid, null) as tipo,
      not a.attnotnull as nula, a.attgenerated <> '' as generada,
      array_position(i.indkey::int2[], a.attnum) as clave
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where c.relkind in ('r', 'p')
    order by c.relname, a.attnum`.execute(db)
  const porTabla = new Map<string, ColumnaPostgres[]>()
  for (const r of rows) porTabla.set(r.tabla, [...(porTabla.get(r.tabla) ?? []), r])
  return [...porTabla].map(([nombre, cols]) => {
    const propias = cols.filter((c) => !c.generada)
    const pk = propias.filter((c) => c.clave !== null).sort((a, b) => a.clave! - b.clave!)
    const columnas = propias.map((c) => c.columna)
    return {
      nombre,
      columnas,
      clave: pk.length ? pk.map((c) => c.columna) : columnas,
      fisica: {},
      nulas: new Set(propias.filter((c) => c.nula).map((c) => c.columna)),
      texto: new Set(propias.filter((c) => c.tipo === 'text').map((c) => c.columna))
    }
  })
}

/** The tables of a database (SQLite's bookkeeping and FTS5 shadow tables left out), by name. */
export async function tablasDe(app: AppDatabase): Promise<Map<string, Tabla>> {
  const lista =
    app.dialecto === 'sqlite' ? await tablasSqlite(dbDe(app)) : await tablasPostgres(dbDe(app))
  return new Map(lista.map((t) => [t.nombre, t]))
}

/** A reference from one table's column to another table. */
export interface Referencia {
  tabla: string
  columna: string
  padre: string
}

/** The foreign keys of a PostgreSQL database (SQLite's are deferred to the commit instead). */
export async function referenciasPostgres(app: AppDatabase): Promise<Referencia[]> {
  const { rows } = await sql<Referencia>`
    select cl.relname as tabla, a.attname as columna, rf.relname as padre
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_class rf on rf.oid = k.confrelid
    join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
    where k.contype = 'f'
    order by 1, 2`.execute(dbDe(app))
  return rows
}

/**
 * The order to copy in, parents first, by the references a row cannot be written without (not
 * null); and the nullable references that point to a table not yet written (a cycle such as
 * sesiones.presidente_id ↔ asistencias.sesion_id, or a table's own rows): written null first and
 * set once every table is there.
 */
export function ordenDeCopia(
  tablas: Tabla[],
  refs: Referencia[]
): { orden: Tabla[]; diferidas: Referencia[] } {
  const porNombre = new Map(tablas.map((t) => [t.nombre, t]))
  const pendientes = new Set(tablas.map((t) => t.nombre))
  const orden: Tabla[] = []
  // A table waits for its parents; in a cycle, only for those a row cannot be written without.
  const espera = (t: string, todas: boolean) =>
    refs.some(
      (r) =>
        r.tabla === t &&
        r.padre !== t &&
        pendientes.has(r.padre) &&
        (todas || !porNombre.get(t)!.nulas.has(r.columna))
    )
  while (pendientes.size > 0) {
    const lista = [...pendientes].sort()
    const libre = lista.find((t) => !espera(t, true)) ?? lista.find((t) => !espera(t, false))
    if (!libre) throw new Error(`Referencias obligatorias en ciclo entre: ${lista.join(', ')}.`)
    pendientes.delete(libre)
    orden.push(porNombre.get(libre)!)
  }
  const posicion = new Map(orden.map((t, i) => [t.nombre, i]))
  const diferidas = refs.filter(
    (r) =>
      posicion.has(r.tabla) &&
      posicion.has(r.padre) &&
      posicion.get(r.padre)! >= posicion.get(r.tabla)!
  )
  return { orden, diferidas }
}
