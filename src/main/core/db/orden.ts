import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, IdTable, OrderedTable } from './schema'
import type { Direccion } from '../../../shared/domain/plan'
import { nowStamp } from './ids'
import { notFound, type Entidad } from '../errors'

type Db = Kysely<Database> | Transaction<Database>

/** The column that groups siblings; null where the whole table is one list. */
const PARENT: Record<OrderedTable, string | null> = {
  ejes: 'plan_id',
  objetivos: 'eje_id',
  acciones: 'objetivo_id',
  metas: 'accion_id',
  indicadores: 'accion_id',
  instituciones: null,
  instancias: null,
  puntos_tabla: 'sesion_id',
  asistencias: 'sesion_id'
}

const parentFilter = (table: OrderedTable, parentId: string | null): ReturnType<typeof sql> => {
  const col = PARENT[table]
  return col ? sql`${sql.ref(col)} = ${parentId}` : sql`1 = 1`
}

/** The position after the last sibling. */
export async function nextOrden(
  db: Db,
  table: OrderedTable,
  parentId: string | null
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select coalesce(max(orden), 0) + 1 as n from ${sql.table(table)}
    where ${parentFilter(table, parentId)}`.execute(db)
  return Number(rows[0]?.n ?? 1)
}

/** Swaps a row with its neighbour above or below; at either end it stays put. */
export async function moveSibling(
  db: Kysely<Database>,
  table: OrderedTable,
  id: string,
  direccion: Direccion,
  que: Entidad,
  /** Runs first, inside the same transaction (e.g. the acta lock). */
  guard?: (trx: Transaction<Database>) => Promise<unknown>
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (guard) await guard(trx)
    const col = PARENT[table]
    const { rows: self } = await sql<{ parent: string | null }>`
      select ${col ? sql.ref(col) : sql`null`} as parent from ${sql.table(table)} where id = ${id}`.execute(
      trx
    )
    if (self.length === 0) throw notFound(que)
    const { rows: siblings } = await sql<{ id: string; orden: number }>`
      select id, orden from ${sql.table(table)}
      where ${parentFilter(table, self[0]!.parent)} order by orden, id`.execute(trx)
    const i = siblings.findIndex((r) => r.id === id)
    const j = direccion === 'arriba' ? i - 1 : i + 1
    if (j < 0 || j >= siblings.length) return
    const stamp = nowStamp()
    // Renumber the whole list so duplicate orden values left by a merge cannot stall a move.
    const ids = siblings.map((r) => r.id)
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
    for (const [k, rowId] of ids.entries()) {
      const orden = k + 1
      if (siblings[k]!.id === rowId && siblings[k]!.orden === orden) continue
      await sql`update ${sql.table(table)} set orden = ${orden}, updated_at = ${stamp}
        where id = ${rowId}`.execute(trx)
    }
  })
}

/** Deletes one row (its children go by cascade) and leaves a tombstone for later merges. */
export async function deleteWithTombstone(
  db: Kysely<Database>,
  table: IdTable,
  id: string,
  que: Entidad
): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    const { numAffectedRows } = await sql`delete from ${sql.table(table)} where id = ${id}`.execute(
      trx
    )
    if (!numAffectedRows) throw notFound(que)
    await trx
      .insertInto('tombstones')
      .values({ id, tabla: table, deleted_at: nowStamp() })
      .execute()
  })
  return { id }
}

/** A handler that deletes one row of `table` by id, leaving a tombstone. */
export const eliminar =
  (db: Kysely<Database>, table: IdTable, que: Entidad) =>
  ({ id }: { id: string }): Promise<{ id: string }> =>
    deleteWithTombstone(db, table, id, que)

/** A handler that moves one row of `table` up or down among its siblings. */
export const mover =
  (db: Kysely<Database>, table: OrderedTable, que: Entidad) =>
  async ({ id, direccion }: { id: string; direccion: Direccion }): Promise<null> => {
    await moveSibling(db, table, id, direccion, que)
    return null
  }
