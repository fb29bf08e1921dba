import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { FeErrata } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { hoyChile } from '../../../shared/domain/fechas'

/** A correction to an approved acta: linked to it, never an edit of it. */
export async function crearErrata(
  db: Kysely<Database>,
  input: ParsedInput<'errata:crear'>,
  hoy: string = hoyChile()
): Promise<FeErrata> {
  const s = await db
    .selectFrom('sesiones')
    .select('estado')
    .where('id', '=', input.sesionId)
    .executeTakeFirst()
  if (!s) throw notFound('La sesión')
  if (s.estado !== 'aprobada')
    throw conflict('La fe de erratas corrige un acta aprobada; esta acta aún se puede editar.')
  const stamp = nowStamp()
  const row = {
    id: newId(),
    sesion_id: input.sesionId,
    texto: input.texto,
    fecha: hoy,
    created_at: stamp,
    updated_at: stamp
  }
  await db.insertInto('fe_erratas').values(row).execute()
  return { id: row.id, texto: row.texto, fecha: row.fecha }
}
