import type { Destino } from './destino'
import { openAppDatabase, type AppDatabase, type OpenAppDatabaseOptions } from './open'
import { abrirPostgres } from './postgres/abrir'

export interface OpcionesAbrir extends OpenAppDatabaseOptions {
  /** Connections a server's pool keeps (ignored for a file). */
  maximo?: number
}

/** The app's database wherever configuration puts it: a SQLite file or a PostgreSQL server. */
export function abrirBase(destino: Destino, opciones: OpcionesAbrir = {}): Promise<AppDatabase> {
  if (destino.tipo === 'sqlite') return openAppDatabase(destino.archivo, opciones)
  return abrirPostgres(destino, {
    ...(opciones.seed !== undefined ? { seed: opciones.seed } : {}),
    ...(opciones.maximo !== undefined ? { maximo: opciones.maximo } : {})
  })
}
