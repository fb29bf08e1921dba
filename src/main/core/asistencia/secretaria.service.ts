import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'
import { conflict } from '../errors'
import { sesionEditable } from '../sesiones'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_NO_PRESENTE =
  'Quien actuó como secretario/a de actas debe figurar como presente en la asistencia de esta sesión.'

/**
 * Who acted as secretary of a session whose secretaría de actas did not attend: one of its
 * attendees who was present, or nobody. The acta names them on the secretary's signature line.
 */
export async function secretariaSubrogante(
  db: Kysely<Database>,
  input: ParsedInput<'asistencia:secretaria'>
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
      if (a?.estado !== 'presente') throw conflict(MENSAJE_NO_PRESENTE, 'asistenciaId')
    }
    await trx
      .updateTable('sesiones')
      .set({ secretaria_subrogante_id: input.asistenciaId, updated_at: nowStamp() })
      .where('id', '=', input.sesionId)
      .execute()
    return { asistenciaId: input.asistenciaId }
  })
}

/** Someone marked as not present no longer acts as secretary (called inside the marking). */
export async function dejaDeActuar(trx: Db, asistenciaId: string): Promise<void> {
  await trx
    .updateTable('sesiones')
    .set({ secretaria_subrogante_id: null })
    .where('secretaria_subrogante_id', '=', asistenciaId)
    .execute()
}
