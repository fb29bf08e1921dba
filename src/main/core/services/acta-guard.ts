import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { AppError, notFound } from '../errors'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_APROBADA =
  'El acta de esta sesión ya fue aprobada y no se puede modificar. Para corregirla, registre una fe de erratas.'
export const MENSAJE_CERRADA = 'La sesión está cerrada. Reábrala para modificar el acta.'

/**
 * Every write to an acta passes here first, inside its transaction: an approved acta is
 * immutable, a closed one must be reopened before it changes.
 */
export async function sesionEditable(db: Db, sesionId: string): Promise<SesionRow> {
  const sesion = await db
    .selectFrom('sesiones')
    .selectAll()
    .where('id', '=', sesionId)
    .executeTakeFirst()
  if (!sesion) throw notFound('La sesión')
  if (sesion.estado === 'aprobada') throw new AppError('solo_lectura', MENSAJE_APROBADA)
  if (sesion.estado === 'cerrada') throw new AppError('solo_lectura', MENSAJE_CERRADA)
  return sesion
}

/** The session a row belongs to, for writes addressed by the row's own id. */
export async function sesionDe(
  db: Db,
  table: 'asistencias' | 'puntos_tabla' | 'acuerdos',
  id: string,
  que: string
): Promise<SesionRow> {
  const row = await db.selectFrom(table).select('sesion_id').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(que)
  return sesionEditable(db, row.sesion_id)
}
