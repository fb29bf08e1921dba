import type { Generated } from 'kysely'

/** Tables that triggers keep from the others; no service writes them. */

/**
 * Where each acuerdo's latest follow-up left it (migration 0006), and where and when it was
 * made, with how long it lived (0009).
 */
export interface AcuerdosCierreTable {
  acuerdo_id: string
  cerrado_en: string
  abierto_en: string | null
  instancia_id: string | null
  nivel: number | null
}

/** Each report's session date and approval (migration 0016): its acción's latest by one seek. */
export interface AvanceFechasTable {
  avance_id: string
  accion_id: string
  fecha: string
  creada: string
  aprobada: number
}

/** Which row and kind each full-text entry stands for (migration 0007). */
export interface BusquedaFilasTable {
  fila: number
  tipo: string
  ref_id: string
}

/** The FTS5 index itself (migration 0007), its rowid being `busqueda_filas.fila`. */
export interface BusquedaTable {
  rowid: number
  titulo: string
  cuerpo: string
}

/** Who changed what (migration 0011): written by triggers only, never updated nor deleted. */
export interface HistorialTable {
  id: Generated<number>
  en: string
  actor: string | null
  institucion: string | null
  canal: string | null
  tabla: string
  fila_id: string
  operacion: 'crear' | 'modificar' | 'borrar'
  /** The row before and after, as JSON (null when created or removed). */
  antes: string | null
  despues: string | null
  sesion_id: string | null
  accion_id: string | null
  acuerdo_id: string | null
}

/** The derived tables, as the `Database` interface lists them. */
export interface TablasDerivadas {
  acuerdos_cierre: AcuerdosCierreTable
  avance_fechas: AvanceFechasTable
  busqueda_filas: BusquedaFilasTable
  busqueda: BusquedaTable
  historial: HistorialTable
}
