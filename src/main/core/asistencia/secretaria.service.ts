import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'
import { conflict } from '../errors'
import { sesionEditable } from '../sesiones'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_NO_PRESENTE =
  'Quien actuó como secretario/a de actas debe figurar como presente en la asistencia de esta sesión.'

export const MENSAJE_PRESIDENTE_NO_PRESENTE =
  'Quien presidió la sesión debe figurar como presente en la asistencia de esta sesión.'

type Rol = 'secretaria_subrogante_id' | 'presidente_id'

/** One of the session's attendees who was present, or nobody, recorded in the role's column. */
async function registrarRol(
  db: Kysely<Database>,
  input: ParsedInput<'asistencia:secretaria'>,
  columna: Rol,
  mensaje: string
): Promise<{ asistenciaId: string | null }> {
  return db.transaction().execute(async (trx) => {
    await sesionEditable(trx, input.sesionId)
    if (input.asistenciaId !== null) {
      const a = await trx
        .selectFrom('asistencias')
        .select('estado')
        .where('id', '=', input.asistenciaId)
        .where('sesion_id', '=', input.sesionId)
        .executeTakeFirst()
      if (a?.estado !== 'presente') throw conflict(mensaje, 'asistenciaId')
    }
    await trx
      .updateTable('sesiones')
      .set({ [columna]: input.asistenciaId, updated_at: nowStamp() })
      .where('id', '=', input.sesionId)
      .execute()
    return { asistenciaId: input.asistenciaId }
  })
}

/**
 * Who acted as secretary of a session whose secretaría de actas did not attend: one of its
 * attendees who was present, or nobody. The acta names them on the secretary's signature line.
 */
export const secretariaSubrogante = (
  db: Kysely<Database>,
  input: ParsedInput<'asistencia:secretaria'>
) => registrarRol(db, input, 'secretaria_subrogante_id', MENSAJE_NO_PRESENTE)

/** Who chaired the session: the acta names them on the "Preside" signature line. */
export const presidente = (db: Kysely<Database>, input: ParsedInput<'asistencia:presidente'>) =>
  registrarRol(db, input, 'presidente_id', MENSAJE_PRESIDENTE_NO_PRESENTE)

/** Someone marked as not present no longer acts as secretary nor chairs (called inside the marking). */
export async function dejaDeActuar(trx: Db, asistenciaId: string): Promise<void> {
  for (const columna of ['secretaria_subrogante_id', 'presidente_id'] as const)
    await trx
      .updateTable('sesiones')
      .set({ [columna]: null })
      .where(columna, '=', asistenciaId)
      .execute()
}
