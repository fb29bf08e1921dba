import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { sesionEditable } from '../sesiones'

/** A later session of the same instancia records where an earlier acuerdo stands. */
export async function guardarSeguimiento(
  db: Kysely<Database>,
  leido: ParsedInput<'acuerdo:seguimiento'>
): Promise<null> {
  await db.transaction().execute(async (trx) => {
    const sesion = await sesionEditable(trx, leido.sesionId)
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'seguimientos',
      clave: { acuerdo_id: leido.acuerdoId, sesion_id: leido.sesionId },
      columnas: { estado: 'estado', nota: 'nota' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El acuerdo'),
      // What the screen shows for an acuerdo this session has not followed up yet.
      vacio: { nota: '' }
    })
    const acuerdo = await trx
      .selectFrom('acuerdos')
      .innerJoin('sesiones', 'sesiones.id', 'acuerdos.sesion_id')
      .select(['acuerdos.id', 'sesiones.instancia_id', 'sesiones.fecha', 'sesiones.id as origen'])
      .where('acuerdos.id', '=', input.acuerdoId)
      .executeTakeFirst()
    if (!acuerdo) throw notFound('El acuerdo')
    if (
      acuerdo.instancia_id !== sesion.instancia_id ||
      acuerdo.origen === sesion.id ||
      acuerdo.fecha > sesion.fecha
    ) {
      throw conflict(
        'Un acuerdo se sigue en una sesión posterior de la misma instancia.',
        'acuerdoId'
      )
    }
    const stamp = nowStamp()
    const values = { estado: input.estado, nota: input.nota, updated_at: stamp }
    const r = await trx
      .insertInto('seguimientos')
      .values({
        id: newId(),
        acuerdo_id: acuerdo.id,
        sesion_id: sesion.id,
        created_at: stamp,
        ...values
      })
      .onConflict((oc) =>
        oc.columns(['acuerdo_id', 'sesion_id']).doUpdateSet(values).where(cas.comoSeLeyo)
      )
      .executeTakeFirst()
    if (!r.numInsertedOrUpdatedRows) throw cas.faltante()
  })
  return null
}
