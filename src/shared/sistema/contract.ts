import type { Tarea } from '../domain/tareas'
import type { Documento } from '../actas/contract'
import type { AvisoRespaldo } from '../api/eventos'
import { pesado, porIdSchema, returns, vacioSchema } from '../api/campos'

export interface AppInfo {
  version: string
  schemaVersion: number
  dbPath: string
}

/** The application itself: its version, long tasks, backups. */
export const sistemaMetodos = {
  'app:info': returns<AppInfo>()(vacioSchema),
  // Tasks live in the thread that runs them (the second one).
  'tarea:estado': pesado(returns<Tarea>()(porIdSchema)),
  'tarea:cancelar': pesado(returns<null>()(porIdSchema)),
  'respaldo:ahora': pesado(returns<Documento>()(vacioSchema)),
  // The backups that failed since the core started (events a page opened later never heard).
  'respaldo:estado': returns<{ fallidos: AvisoRespaldo[] }>()(vacioSchema)
}
