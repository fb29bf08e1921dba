import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema'

/**
 * How many rows each way of reading an acción's page may count before it is taken as the
 * dearer one: counting stops there, so deciding costs at most this many index steps.
 */
export const TOPE_VENTANA = 200

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
  const cuantas = async (q: RawBuilder<unknown>, tope: number) =>
    (await sql<{ n: number }>`select count(*) as n from (${q} limit ${tope})`.execute(db)).rows[0]!
      .n
  const sesiones = await cuantas(sql`select 1 from sesiones where fecha >= ${desde}`, TOPE_VENTANA)
  if (sesiones >= TOPE_VENTANA) return false
  // Its own rows are counted only as far as the sessions: enough to tell which are fewer.
  const propias = await cuantas(
    sql`select 1 from acuerdos where accion_id = ${accionId}
      union all select 1 from indicadores i cross join mediciones m on m.indicador_id = i.id
        where i.accion_id = ${accionId}`,
    sesiones + 1
  )
  return sesiones < propias
}
