import type { Tarea } from '../domain/tareas'
import type { Documento } from '../actas/contract'
import { porIdSchema, returns, vacioSchema } from '../api/campos'

export interface AppInfo {
  version: string
  schemaVersion: number
  dbPath: string
}

/** The application itself: its version, long tasks, backups. */
export const sistemaMetodos = {
  'app:info': returns<AppInfo>()(vacioSchema),
  'tarea:estado': returns<Tarea>()(porIdSchema),
  'tarea:cancelar': returns<null>()(porIdSchema),
  'respaldo:ahora': returns<Documento>()(vacioSchema)
}
