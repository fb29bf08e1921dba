import { sembrarDemo } from '../../src/main/core/seed/demo'
import type { Channel } from '../../src/shared/api/contract'
import type { Cliente } from './dos-clientes'

type Fila = Record<string, unknown>

/** One row an update channel writes: its key, how a client reads it, and two different values. */
export interface Escenario {
  clave: Fila
  /** The row as a read returns it (its fields named as the update takes them). */
  leer: (c: Cliente) => Promise<object>
  campo: string
  valores: [unknown, unknown]
}

const una = <T>(xs: readonly T[], que: string): T => {
  if (!xs[0]) throw new Error(`the demo has no ${que}`)
  return xs[0]
}

/**
 * A row for every update channel of the contract, in the demo's year of work plus a fresh
 * draft: the test that uses them fails for a channel with `antes` that has none here.
 */
export async function escenarios(a: Cliente): Promise<Partial<Record<Channel, Escenario>>> {
  await sembrarDemo(a.t.api)
  const arbol = await a.ok('plan:arbol', {})
  const accion = una(
    arbol.ejes
      .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      .filter((x) => x.instanciaId && x.metas.length && x.indicadores.length),
    'acción with metas and indicadores'
  )
  const s = await a.ok('sesion:crear', {
    instanciaId: accion.instanciaId!,
    tipo: 'extraordinaria',
    fecha: '2014-12-10',
    modalidad: 'remota'
  })
  const invitado = (nombre: string) =>
    a.ok('asistencia:invitar', { sesionId: s.id, nombre, cargo: '', institucion: '' })
  const [i1, i2, i3, i4, i5] = [
    await invitado('Uno'),
    await invitado('Dos'),
    await invitado('Tres'),
    await invitado('Cuatro'),
    await invitado('Cinco')
  ]
  for (const i of [i1, i2, i3, i4, i5])
    await a.ok('asistencia:marcar', { id: i.id, estado: 'presente', motivo: '' })
  const acuerdo = await a.ok('acuerdo:crear', {
    sesionId: s.id,
    texto: 'Enviar el informe.',
    institucionId: null,
    personaId: null,
    plazo: null,
    accionId: null
  })
  const detalle = () => a.ok('sesion:obtener', { id: s.id })
  const d = await detalle()
  const seguido = una(d.seguimiento, 'acuerdo to follow up')
  const avance = una(
    d.avances.filter((x) => x.indicadores.length),
    'avance with indicadores'
  )
  const ind = avance.indicadores[0]!
  const persona = una(await a.ok('persona:listar', undefined), 'persona')
  const institucion = una(await a.ok('institucion:listar', undefined), 'institución')
  const instancia = una(await a.ok('instancia:listar', undefined), 'instancia')
  const eje = arbol.ejes[0]!
  const objetivo = eje.objetivos[0]!
  const de = async (c: Cliente) => c.ok('sesion:obtener', { id: s.id })
  const porId = <T extends { id: string }>(xs: T[], id: string): T => xs.find((x) => x.id === id)!
  const delArbol = (c: Cliente) => c.ok('plan:arbol', { planId: arbol.plan.id })
  const accionDe = async (c: Cliente) => (await c.ok('accion:obtener', { id: accion.id })).accion
  return {
    'config:guardar': {
      clave: {},
      leer: (c) => c.ok('config:obtener', undefined),
      campo: 'encabezado',
      valores: ['Encabezado de A', 'Encabezado de B']
    },
    'sesion:actualizar': {
      clave: { id: s.id },
      leer: async (c) => (await de(c)).sesion,
      campo: 'lugar',
      valores: ['Sala A', 'Sala B']
    },
    'punto:actualizar': {
      clave: { id: d.puntos[0]!.id },
      leer: async (c) => porId((await de(c)).puntos, d.puntos[0]!.id),
      campo: 'desarrollo',
      valores: ['Dijo A.', 'Dijo B.']
    },
    'acuerdo:actualizar': {
      clave: { id: acuerdo.id },
      leer: async (c) => porId((await de(c)).acuerdos, acuerdo.id),
      campo: 'texto',
      valores: ['Texto de A.', 'Texto de B.']
    },
    'acuerdo:seguimiento': {
      clave: { sesionId: s.id, acuerdoId: seguido.id },
      leer: async (c) =>
        porId((await de(c)).seguimiento, seguido.id).enEstaSesion ?? {
          estado: 'pendiente',
          nota: ''
        },
      campo: 'nota',
      valores: ['Nota de A.', 'Nota de B.']
    },
    'asistencia:marcar': {
      clave: { id: i5.id },
      leer: async (c) => porId((await de(c)).asistencia, i5.id),
      campo: 'estado',
      valores: ['ausente', 'excusado']
    },
    'asistencia:secretaria': {
      clave: { sesionId: s.id },
      leer: async (c) => ({ asistenciaId: (await de(c)).sesion.secretariaSubroganteId }),
      campo: 'asistenciaId',
      valores: [i1.id, i2.id]
    },
    'asistencia:presidente': {
      clave: { sesionId: s.id },
      leer: async (c) => ({ asistenciaId: (await de(c)).sesion.presidenteId }),
      campo: 'asistenciaId',
      valores: [i3.id, i4.id]
    },
    'avance:guardar': {
      clave: { sesionId: s.id, accionId: avance.accionId },
      leer: async (c) => {
        const x = (await de(c)).avances.find((v) => v.accionId === avance.accionId)!
        return { ...x, estado: x.estado ?? 'en_curso' }
      },
      campo: 'reporte',
      valores: ['Reporte de A.', 'Reporte de B.']
    },
    'medicion:guardar': {
      clave: { sesionId: s.id, indicadorId: ind.indicadorId },
      leer: async (c) => {
        const x = (await de(c)).avances.find((v) => v.accionId === avance.accionId)!
        const m = x.indicadores.find((v) => v.indicadorId === ind.indicadorId)!
        return { ...m, fechaCorte: m.fechaCorte ?? '2014-12-10' }
      },
      campo: 'nota',
      valores: ['Nota de A.', 'Nota de B.']
    },
    'persona:actualizar': {
      clave: { id: persona.id },
      leer: async (c) => porId(await c.ok('persona:listar', undefined), persona.id),
      campo: 'telefono',
      valores: ['111', '222']
    },
    'institucion:actualizar': {
      clave: { id: institucion.id },
      leer: async (c) => porId(await c.ok('institucion:listar', undefined), institucion.id),
      campo: 'nombre',
      valores: ['Nombre de A', 'Nombre de B']
    },
    'instancia:actualizar': {
      clave: { id: instancia.id },
      leer: async (c) => porId(await c.ok('instancia:listar', undefined), instancia.id),
      campo: 'nombre',
      valores: ['Nombre de A', 'Nombre de B']
    },
    'plan:actualizar': {
      clave: { id: arbol.plan.id },
      leer: async (c) => (await delArbol(c)).plan,
      campo: 'nombre',
      valores: ['Plan de A', 'Plan de B']
    },
    'eje:actualizar': {
      clave: { id: eje.id },
      leer: async (c) => porId((await delArbol(c)).ejes, eje.id),
      campo: 'nombre',
      valores: ['Eje de A', 'Eje de B']
    },
    'objetivo:actualizar': {
      clave: { id: objetivo.id },
      leer: async (c) => porId(porId((await delArbol(c)).ejes, eje.id).objetivos, objetivo.id),
      campo: 'texto',
      valores: ['Objetivo de A', 'Objetivo de B']
    },
    'accion:actualizar': {
      clave: { id: accion.id },
      leer: accionDe,
      campo: 'texto',
      valores: ['Acción de A', 'Acción de B']
    },
    'meta:actualizar': {
      clave: { id: accion.metas[0]!.id },
      leer: async (c) => porId((await accionDe(c)).metas, accion.metas[0]!.id),
      campo: 'texto',
      valores: ['Meta de A', 'Meta de B']
    },
    'indicador:actualizar': {
      clave: { id: accion.indicadores[0]!.id },
      leer: async (c) => porId((await accionDe(c)).indicadores, accion.indicadores[0]!.id),
      campo: 'texto',
      valores: ['Indicador de A', 'Indicador de B']
    }
  }
}
