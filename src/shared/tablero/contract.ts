import { z } from 'zod'
import { AVANCE_ESTADOS, type Acuerdo, type AvanceEstado } from '../domain/sesiones'
import { idSchema, returns } from '../api/campos'
import type { AcuerdoListado } from '../acuerdos/contract'

/** An acción's standing: its latest report's estado, or none reported yet. */
export const ESTADOS_TABLERO = [...AVANCE_ESTADOS, 'sin_reporte'] as const
export type EstadoTablero = (typeof ESTADOS_TABLERO)[number]

/** One bar of a chart: the acciones of an eje or an instancia, counted by estado. */
export interface FilaEstados {
  /** The eje or instancia; null for acciones with no instancia. */
  id: string | null
  codigo: string
  nombre: string
  acciones: number
  porEstado: Record<EstadoTablero, number>
  /** Mean of the latest % reported in approved actas (acciones with a % only). */
  promedio: number | null
  /** How many acciones that mean is of: the rest have no % reported (and are left out). */
  conPorcentaje: number
  /** The same, counting reports in actas not yet approved (shown apart). */
  promedioConBorradores: number | null
  conPorcentajeConBorradores: number
  /** Acciones whose latest report is in an acta not yet approved. */
  enBorrador: number
}

export interface MetaVencida {
  metaId: string
  accionId: string
  accionCodigo: string
  texto: string
  plazo: string
  diasVencida: number
  /** The acción's latest estado in an approved acta. */
  estado: AvanceEstado | null
}

export interface AcuerdosDeInstitucion {
  institucionId: string | null
  sigla: string
  vencidos: number
  porVencer: number
}

export interface SesionTablero {
  id: string
  titulo: string
  instancia: string
  fecha: string
  estado: 'borrador' | 'cerrada' | 'aprobada'
}

export interface Tablero {
  hoy: string
  /** Last day of "por vencer". */
  hasta: string
  planId: string
  porEje: FilaEstados[]
  porInstancia: FilaEstados[]
  metasVencidas: { total: number; filas: MetaVencida[] }
  acuerdos: { vencidos: number; porVencer: number; porInstitucion: AcuerdosDeInstitucion[] }
  proximasSesiones: SesionTablero[]
  actasPorAprobar: { total: number; filas: SesionTablero[] }
}

export interface AccionEnEstado {
  id: string
  codigo: string
  texto: string
  estado: AvanceEstado | null
  porcentaje: number | null
  fecha: string | null
}

/** How many of each an acción's page shows at most: the latest (the page stays bounded). */
export const TRAYECTORIA_MAXIMO = 120
/** How many of each it shows first; «Ver más» asks for more, up to the maximum. */
export const TRAYECTORIA_PAGINA = 12

/** An acción's story: every report and measurement, the sessions and acuerdos about it. */
export interface TrayectoriaAccion {
  hoy: string
  avances: {
    sesionId: string
    sesionTitulo: string
    fecha: string
    estado: AvanceEstado
    porcentaje: number | null
    aprobada: boolean
  }[]
  indicadores: {
    id: string
    texto: string
    tipo: 'hito' | 'conteo' | 'porcentaje'
    metaValor: number | null
    mediciones: {
      sesionId: string
      sesionTitulo: string
      fecha: string
      fechaCorte: string | null
      /** The value (a porcentaje computed from its two numbers). */
      valor: number | null
      numerador: number | null
      denominador: number | null
      nota: string
      aprobada: boolean
    }[]
  }[]
  sesiones: (SesionTablero & { temas: ('avance' | 'indicadores' | 'acuerdos')[] })[]
  acuerdos: AcuerdoListado[]
  /** Its metas past their plazo today and not met. */
  metasVencidas: string[]
  /** How many of each list were asked for (the latest ones). */
  limite: number
  /** Whether some list has earlier entries than those given. */
  hayMas: boolean
}

/** The start-up notice: the first acuerdos due this week, each with its instancia, and how many. */
export interface AvisoSemana {
  hoy: string
  hasta: string
  total: number
  acuerdos: (Acuerdo & { instancia: string })[]
}

const filtros = {
  planId: idSchema.optional(),
  instanciaId: idSchema.optional()
}
export const tableroSchema = z.object(filtros).optional()
export const metasVencidasSchema = z.object({
  ...filtros,
  /** A page: 50 from the first unless said. */
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(200).optional()
})
export const accionesEnEstadoSchema = z.object({
  ...filtros,
  ejeId: idSchema.optional(),
  estado: z.enum(ESTADOS_TABLERO, { error: 'Estado no válido.' })
})

/** Where the plan stands: the dashboard and the lists behind its figures. */
export const tableroMetodos = {
  'tablero:obtener': returns<Tablero>()(tableroSchema),
  'metavencida:listar': returns<{ hoy: string; total: number; filas: MetaVencida[] }>()(
    metasVencidasSchema
  ),
  'accionestado:listar': returns<AccionEnEstado[]>()(accionesEnEstadoSchema),
  'trayectoria:obtener': returns<TrayectoriaAccion>()(
    z.object({
      accionId: idSchema,
      /** The latest this many of each list (TRAYECTORIA_PAGINA unless said). */
      limite: z.number().int().min(1).max(TRAYECTORIA_MAXIMO).optional()
    })
  ),
  /** Open acuerdos falling due from today to Sunday: the start-up notice. */
  'aviso:listar': returns<AvisoSemana>()(z.object({}).optional())
}
