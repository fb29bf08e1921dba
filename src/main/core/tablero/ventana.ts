import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema'
import type { AcuerdoListado } from '../../../shared/acuerdos/contract'
import { acuerdosRecientesDeAccion } from '../acuerdos'

/**
 * How many rows each way of reading an acción's page may count before it is taken as the
 * dearer one: counting stops there, so deciding costs at most this many index steps.
 */
export const TOPE_VENTANA = 200

/** How many rows `q` gives, counted no further than `tope`. */
export async function cuantas(db: Kysely<Database>, q: RawBuilder<unknown>, tope: number) {
  const r = await sql<{ n: number }>`select count(*) as n from (${q} limit ${tope}) v`.execute(db)
  return Number(r.rows[0]!.n)
}

/**
 * Whether an acción's page reads the sessions since `desde` (the date of its n-th latest report)
 * or its own rows by its keys. Walking the sessions costs one step per session of every
 * instancia since then, which for an acción reported once a year is years of history; its own
 * rows (acuerdos, measurements) are what its page is about. Each count stops at TOPE_VENTANA,
 * so the choice costs the same whatever the history, and the cheaper way is taken.
 */
export async function recorrerSesiones(
  db: Kysely<Database>,
  accionId: string,
  desde: string | null
): Promise<boolean> {
  if (!desde) return false
  const sesiones = await cuantas(
    db,
    sql`select 1 from sesiones where fecha >= ${desde}`,
    TOPE_VENTANA
  )
  if (sesiones >= TOPE_VENTANA) return false
  // Its own rows are counted only as far as the sessions: enough to tell which are fewer.
  const propias = await cuantas(
    db,
    sql`select 1 from acuerdos where accion_id = ${accionId}
      union all select 1 from indicadores i cross join mediciones m on m.indicador_id = i.id
        where i.accion_id = ${accionId}`,
    sesiones + 1
  )
  return sesiones < propias
}

/**
 * The acción's latest `max` acuerdos, latest first: those since `desde` when there are that
 * many; else, with `tope` growing fourfold from TOPE_VENTANA until one answers, all of them when
 * they are fewer than `tope` (counted that far), or those of the latest `tope` sessions when
 * these hold `max`. Each try costs about `tope` rows, so finding them costs about the lesser of
 * the acción's acuerdos and the sessions back to its max-th latest one, not every acuerdo of an
 * acción with years of them. A bound whatever the history would need an index of its acuerdos
 * by their session's date, which the acuerdos do not carry.
 */
export async function acuerdosDe(
  db: Kysely<Database>,
  accionId: string,
  max: number,
  desde: string | null,
  hoy: string
): Promise<AcuerdoListado[]> {
  if (desde) {
    const recientes = await acuerdosRecientesDeAccion(db, accionId, max, desde, hoy)
    if (recientes.length >= max) return recientes
  }
  const suyos = sql`select 1 from acuerdos where accion_id = ${accionId}`
  for (let tope = TOPE_VENTANA; ; tope *= 4) {
    if ((await cuantas(db, suyos, tope)) < tope)
      return acuerdosRecientesDeAccion(db, accionId, max, null, hoy)
    const hallados = await acuerdosRecientesDeAccion(db, accionId, max, tope, hoy)
    if (hallados.length >= max) return hallados
  }
}
