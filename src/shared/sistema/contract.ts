import type { Tarea } from '../domain/tareas'
import type { AvisoRespaldo } from '../api/eventos'
import { pesado, porIdSchema, returns, vacioSchema } from '../api/campos'

export interface AppInfo {
  version: string
  schemaVersion: number
  dbPath: string
}

/**
 * «Respaldar ahora»: a verified backup written to disk (the backups folder where the host keeps
 * one), never its bytes. The page downloads it from `/descargas/<descarga>`, once.
 */
export interface RespaldoListo {
  /** The name the file is offered under. */
  nombre: string
  bytes: number
  /** A one-time id for the download; it expires in minutes. */
  descarga: string
  /** Whether the copy also stays in the backups folder (listed and rotated with the others). */
  enCarpeta: boolean
}

/** Where hosts serve a download by its id: the bridge at /descargas/<id>, the app at app://mitp. */
export const RUTA_DESCARGAS = '/descargas/'

/** The application itself: its version, long tasks, backups. */
export const sistemaMetodos = {
  'app:info': returns<AppInfo>()(vacioSchema),
  // Tasks live in the thread that runs them (the second one).
  'tarea:estado': pesado(returns<Tarea>()(porIdSchema)),
  'tarea:cancelar': pesado(returns<null>()(porIdSchema)),
  'respaldo:ahora': pesado(returns<RespaldoListo>()(vacioSchema)),
  // The backups that failed since the core started (events a page opened later never heard).
  'respaldo:estado': returns<{ fallidos: AvisoRespaldo[] }>()(vacioSchema)
}
