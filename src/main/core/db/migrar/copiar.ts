import { sql, type Kysely } from 'kysely'
import type { AppDatabase } from '../open'
import type { Referencia, Tabla } from './esquema'
import { paginas, type Lado } from './leer'

// The copy itself, in one transaction on the target: a failure anywhere leaves it as it was.
// The target's triggers are off meanwhile: they would write new history, stamps and search rows
// over the ones copied (which are the source's, kept as they are).

type Db = Kysely<unknown>

/** One table to copy: each side's description and the columns both have. */
export interface Paso {
  origen: Tabla
  destino: Tabla
  columnas: string[]
}

/** Rows copied so far of a table, of how many. */
export type Progreso = (tabla: string, copiadas: number, total: number) => void

/** Values one INSERT may carry on both dialects (SQLite 32,766 parameters, PostgreSQL 65,535). */
export const VALORES_POR_INSERT = 32_766

/** PostgreSQL: the app's own triggers off (`USER`: the foreign keys' system triggers stay). */
async function apagarPostgres(tx: Db, tablas: string[]): Promise<() => Promise<void>> {
  for (const t of tablas) await sql`alter table ${sql.id(t)} disable trigger user`.execute(tx)
  return async () => {
    for (const t of tablas) await sql`alter table ${sql.id(t)} enable trigger user`.execute(tx)
  }
}

/** SQLite has no switch: each trigger is dropped and created again, as it was, before commit. */
async function apagarSqlite(tx: Db): Promise<() => Promise<void>> {
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master where type = 'trigger' order by name`.execute(tx)
  for (const r of rows) await sql`drop trigger ${sql.id(r.name)}`.execute(tx)
  // Every reference checked once, at commit: the order of the tables and cycles do not matter.
  await sql`pragma defer_foreign_keys = on`.execute(tx)
  return async () => {
    for (const r of rows) await sql.raw(r.sql).execute(tx)
  }
}

/** One page (PAGINA rows) in one INSERT: every table's page fits (tested in migrar-foto). */
async function insertar(tx: Db, t: Tabla, columnas: string[], filas: unknown[][]) {
  const nombres = sql.join(columnas.map((c) => sql.id(t.fisica[c] ?? c)))
  const valores = filas.map((f) => sql`(${sql.join(f)})`)
  await sql`insert into ${sql.id(t.nombre)} (${nombres}) values ${sql.join(valores)}`.execute(tx)
}

async function copiarTabla(
  origen: AppDatabase,
  tx: Db,
  paso: Paso,
  diferidas: Set<string>,
  total: number,
  progreso: Progreso
): Promise<void> {
  const nulas = paso.columnas.map((c) => diferidas.has(c))
  let copiadas = 0
  progreso(paso.destino.nombre, 0, total)
  for await (const pagina of paginas({ app: origen, tabla: paso.origen }, paso.columnas)) {
    const filas = pagina.map((f) => f.map((v, i) => (nulas[i] ? null : v)))
    await insertar(tx, paso.destino, paso.columnas, filas)
    copiadas += filas.length
    progreso(paso.destino.nombre, copiadas, total)
  }
}

/** The references written null at first (a cycle), set now that every row is there. */
async function fijarDiferidas(origen: AppDatabase, tx: Db, pasos: Paso[], refs: Referencia[]) {
  for (const r of refs) {
    const paso = pasos.find((p) => p.destino.nombre === r.tabla)
    if (!paso) continue
    const clave = paso.destino.clave
    const lado: Lado = { app: origen, tabla: paso.origen }
    for await (const pagina of paginas(lado, [...clave, r.columna])) {
      for (const fila of pagina) {
        const valor = fila[clave.length]
        if (valor === null || valor === undefined) continue
        const donde = sql.join(
          clave.map((c, i) => sql`${sql.id(c)} = ${fila[i]}`),
          sql` and `
        )
        await sql`update ${sql.id(r.tabla)} set ${sql.id(r.columna)} = ${valor}
          where ${donde}`.execute(tx)
      }
    }
  }
}

/** Identity columns (historial.id, busqueda_filas.fila) go on after the highest id copied. */
async function moverSecuencias(tx: Db): Promise<void> {
  const { rows } = await sql<{ tabla: string; columna: string; secuencia: string }>`
    select c.relname as tabla, a.attname as columna,
      pg_get_serial_sequence(format('%I', c.relname), a.attname) as secuencia
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind = 'r'
      and pg_get_serial_sequence(format('%I', c.relname), a.attname) is not null`.execute(tx)
  for (const r of rows) {
    await sql`select setval(${r.secuencia}::regclass,
      (select coalesce(max(${sql.id(r.columna)}), 0) + 1 from ${sql.id(r.tabla)}), false)`.execute(
      tx
    )
  }
}

/**
 * Copies every table of `pasos` (parents first) from `origen` into the empty `destino`, in one
 * transaction, its triggers off; `destino`'s installation row becomes the source's. `revisar`
 * refuses a target that is not empty, inside that transaction.
 */
export async function copiar(
  origen: AppDatabase,
  destino: AppDatabase,
  pasos: Paso[],
  diferidas: Referencia[],
  totales: Map<string, number>,
  progreso: Progreso,
  revisar: (destino: AppDatabase) => Promise<void>
): Promise<void> {
  await destino.db.transaction().execute(async (trx) => {
    const tx = trx as unknown as Db
    const encender =
      destino.dialecto === 'postgres'
        ? await apagarPostgres(
            tx,
            pasos.map((p) => p.destino.nombre)
          )
        : await apagarSqlite(tx)
    // Checked here, not before: switching the triggers off locked every table against writers
    // (a server's ALTER TABLE, SQLite's write lock), so nobody can fill the target meanwhile.
    await revisar({ ...destino, db: trx })
    // The moved database keeps its identity: the row the target was created with goes.
    await sql`delete from instalacion`.execute(tx)
    for (const paso of pasos) {
      const propias = new Set(
        diferidas.filter((r) => r.tabla === paso.destino.nombre).map((r) => r.columna)
      )
      const total = totales.get(paso.destino.nombre) ?? 0
      await copiarTabla(origen, tx, paso, propias, total, progreso)
    }
    await fijarDiferidas(origen, tx, pasos, diferidas)
    if (destino.dialecto === 'postgres') await moverSecuencias(tx)
    await encender()
  })
}
