import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { AcuerdoRow, Database } from '../db/schema'
import { ACUERDOS_TOPE_TOTAL, type AcuerdoCursor } from '../../../shared/acuerdos/contract'

type Db = Kysely<Database>
export type FilaListada = AcuerdoRow & {
  instanciaId: string
  instancia: string
  sigla: string | null
}

/** The acuerdos meeting `donde`, with what a row of the list shows of its session. */
const filas = (db: Db, donde: RawBuilder<SqlBool>) =>
  db
    .selectFrom('acuerdos as a')
    .innerJoin('sesiones as s', 's.id', 'a.sesion_id')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
    .leftJoin('instituciones as it', 'it.id', 'a.institucion_id')
    .where(donde)
    .selectAll('a')
    .select(['s.instancia_id as instanciaId', 'i.nombre as instancia', 'it.sigla as sigla'])

/**
 * How many acuerdos meet a filter, counted only up to ACUERDOS_TOPE_TOTAL: a filter that lets
 * most through (a plan, the fulfilled ones) would otherwise count the whole history each page.
 */
export async function contarHasta(
  db: Db,
  donde: RawBuilder<SqlBool>
): Promise<{ n: number; exacto: boolean }> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (
      select 1 from acuerdos a join sesiones s on s.id = a.sesion_id where ${donde}
      limit ${ACUERDOS_TOPE_TOTAL + 1})`.execute(db)
  const n = Number(rows[0]!.n)
  return { n: Math.min(n, ACUERDOS_TOPE_TOTAL), exacto: n <= ACUERDOS_TOPE_TOTAL }
}

/** The first `max` acuerdos by plazo from `offset` (each earlier one walked), the old way. */
export function desdeOffset(
  db: Db,
  donde: RawBuilder<SqlBool>,
  desc: boolean,
  offset: number,
  max: number
): Promise<FilaListada[]> {
  return filas(db, donde)
    .orderBy(sql`a.plazo is null`)
    .orderBy('a.plazo', desc ? 'desc' : 'asc')
    .orderBy('s.fecha')
    .orderBy('a.numero')
    .orderBy('a.id')
    .limit(max)
    .offset(offset)
    .execute()
}

/** After the cursor's row within its own group (same plazo, or none), by session and number. */
const trasElCursor = (c: AcuerdoCursor) =>
  sql<SqlBool>`(s.fecha, a.numero, a.id) > (${c.sesionFecha}, ${c.numero}, ${c.id})`

/**
 * The `max` acuerdos that follow the cursor's row in the list's order (plazo, those without
 * one last; then session date, number, id), each found from where the cursor is, so that a
 * page costs the same however deep it is. Those with a plazo: a seek into the plazo index
 * (migration 0018) at the cursor's plazo (`plazo is null` as its first column, and ordered by
 * plazo alone: with `plazo is null` in the ORDER BY too SQLite sorted all that follow). Those
 * without: the sessions walked by date from the cursor's (sesiones_fecha_idx), each one's
 * acuerdos by its key; through the plazo index they were all read and sorted, every page.
 */
export async function despuesDe(
  db: Db,
  donde: RawBuilder<SqlBool>,
  desc: boolean,
  c: AcuerdoCursor | null,
  max: number
): Promise<FilaListada[]> {
  // No cursor: from the first. Those with a plazo by plazo alone (not `plazo is null` first),
  // so that a filter's own index (persona, institución: migration 0020) gives them in order.
  const conPlazo =
    !c || c.plazo
      ? await filas(db, donde)
          .where(sql<SqlBool>`(a.plazo is null) = 0`)
          .where(
            c
              ? sql<SqlBool>`a.plazo ${sql.raw(desc ? '<=' : '>=')} ${c.plazo}
                and (a.plazo <> ${c.plazo} or ${trasElCursor(c)})`
              : sql<SqlBool>`a.plazo is not null`
          )
          .orderBy('a.plazo', desc ? 'desc' : 'asc')
          .orderBy('s.fecha')
          .orderBy('a.numero')
          .orderBy('a.id')
          .limit(max)
          .execute()
      : []
  if (conPlazo.length >= max) return conPlazo
  const desde = !c || c.plazo ? sql`` : sql`and s.fecha >= ${c.sesionFecha} and ${trasElCursor(c)}`
  const { rows } = await sql<FilaListada>`select a.*, s.instancia_id as instanciaId,
      i.nombre as instancia, it.sigla as sigla
    from sesiones s cross join acuerdos a on a.sesion_id = s.id
      join instancias i on i.id = s.instancia_id
      left join instituciones it on it.id = a.institucion_id
    where a.plazo is null and ${donde} ${desde}
    order by s.fecha, a.numero, a.id limit ${max - conPlazo.length}`.execute(db)
  return [...conPlazo, ...rows]
}
