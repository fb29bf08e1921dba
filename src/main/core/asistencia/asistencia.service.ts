import type { Kysely } from 'kysely'
import type { AsistenciaRow, Database } from '../db/schema'
import type { Asistencia } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { sesionDe, sesionEditable } from '../sesiones'
import { nextOrden } from '../db/orden'
import { dejaDeActuar, sinSubroganteSiAsiste } from './secretaria.service'

export const toAsistencia = (r: AsistenciaRow): Asistencia => ({
  id: r.id,
  personaId: r.persona_id,
  nombre: r.nombre,
  cargo: r.cargo,
  institucion: r.institucion,
  calidad: r.calidad,
  estado: r.estado,
  motivo: r.motivo
})

export async function marcarAsistencia(
  db: Kysely<Database>,
  leido: ParsedInput<'asistencia:marcar'>
): Promise<Asistencia> {
  return db.transaction().execute(async (trx) => {
    const sesion = await sesionDe(trx, 'asistencias', leido.id, 'El registro de asistencia')
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'asistencias',
      clave: { id: leido.id },
      columnas: { estado: 'estado', motivo: 'motivo' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El registro de asistencia')
    })
    if (input.estado !== 'presente') await dejaDeActuar(trx, input.id)
    const row = await trx
      .updateTable('asistencias')
      .set({
        estado: input.estado,
        motivo: input.estado === 'excusado' ? input.motivo.trim() : '',
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    await sinSubroganteSiAsiste(trx, sesion.id)
    return toAsistencia(row)
  })
}

export async function invitar(
  db: Kysely<Database>,
  input: ParsedInput<'asistencia:invitar'>
): Promise<Asistencia> {
  return db.transaction().execute(async (trx) => {
    await sesionEditable(trx, input.sesionId)
    const stamp = nowStamp()
    const row = await trx
      .insertInto('asistencias')
      .values({
        id: newId(),
        sesion_id: input.sesionId,
        persona_id: null,
        nombre: input.nombre,
        cargo: input.cargo.trim(),
        institucion: input.institucion.trim(),
        calidad: 'invitado',
        estado: 'presente',
        motivo: '',
        orden: await nextOrden(trx, 'asistencias', input.sesionId),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await sinSubroganteSiAsiste(trx, input.sesionId)
    return toAsistencia(row)
  })
}

export async function quitarInvitado(db: Kysely<Database>, id: string): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    await sesionDe(trx, 'asistencias', id, 'El registro de asistencia')
    const r = await trx
      .selectFrom('asistencias')
      .select('calidad')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    if (r.calidad !== 'invitado')
      throw conflict('Sólo se quitan invitados; a un miembro márquelo ausente.')
    await trx.deleteFrom('asistencias').where('id', '=', id).execute()
    await trx
      .insertInto('tombstones')
      .values({ id, tabla: 'asistencias', deleted_at: nowStamp() })
      .execute()
  })
  return { id }
}
