import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { AppError, conflict, notFound, type Entidad } from '../errors'
import { tomarTurno } from '../db/turno'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_APROBADA =
  'El acta de esta sesión ya fue aprobada y no se puede modificar. Para corregirla, registre una fe de erratas.'
/** Said when the database's triggers, not a service check, refused the write. */
export const MENSAJE_SELLADA =
  'El acta aprobada está sellada en la base de datos; no se modificó nada. Para corregirla, registre una fe de erratas.'
export const MENSAJE_CERRADA = 'La sesión está cerrada. Reábrala para modificar el acta.'

/**
 * Every write to an acta passes here first, inside its transaction: an approved acta is
 * immutable, a closed one must be reopened before it changes.
 */
export async function sesionEditable(db: Db, sesionId: string): Promise<SesionRow> {
  // On a server, the state is read in this writer's turn: a close or an approval being
  // committed now is seen, not the state before it (db/turno.ts).
  await tomarTurno(db)
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
  que: Entidad
): Promise<SesionRow> {
  const row = await db.selectFrom(table).select('sesion_id').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(que)
  return sesionEditable(db, row.sesion_id)
}

export const MENSAJE_SEGUIDO =
  'Un acta aprobada da seguimiento a este acuerdo; no se puede eliminar (el acta aprobada no puede cambiar).'

/**
 * Deleting acuerdos would cascade into the follow-ups that approved actas recorded: refuse
 * first, with a message (the database's triggers would refuse anyway).
 */
export async function sinSeguimientoAprobado(
  db: Db,
  where: { acuerdoId: string } | { sesionId: string }
): Promise<void> {
  let q = db
    .selectFrom('seguimientos as sg')
    .innerJoin('sesiones as s', 's.id', 'sg.sesion_id')
    .innerJoin('acuerdos as a', 'a.id', 'sg.acuerdo_id')
    .select('sg.id')
    .where('s.estado', '=', 'aprobada')
  q =
    'acuerdoId' in where
      ? q.where('a.id', '=', where.acuerdoId)
      : q.where('a.sesion_id', '=', where.sesionId)
  if (await q.executeTakeFirst()) throw conflict(MENSAJE_SEGUIDO)
}
