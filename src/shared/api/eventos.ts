import type { Tarea } from '../domain/tareas'

/**
 * What the core tells the screens without being asked: pushed over IPC in the app and as
 * Server-Sent Events by the bridge.
 */
export type Evento =
  | { tipo: 'tarea'; tarea: Tarea }
  /**
   * An automatic backup failed (the one after approving an acta, which stands, or the daily one
   * at start): said in Spanish.
   */
  | AvisoRespaldo

export interface AvisoRespaldo {
  tipo: 'respaldo_fallido'
  mensaje: string
  /** Given by the core's thread, which keeps it for pages that open later (respaldo:estado). */
  id?: string
  /** The daily backup at start (no acta involved). */
  diario?: boolean
}

/** The IPC channel the main process pushes events on (the preload's `alEvento` listens). */
export const CANAL_EVENTOS = 'mitp:evento'
