import type { ApiHandlers } from '../../../shared/api/contract'
import { llamador } from '../cliente'
import type { Logger } from '../dispatch'
import type { AsistenciaEstado, AvanceEstado } from '../../../shared/domain/sesiones'

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

const NOMBRES = [
  'Carolina',
  'Andrés',
  'Paula',
  'Rodrigo',
  'Francisca',
  'Felipe',
  'Macarena',
  'Cristián',
  'Javiera',
  'Gonzalo',
  'Daniela',
  'Sebastián',
  'Valentina',
  'Matías',
  'Constanza',
  'Ignacio'
]
const APELLIDOS = [
  'González',
  'Muñoz',
  'Rojas',
  'Díaz',
  'Pérez',
  'Soto',
  'Contreras',
  'Silva',
  'Martínez',
  'Sepúlveda',
  'Morales',
  'Rodríguez',
  'López',
  'Fuentes',
  'Hernández',
  'Torres',
  'Araya',
  'Flores',
  'Espinoza',
  'Valenzuela'
]
const CARGOS = [
  'Profesional',
  'Jefa de departamento',
  'Asesor',
  'Coordinadora regional',
  'Analista',
  'Encargado de programa'
]

const INTEGRANTES: Record<string, string[]> = {
  PREVENCION: ['MININT', 'SERNAM', 'PDI', 'CARABINEROS', 'MINTRAB', 'SENAME', 'MINSALUD'],
  CONTROL: ['MININT', 'PDI', 'CARABINEROS', 'MINPUBLICO', 'MINTRAB', 'DIRECTEMAR', 'SERNAM'],
  ASISTENCIA: ['MININT', 'SERNAM', 'SENAME', 'MINSALUD', 'MINJUS', 'MINPUBLICO'],
  RAV: ['SERNAM', 'MINPUBLICO', 'MINJUS', 'SENAME', 'MINSALUD'],
  MITP: [
    'MININT',
    'SINT',
    'SERNAM',
    'PDI',
    'CARABINEROS',
    'MINJUS',
    'MINPUBLICO',
    'MINREL',
    'MINTRAB'
  ]
}

const FECHAS = ['2014-03-12', '2014-06-11', '2014-09-10', '2014-11-19']
const DESARROLLO: Record<string, string> = {
  aprobacion_acta: 'Se revisa el acta de la sesión anterior, enviada por correo a los integrantes.',
  cuenta:
    'La coordinación informa de las gestiones realizadas desde la última sesión y de la correspondencia recibida.',
  seguimiento:
    'Se revisa el estado de los acuerdos pendientes; cada institución responsable informa su avance.',
  varios: 'Se acuerda difundir el calendario de sesiones del próximo semestre.'
}

export interface DemoResumen {
  personas: number
  sesiones: number
  acuerdos: number
}

/** Goes through the validated dispatch, as the screens do: the demo writes only what they could. */
export async function sembrarDemo(api: ApiHandlers, log?: Logger): Promise<DemoResumen> {
  const llamar = llamador(api, log)
  const rnd = prng(2014)
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!
  const instituciones = new Map(
    (await llamar('institucion:listar', undefined)).map((i) => [i.sigla, i])
  )
  const instancias = await llamar('instancia:listar', undefined)
  const personasPorSigla = new Map<string, string[]>()
  let personas = 0
  const persona = async (sigla: string): Promise<string> => {
    const existentes = personasPorSigla.get(sigla) ?? []
    const p = await llamar('persona:crear', {
      nombre: `${pick(NOMBRES)} ${pick(APELLIDOS)} ${pick(APELLIDOS)}`,
      cargo: pick(CARGOS),
      institucionId: instituciones.get(sigla)!.id,
      correo: null,
      telefono: null
    })
    personasPorSigla.set(sigla, [...existentes, p.id])
    personas++
    return p.id
  }
  let sesiones = 0
  let acuerdos = 0
  for (const inst of instancias) {
    for (const sigla of INTEGRANTES[inst.codigo] ?? []) {
      await llamar('miembro:agregar', {
        instanciaId: inst.id,
        personaId: await persona(sigla),
        calidad: 'titular'
      })
      if (rnd() < 0.5)
        await llamar('miembro:agregar', {
          instanciaId: inst.id,
          personaId: await persona(sigla),
          calidad: 'suplente'
        })
    }
    const acciones = (await llamar('plan:arbol', {})).ejes
      .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      .filter((a) => a.instanciaId === inst.id)
    const fechas =
      inst.codigo === 'MITP' ? FECHAS.filter((_, i) => i % 2 === 1) : FECHAS.slice(0, 3)
    let anterior: string | null = null
    for (const [n, fecha] of fechas.entries()) {
      const s = await llamar('sesion:crear', {
        instanciaId: inst.id,
        tipo: 'ordinaria',
        fecha,
        horaInicio: '10:00',
        lugar: 'Ministerio del Interior, Palacio de La Moneda, Santiago',
        modalidad: n === 1 ? 'mixta' : 'presencial'
      })
      sesiones++
      const d = await llamar('sesion:obtener', { id: s.id })
      for (const a of d.asistencia) {
        const r = rnd()
        const estado: AsistenciaEstado = r < 0.75 ? 'presente' : r < 0.9 ? 'excusado' : 'ausente'
        await llamar('asistencia:marcar', {
          id: a.id,
          estado,
          motivo: estado === 'excusado' ? 'Compromisos de agenda institucional.' : ''
        })
      }
      if (n === 1)
        await llamar('asistencia:invitar', {
          sesionId: s.id,
          nombre: 'Representante OIM Chile',
          cargo: 'Oficial de proyectos',
          institucion: 'OIM'
        })
      for (const p of d.puntos)
        await llamar('punto:actualizar', {
          id: p.id,
          titulo: p.titulo,
          desarrollo: DESARROLLO[p.tipo] ?? ''
        })
      for (const a of acciones) {
        const pct = Math.min(100, (n + 1) * 30 + Math.floor(rnd() * 10))
        const estado: AvanceEstado =
          pct >= 100
            ? 'cumplida'
            : rnd() < 0.15
              ? 'atrasada'
              : n === 0 && rnd() < 0.3
                ? 'no_iniciada'
                : 'en_curso'
        await llamar('avance:guardar', {
          sesionId: s.id,
          accionId: a.id,
          estado,
          porcentaje: estado === 'no_iniciada' ? 0 : pct,
          reporte: `Se informa avance de la acción ${a.codigo} según lo comprometido por las instituciones responsables.`
        })
        for (const ind of a.indicadores.slice(0, 2)) {
          await llamar('medicion:guardar', {
            sesionId: s.id,
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
      if (anterior) {
        const prev = await llamar('sesion:obtener', { id: s.id })
        for (const [k, a] of prev.seguimiento.entries()) {
          await llamar('acuerdo:seguimiento', {
            sesionId: s.id,
            acuerdoId: a.id,
            estado: k % 2 === 0 ? 'cumplido' : 'en_curso',
            nota: 'Informado por la institución responsable.'
          })
        }
      }
      for (const a of acciones.slice(n, n + 2)) {
        const sigla = pick(INTEGRANTES[inst.codigo] ?? ['MININT'])
        await llamar('acuerdo:crear', {
          sesionId: s.id,
          texto: `${sigla} enviará a la secretaría un informe de avance de la acción ${a.codigo} antes de la próxima sesión.`,
          institucionId: instituciones.get(sigla)!.id,
          personaId: personasPorSigla.get(sigla)?.[0] ?? null,
          plazo: fechas[n + 1] ?? '2014-12-15',
          accionId: a.id
        })
        acuerdos++
      }
      await llamar('sesion:actualizar', {
        id: s.id,
        fecha,
        horaInicio: '10:00',
        horaTermino: '12:30',
        lugar: 'Ministerio del Interior, Palacio de La Moneda, Santiago',
        modalidad: n === 1 ? 'mixta' : 'presencial',
        preside: inst.coordinador ?? 'Secretaría Ejecutiva MITP',
        proximaFecha: fechas[n + 1] ?? null,
        proximaLugar: fechas[n + 1] ? 'Ministerio del Interior' : ''
      })
      if (anterior) {
        await llamar('sesion:cerrar', { id: anterior })
        await llamar('sesion:aprobar', { id: anterior, enSesionId: s.id, observaciones: '' })
      }
      anterior = s.id
    }
  }
  return { personas, sesiones, acuerdos }
}
