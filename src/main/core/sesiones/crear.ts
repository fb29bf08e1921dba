import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { Sesion } from '../../../shared/domain/sesiones'
import { TABLA_HABITUAL } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { tomarTurno } from '../db/turno'
import { notFound } from '../errors'
import { otraVezSiSeCruzan } from '../concurrencia'
import { anioDe, fueraDeOrdenActual, renumerar, siguienteNumero } from './numeracion'
import { obtenerSesion } from './lectura'

/**
 * A new session: numbered in date order within its instancia, type and year, with the instancia's
 * members listed for attendance and the usual agenda proposed.
 */
export async function crearSesion(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:crear'>
): Promise<Sesion> {
  // Two created at the same instant may compute the same number: the second runs again.
  const id = await otraVezSiSeCruzan(() =>
    db.transaction().execute(async (trx) => {
      await tomarTurno(trx)
      const instancia = await trx
        .selectFrom('instancias')
        .selectAll()
        .where('id', '=', input.instanciaId)
        .executeTakeFirst()
      if (!instancia) throw notFound('La instancia')
      const anio = anioDe(input.fecha)
      const stamp = nowStamp()
      const stamps = { created_at: stamp, updated_at: stamp }
      const sesionId = newId()
      const antes = await fueraDeOrdenActual(trx, {
        instanciaId: instancia.id,
        tipo: input.tipo,
        anio
      })
      await trx
        .insertInto('sesiones')
        .values({
          id: sesionId,
          instancia_id: instancia.id,
          tipo: input.tipo,
          numero: await siguienteNumero(trx, instancia.id, input.tipo, anio),
          anio,
          fecha: input.fecha,
          hora_inicio: input.horaInicio ?? null,
          hora_termino: null,
          lugar: input.lugar ?? '',
          modalidad: input.modalidad,
          preside: instancia.coordinador ?? '',
          estado: 'borrador',
          proxima_fecha: null,
          proxima_lugar: '',
          cerrada_at: null,
          aprobada_at: null,
          aprobada_en_sesion_id: null,
          observaciones_aprobacion: '',
          hash: null,
          ...stamps
        })
        .execute()
      // Numbered by date among the drafts of its year; asked first if approved numbers are in the way.
      await renumerar(trx, { instanciaId: instancia.id, tipo: input.tipo, anio }, antes, {
        sesionId,
        aceptado: input.fueraDeOrden === true
      })
      await asistenciaInicial(trx, sesionId, instancia.id, stamps)
      await tablaHabitual(trx, sesionId, stamps)
      return sesionId
    })
  )
  return obtenerSesion(db, id)
}

type Stamps = { created_at: string; updated_at: string }

/** The instancia's members, listed for attendance (absent until marked). */
async function asistenciaInicial(
  trx: Transaction<Database>,
  sesionId: string,
  instanciaId: string,
  stamps: Stamps
): Promise<void> {
  const miembros = await trx
    .selectFrom('miembros as m')
    .innerJoin('personas as p', 'p.id', 'm.persona_id')
    .leftJoin('instituciones as ins', 'ins.id', 'p.institucion_id')
    .select(['p.id', 'p.nombre', 'p.cargo', 'ins.sigla', 'm.calidad'])
    .where('m.instancia_id', '=', instanciaId)
    .orderBy('ins.sigla')
    .orderBy('m.calidad', 'desc')
    .orderBy('p.nombre')
    .execute()
  // One statement per 50 rows (its parameters bounded): the triggers still see each row, and
  // kysely compiles once instead of once per member.
  const filas = miembros.map((m, i) => ({
    id: newId(),
    sesion_id: sesionId,
    persona_id: m.id,
    nombre: m.nombre,
    cargo: m.cargo ?? '',
    institucion: m.sigla ?? '',
    calidad: m.calidad,
    estado: 'ausente' as const,
    motivo: '',
    orden: i + 1,
    ...stamps
  }))
  for (let k = 0; k < filas.length; k += 50)
    await trx
      .insertInto('asistencias')
      .values(filas.slice(k, k + 50))
      .execute()
}

/** The usual agenda: approval of the last acta, report, follow-up of acuerdos, other matters. */
async function tablaHabitual(
  trx: Transaction<Database>,
  sesionId: string,
  stamps: Stamps
): Promise<void> {
  await trx
    .insertInto('puntos_tabla')
    .values(
      TABLA_HABITUAL.map((p, i) => ({
        id: newId(),
        sesion_id: sesionId,
        titulo: p.titulo,
        desarrollo: '',
        tipo: p.tipo,
        orden: i + 1,
        ...stamps
      }))
    )
    .execute()
}
