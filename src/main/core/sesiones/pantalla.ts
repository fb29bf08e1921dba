import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { SesionDetalle } from '../../../shared/domain/sesiones'
import { notFound } from '../errors'
import { actaAnterior } from './acta-anterior'
import { detalleSesion } from './sesion-detalle.service'

/**
 * The session as its screen shows it: inside a session "vencido" is judged at the session's
 * date (a 2014 session does not see its acuerdos overdue by today's), and the previous acta is
 * there for the first item of the agenda.
 */
export async function pantallaSesion(db: Kysely<Database>, id: string): Promise<SesionDetalle> {
  const row = await db.selectFrom('sesiones').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('La sesión')
  const [d, anterior] = await Promise.all([detalleSesion(db, id, row.fecha), actaAnterior(db, row)])
  return { ...d, actaAnterior: anterior }
}
