/** Plain data the API returns for the plan. No Node, DOM or Electron here: both halves import it. */

export const INDICADOR_TIPOS = ['hito', 'conteo', 'porcentaje'] as const
export type IndicadorTipo = (typeof INDICADOR_TIPOS)[number]

export const INDICADOR_TIPO_LABEL: Record<IndicadorTipo, string> = {
  hito: 'Hito / documento',
  conteo: 'Conteo',
  porcentaje: 'Porcentaje'
}

export interface PlanResumen {
  id: string
  nombre: string
  periodoDesde: string
  periodoHasta: string
  /** When it was closed; null: open. A closed period is read-only. */
  cerradoAt: string | null
}

export interface Meta {
  id: string
  accionId: string
  texto: string
  /** ISO date (YYYY-MM-DD) when the text states a deadline. */
  plazo: string | null
  orden: number
  /** The label before it as the ministry wrote it ("Metas:"); null: "Meta:"/"Meta N:". */
  rotulo: string | null
}

export interface Indicador {
  id: string
  accionId: string
  texto: string
  tipo: IndicadorTipo
  numerador: string | null
  denominador: string | null
  orden: number
  /** The bullet before it as written ("" for none); null: "•". */
  vineta: string | null
  /** The numeric target its meta states (12 talleres, 80 %); null when none is stated. */
  metaValor: number | null
}

export interface Accion {
  id: string
  objetivoId: string
  codigo: string
  texto: string
  instanciaId: string | null
  /** The "Instituciones Responsables" cell, verbatim (lines separated by \n). */
  responsables: string
  orden: number
  /** "Indicador:"/"Indicadores:" as written; null: by the count. Kept, not edited. */
  rotuloIndicadores: string | null
  /** What follows the code in the matrix (" " where the source has no dot); null: ". ". */
  separadorCodigo: string | null
  metas: Meta[]
  indicadores: Indicador[]
}

export interface Objetivo {
  id: string
  ejeId: string
  codigo: string
  texto: string
  orden: number
  acciones: Accion[]
}

export interface Eje {
  id: string
  planId: string
  codigo: string
  nombre: string
  orden: number
  objetivos: Objetivo[]
}

export interface Institucion {
  id: string
  sigla: string
  nombre: string
  orden: number
}

export interface Instancia {
  id: string
  codigo: string
  nombre: string
  coordinador: string | null
  secretariaActas: string | null
  orden: number
}

export interface PlanArbol {
  plan: PlanResumen
  ejes: Eje[]
  instancias: Instancia[]
}

export interface AccionDetalle {
  planId: string
  eje: { id: string; codigo: string; nombre: string }
  objetivo: { id: string; codigo: string; texto: string }
  accion: Accion
  instancia: Instancia | null
}

export type Direccion = 'arriba' | 'abajo'
