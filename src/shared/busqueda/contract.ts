import { z } from 'zod'
import { returns } from '../api/campos'

/** What a result is, as the index knows it (migration 0007), and the group it is shown in. */
export const BUSQUEDA_TIPOS = {
  eje: 'plan',
  objetivo: 'plan',
  accion: 'plan',
  meta: 'plan',
  indicador: 'plan',
  sesion: 'acta',
  punto: 'acta',
  acuerdo: 'acta',
  seguimiento: 'acta',
  avance: 'acta',
  medicion: 'acta',
  errata: 'acta',
  persona: 'persona',
  institucion: 'institucion'
} as const
export type ResultadoTipo = keyof typeof BUSQUEDA_TIPOS

export const BUSQUEDA_CLASES = ['plan', 'acta', 'persona', 'institucion'] as const
export type BusquedaClase = (typeof BUSQUEDA_CLASES)[number]
export const BUSQUEDA_CLASE_LABEL: Record<BusquedaClase, string> = {
  plan: 'Plan de acción',
  acta: 'Actas',
  persona: 'Personas',
  institucion: 'Instituciones'
}

/** The session screen's sections a result can open at. */
export type SeccionSesion = 'tabla' | 'seguimiento' | 'avance' | 'acuerdos'

/** Where a result opens. */
export type Destino =
  | { pantalla: 'plan' }
  | { pantalla: 'accion'; accionId: string }
  | { pantalla: 'sesion'; sesionId: string; seccion: SeccionSesion | null }
  | { pantalla: 'persona'; personaId: string }
  | { pantalla: 'institucion'; institucionId: string }

/** A piece of a snippet; `marca` for the words that matched. */
export interface Fragmento {
  texto: string
  marca: boolean
}

export interface Resultado {
  tipo: ResultadoTipo
  clase: BusquedaClase
  /** The id of the row that matched. */
  id: string
  /** "Acción 1.1.a", "Acuerdo N° 2", the punto's title, the person's name… */
  titulo: string
  /** Where it is: "Sesión Ordinaria N° 2/2014 · Subcomisión Prevención · 11-06-2014". */
  lugar: string
  fragmentos: Fragmento[]
  destino: Destino
}

export interface BusquedaPagina {
  resultados: Resultado[]
  /** Every match of the chosen classes, for paging. */
  total: number
  /** Every match by class, whatever classes were chosen. */
  porClase: Record<BusquedaClase, number>
  /**
   * Present when a word matches more than this many rows and the actas are among the chosen
   * classes: of the actas' matches only the newest this many are counted and ranked, so a search
   * costs the same at any age. The plan's, people's and instituciones' are always all counted.
   */
  masDe?: number
}

/** Longer text is refused; up to it, any text gives results or none, never an error. */
export const BUSQUEDA_MAX = 20_000

export const buscarSchema = z.object({
  texto: z
    .string({ error: 'Escriba qué buscar.' })
    .max(BUSQUEDA_MAX, `La búsqueda no puede superar ${BUSQUEDA_MAX} caracteres.`),
  clases: z.array(z.enum(BUSQUEDA_CLASES, { error: 'Tipo de resultado no válido.' })).optional(),
  /** 20 when not given. */
  limite: z.number().int().min(1).max(100).optional(),
  desde: z.number().int().min(0).max(1_000_000).optional()
})

/** Search over the plan, the actas, personas and instituciones. */
export const busquedaMetodos = {
  'busqueda:buscar': returns<BusquedaPagina>()(buscarSchema)
}
