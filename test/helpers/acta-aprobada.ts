import type { TestApp } from './db'
import { caller, conFirmantes, prevencionConMiembros } from './sesiones'

/** The rows of one session that an id field may point at. */
export interface FilasSesion {
  sesion: string
  asistencia: string
  punto: string
  acuerdo: string
}

export interface ActaAprobadaFixture {
  /** Draft session 1, whose acuerdo both later sessions follow up. */
  s1: FilasSesion
  /** Approved, with a row in every table an acta has. */
  aprobada: FilasSesion
  /** Draft, with the same kinds of rows; the acta of `aprobada` was approved in it. */
  borrador: FilasSesion
  instanciaId: string
  planId: string
  accionId: string
  indicadorId: string
  institucionId: string
  personaId: string
}

/**
 * Three sessions of Prevención built through the API: S1 (draft, an acuerdo), A (attendance with
 * who signs present, guest, agenda, avance, measurement, acuerdo, follow-up of S1's acuerdo;
 * closed and approved) and B (the same kinds of rows; A was approved in B, B still a draft).
 */
export async function actaAprobada(t: TestApp): Promise<ActaAprobadaFixture> {
  const { ok } = caller(t)
  const ctx = await prevencionConMiembros(t)
  const accion = ctx.accion('1.2.b')
  const indicador = accion.indicadores[0]!
  const institucionId = ctx.inst.get('PDI')!
  const personaId = ctx.personas[0]!.id

  const nueva = (fecha: string) =>
    ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha,
      modalidad: 'presencial'
    })
  const acuerdo = (sesionId: string, texto: string) =>
    ok('acuerdo:crear', {
      sesionId,
      texto,
      institucionId,
      personaId,
      plazo: '2014-09-30',
      accionId: accion.id
    })

  const s1 = await nueva('2014-03-12')
  const x1 = await acuerdo(s1.id, 'Enviar la propuesta de capacitación.')

  const llenar = async (sesionId: string, fecha: string): Promise<FilasSesion> => {
    await ok('asistencia:invitar', {
      sesionId,
      nombre: 'Elena Invitada',
      cargo: 'Asesora',
      institucion: 'OIM'
    })
    const d = await ok('sesion:obtener', { id: sesionId })
    await ok('asistencia:marcar', { id: d.asistencia[0]!.id, estado: 'presente', motivo: '' })
    await ok('punto:actualizar', {
      id: d.puntos[1]!.id,
      titulo: d.puntos[1]!.titulo,
      desarrollo: 'Se da cuenta de la correspondencia.'
    })
    await ok('avance:guardar', {
      sesionId,
      accionId: accion.id,
      estado: 'en_curso',
      porcentaje: 40,
      reporte: 'En diseño.'
    })
    await ok('medicion:guardar', {
      sesionId,
      indicadorId: indicador.id,
      valor: null,
      numerador: 9,
      denominador: 12,
      fechaCorte: fecha,
      nota: ''
    })
    const a = await acuerdo(sesionId, `Acuerdo de la sesión del ${fecha}.`)
    await ok('acuerdo:seguimiento', {
      sesionId,
      acuerdoId: x1.id,
      estado: 'en_curso',
      nota: 'En revisión.'
    })
    return {
      sesion: sesionId,
      asistencia: d.asistencia[0]!.id,
      punto: d.puntos[1]!.id,
      acuerdo: a.id
    }
  }

  const a = await nueva('2014-04-09')
  const aprobada = await llenar(a.id, '2014-04-09')
  const b = await nueva('2014-05-14')
  const borrador = await llenar(b.id, '2014-05-14')
  // The acta names who signs it: MININT (who «Preside» names) present besides SERNAM.
  await conFirmantes(t, a.id)
  await ok('sesion:cerrar', { id: a.id })
  await ok('sesion:aprobar', { id: a.id, enSesionId: b.id, observaciones: '' })

  const d1 = await ok('sesion:obtener', { id: s1.id })
  const planes = await ok('plan:listar', undefined)
  return {
    s1: {
      sesion: s1.id,
      asistencia: d1.asistencia[0]!.id,
      punto: d1.puntos[0]!.id,
      acuerdo: x1.id
    },
    aprobada,
    borrador,
    instanciaId: ctx.prevencion.id,
    planId: planes[0]!.id,
    accionId: accion.id,
    indicadorId: indicador.id,
    institucionId,
    personaId
  }
}
