/** The exchange between installations (#16, migration 0014). */

/** This installation (#16, migration 0014): one row, its id created once. */
export interface InstalacionTable {
  unica: number
  id: string
  nombre: string
  created_at: string
  /**
   * What this installation has received, per installation (a vector, JSON; migration 0017): its
   * own largest stamp at its last export or import, and the stamps packages carried.
   */
  conocido: string
}

/** The clock stamp of each synced row's creation ('*'), fields and deletion ('_borrado'). */
export interface SellosTable {
  tabla: string
  fila_id: string
  campo: string
  sello: string
}

/** A partner installation: the vector (JSON) its last package carried, and when. */
export interface SociosTable {
  instalacion_id: string
  nombre: string
  vector: string
  ultimo_envio: string | null
  ultimo_recibo: string | null
}

/** A partner's id for a row that is the same as one here (seeded on both sides). */
export interface AliasTable {
  tabla: string
  remoto: string
  local: string
}

/**
 * A partner's approved acta kept beside ours (migration 0015): the same session approved there
 * with another hash ('version'), or a session approved there under a number held here by an
 * approved acta ('numero', the session itself is not in `sesiones`). `fila` is its row (JSON).
 */
export interface ActasAjenasTable {
  sesion_id: string
  hash: string
  motivo: 'version' | 'numero'
  instalacion_id: string
  instalacion_nombre: string
  aprobada_at: string | null
  contenido: string
  fila: string
  recibida_at: string
}

/**
 * An id an installation had before a backup was restored on it, and the one it has now
 * (migration 0019): this one's own, and its partners' as their packages said.
 */
export interface InstalacionesAnterioresTable {
  id: string
  actual: string
}

/** A row of common origin (migration 0021): only these are matched by natural key. */
export interface ComunesTable {
  tabla: string
  fila_id: string
}

/** The exchange's own tables: local bookkeeping, never synced themselves. */
export interface TablasIntercambio {
  instalacion: InstalacionTable
  sellos: SellosTable
  socios: SociosTable
  alias: AliasTable
  actas_ajenas: ActasAjenasTable
  instalaciones_anteriores: InstalacionesAnterioresTable
  comunes: ComunesTable
}
