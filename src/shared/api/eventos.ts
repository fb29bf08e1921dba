import type { Tarea } from '../domain/tareas'

/**
 * What the core tells the screens without being asked: pushed over IPC in the app and as
 * Server-Sent Events by the bridge.
 */
export type Evento =
  | { tipo: 'tarea'; tarea: Tarea }
  /** The backup taken after approving an acta failed (the approval stands): said in Spanish. */
  | { tipo: 'respaldo_fallido'; mensaje: string }

/** The IPC channel the main process pushes events on (the preload's `alEvento` listens). */
export const CANAL_EVENTOS = 'mitp:evento'
