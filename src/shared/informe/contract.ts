import { z } from 'zod'
import { ANIO_MAXIMO, ANIO_MINIMO, idSchema, pesado, returns } from '../api/campos'
import type { AcuerdoSituacion, AvanceEstado, SesionEstado } from '../domain/sesiones'
import type { IndicadorTipo } from '../domain/plan'
import type { FilaEstados } from '../tablero/contract'

export const MENSAJE_ANIO = `Año no válido: escriba un año entre ${ANIO_MINIMO} y ${ANIO_MAXIMO} (por ejemplo 2014).`
export const FORMATOS_INFORME = ['docx', 'pdf'] as const
export type FormatoInforme = (typeof FORMATOS_INFORME)[number]

export const informeSchema = z.object({
  /** The plan (its period); the current one when left out. */
  planId: idSchema.optional(),
  anio: z
    .number({ error: MENSAJE_ANIO })
    .int(MENSAJE_ANIO)
    .min(ANIO_MINIMO, MENSAJE_ANIO)
    .max(ANIO_MAXIMO, MENSAJE_ANIO),
  formato: z.enum(FORMATOS_INFORME, { error: 'Formato no válido (docx o pdf).' })
})

export interface IndicadorInforme {
  texto: string
  tipo: IndicadorTipo
  /** The latest value measured in an approved acta up to the report's date. */
  valor: number | null
  fecha: string | null
  meta: number | null
}

export interface AcuerdoInforme {
  sesion: string
  numero: number
  texto: string
  plazo: string | null
  situacion: AcuerdoSituacion
}

export interface AccionInforme {
  codigo: string
  texto: string
  instancia: string
  /** The latest report in an approved acta up to the report's date; null when none. */
  estado: AvanceEstado | null
  porcentaje: number | null
  fechaReporte: string | null
  indicadores: IndicadorInforme[]
  /** The year's sessions that reported on it, measured it or took acuerdos about it. */
  sesiones: string[]
  acuerdos: AcuerdoInforme[]
}

export interface SesionInforme {
  titulo: string
  instancia: string
  fecha: string
  estado: SesionEstado
  /** Member institutions present (guests do not count). */
  instituciones: number
}

export interface AsistenciaInstitucion {
  institucion: string
  /** Sessions of the year whose attendance lists it. */
  convocada: number
  /** Of those, sessions where someone of it was present. */
  presente: number
}

/** What the annual report says, built once and written as DOCX or as HTML for the PDF. */
export interface InformeAnual {
  plan: { id: string; nombre: string; periodoDesde: string; periodoHasta: string }
  anio: number
  /** The last day counted: 31 December, or today within the year itself. */
  corte: string
  ejes: {
    codigo: string
    nombre: string
    objetivos: { codigo: string; texto: string; acciones: AccionInforme[] }[]
  }[]
  /** The dashboard's rows, counted up to `corte`. */
  porEje: FilaEstados[]
  porInstancia: FilaEstados[]
  sesiones: SesionInforme[]
  asistencia: AsistenciaInstitucion[]
}

/** The annual report the plan asks for (4.2.b): a task, whose result is the document. */
export const informeMetodos = {
  'informe:exportar': pesado(returns<{ tareaId: string }>()(informeSchema))
}
