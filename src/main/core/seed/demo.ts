import type { ApiHandlers } from '../../../shared/api/contract'
import { llamador, type Llamar } from '../cliente'
import {
  APELLIDOS,
  CARGOS,
  DESARROLLO,
  FECHAS,
  INTEGRANTES,
  NOMBRES,
  NOMBRES_FEMENINOS
} from './demo-datos'
import type { Logger } from '../dispatch'
import { nombrarFirmantes } from './firmantes'
import type { Accion, Instancia, Institucion } from '../../../shared/domain/plan'
import type { AsistenciaEstado, AvanceEstado, SesionDetalle } from '../../../shared/domain/sesiones'

/**
 * Realistic sample data for trying the app: members of every instancia, and sessions over
 * 2014 with attendance, agenda, progress, indicator values, acuerdos, follow-up and approvals.
 * Deterministic (seeded), so the same command always writes the same story.
 */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface DemoResumen {
  personas: number
  sesiones: number
  acuerdos: number
}

/** What every step of the demo shares: the client, the dice and what it has written so far. */
interface Demo {
  llamar: Llamar
  rnd: () => number
  pick: <T>(list: T[]) => T
  instituciones: Map<string, Institucion>
  personasPorSigla: Map<string, string[]>
  resumen: DemoResumen
}

const LUGAR = 'Ministerio del Interior, Palacio de La Moneda, Santiago'

async function persona(demo: Demo, sigla: string): Promise<string> {
  const existentes = demo.personasPorSigla.get(sigla) ?? []
  const nombre = demo.pick(NOMBRES)
  const apellidos = `${demo.pick(APELLIDOS)} ${demo.pick(APELLIDOS)}`
  const cargo = demo.pick(CARGOS)
  const p = await demo.llamar('persona:crear', {
    nombre: `${nombre} ${apellidos}`,
    cargo: NOMBRES_FEMENINOS.has(nombre) ? cargo.f : cargo.m,
    institucionId: demo.instituciones.get(sigla)!.id,
    correo: null,
    telefono: null
  })
  demo.personasPorSigla.set(sigla, [...existentes, p.id])
  demo.resumen.personas++
  return p.id
}

/** A titular for each member institution, and a suplente for about half of them. */
async function miembros(demo: Demo, inst: Instancia): Promise<void> {
  for (const sigla of INTEGRANTES[inst.codigo] ?? []) {
    await demo.llamar('miembro:agregar', {
      instanciaId: inst.id,
      personaId: await persona(demo, sigla),
      calidad: 'titular'
    })
    if (demo.rnd() < 0.5)
      await demo.llamar('miembro:agregar', {
        instanciaId: inst.id,
        personaId: await persona(demo, sigla),
        calidad: 'suplente'
      })
  }
}

/** Attendance for every member, a guest at the second session, and the agenda written up. */
async function asistenciaYTabla(
  demo: Demo,
  sesionId: string,
  d: SesionDetalle,
  n: number
): Promise<void> {
  for (const a of d.asistencia) {
    const r = demo.rnd()
    const estado: AsistenciaEstado = r < 0.75 ? 'presente' : r < 0.9 ? 'excusado' : 'ausente'
    await demo.llamar('asistencia:marcar', {
      id: a.id,
      estado,
      motivo: estado === 'excusado' ? 'Compromisos de agenda institucional.' : ''
    })
  }
  if (n === 1)
    await demo.llamar('asistencia:invitar', {
      sesionId,
      nombre: 'Representante OIM Chile',
      cargo: 'Oficial de proyectos',
      institucion: 'OIM'
    })
  for (const p of d.puntos)
    await demo.llamar('punto:actualizar', {
      id: p.id,
      titulo: p.titulo,
      desarrollo: DESARROLLO[p.tipo] ?? ''
    })
}

/** Progress on every acción of the instancia, and values for its first two indicadores. */
async function avances(
  demo: Demo,
  sesionId: string,
  acciones: Accion[],
  n: number,
  fecha: string
): Promise<void> {
  for (const a of acciones) {
    const pct = Math.min(100, (n + 1) * 30 + Math.floor(demo.rnd() * 10))
    const estado: AvanceEstado =
      pct >= 100
        ? 'cumplida'
        : demo.rnd() < 0.15
          ? 'atrasada'
          : n === 0 && demo.rnd() < 0.3
            ? 'no_iniciada'
            : 'en_curso'
    await demo.llamar('avance:guardar', {
      sesionId,
      accionId: a.id,
      estado,
      porcentaje: estado === 'no_iniciada' ? 0 : pct,
      reporte: `Se informa avance de la acción ${a.codigo} según lo comprometido por las instituciones responsables.`
    })
    for (const ind of a.indicadores.slice(0, 2)) {
      await demo.llamar('medicion:guardar', {
        sesionId,
        indicadorId: ind.id,
        valor:
          ind.tipo === 'porcentaje' ? null : ind.tipo === 'hito' ? (n >= 2 ? 1 : 0) : 5 + n * 7,
        numerador: ind.tipo === 'porcentaje' ? 10 + n * 12 : null,
        denominador: ind.tipo === 'porcentaje' ? 60 : null,
        fechaCorte: fecha,
        nota: ''
      })
    }
  }
}

/** Follow-up of the earlier acuerdos, alternately fulfilled and in progress. */
async function seguimiento(demo: Demo, sesionId: string): Promise<void> {
  const prev = await demo.llamar('sesion:obtener', { id: sesionId })
  for (const [k, a] of prev.seguimiento.entries()) {
    await demo.llamar('acuerdo:seguimiento', {
      sesionId,
      acuerdoId: a.id,
      estado: k % 2 === 0 ? 'cumplido' : 'en_curso',
      nota: 'Informado por la institución responsable.'
    })
  }
}

/** Two acuerdos, each asking a member institution for a report on one acción. */
async function acuerdos(
  demo: Demo,
  inst: Instancia,
  sesionId: string,
  acciones: Accion[],
  fechas: string[],
  n: number
): Promise<void> {
  for (const a of acciones.slice(n, n + 2)) {
    const sigla = demo.pick(INTEGRANTES[inst.codigo] ?? ['MININT'])
    await demo.llamar('acuerdo:crear', {
      sesionId,
      texto: `${sigla} enviará a la secretaría un informe de avance de la acción ${a.codigo} antes de la próxima sesión.`,
      institucionId: demo.instituciones.get(sigla)!.id,
      personaId: demo.personasPorSigla.get(sigla)?.[0] ?? null,
      plazo: fechas[n + 1] ?? '2014-12-15',
      accionId: a.id
    })
    demo.resumen.acuerdos++
  }
}

/** One session, written up in full; the one before it is closed and approved in it. */
async function sesion(
  demo: Demo,
  inst: Instancia,
  acciones: Accion[],
  fechas: string[],
  n: number,
  anterior: string | null
): Promise<string> {
  const fecha = fechas[n]!
  const modalidad = n === 1 ? 'mixta' : 'presencial'
  const s = await demo.llamar('sesion:crear', {
    instanciaId: inst.id,
    tipo: 'ordinaria',
    fecha,
    horaInicio: '10:00',
    lugar: LUGAR,
    modalidad
  })
  demo.resumen.sesiones++
  await asistenciaYTabla(demo, s.id, await demo.llamar('sesion:obtener', { id: s.id }), n)
  await avances(demo, s.id, acciones, n, fecha)
  if (anterior) await seguimiento(demo, s.id)
  await acuerdos(demo, inst, s.id, acciones, fechas, n)
  await demo.llamar('sesion:actualizar', {
    id: s.id,
    fecha,
    horaInicio: '10:00',
    horaTermino: '12:30',
    lugar: LUGAR,
    modalidad,
    preside: inst.coordinador ?? 'Secretaría Ejecutiva MITP',
    proximaFecha: fechas[n + 1] ?? null,
    proximaLugar: fechas[n + 1] ? 'Ministerio del Interior' : ''
  })
  // Who signs, as the secretary would choose them in Asistencia.
  await nombrarFirmantes(demo.llamar, s.id)
  if (anterior) {
    await demo.llamar('sesion:cerrar', { id: anterior })
    await demo.llamar('sesion:aprobar', { id: anterior, enSesionId: s.id, observaciones: '' })
  }
  return s.id
}

/** Goes through the validated dispatch, as the screens do: the demo writes only what they could. */
export async function sembrarDemo(api: ApiHandlers, log?: Logger): Promise<DemoResumen> {
  const llamar = llamador(api, log)
  const rnd = prng(2014)
  const demo: Demo = {
    llamar,
    rnd,
    pick: <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!,
    instituciones: new Map(
      (await llamar('institucion:listar', undefined)).map((i) => [i.sigla, i])
    ),
    personasPorSigla: new Map(),
    resumen: { personas: 0, sesiones: 0, acuerdos: 0 }
  }
  const instancias = await llamar('instancia:listar', undefined)
  for (const inst of instancias) {
    await miembros(demo, inst)
    const acciones = (await llamar('plan:arbol', {})).ejes
      .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      .filter((a) => a.instanciaId === inst.id)
    const fechas =
      inst.codigo === 'MITP' ? FECHAS.filter((_, i) => i % 2 === 1) : FECHAS.slice(0, 3)
    let anterior: string | null = null
    for (const n of fechas.keys())
      anterior = await sesion(demo, inst, acciones, fechas, n, anterior)
  }
  return demo.resumen
}
