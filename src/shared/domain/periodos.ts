import type { PlanResumen } from './plan'

/** A run of words the same in both texts, only in the earlier one, or only in the later one. */
export interface Fragmento {
  tipo: 'igual' | 'quitado' | 'agregado'
  texto: string
}

/** A meta whose deadline changed between two periods (the same place in its acción). */
export interface PlazoMovido {
  meta: string
  antes: string | null
  despues: string | null
}

/** How one acción (by code) differs between two periods. */
export interface CambioAccion {
  codigo: string
  /** The acción in the later period (in the earlier one when it was removed). */
  accionId: string
  tipo: 'agregada' | 'eliminada' | 'modificada'
  antes: string | null
  despues: string | null
  /** The acción's text, word by word: quitado in the earlier period, agregado in the later. */
  texto: Fragmento[]
  plazos: PlazoMovido[]
  /** Other parts that changed, named in Spanish ("metas", "indicadores", "responsables"). */
  otros: string[]
}

export interface ComparacionPeriodos {
  anterior: PlanResumen
  posterior: PlanResumen
  cambios: CambioAccion[]
  /** Acciones equal in both periods. */
  sinCambios: number
}
