import type { Kysely } from 'kysely'
import { crearTablas } from './tablas'
import { crearCompat } from './compat'
import { crearBusqueda } from './busqueda'
import { crearHistorial } from './historial'
import { crearSellos } from './sellos'
import { crearProtecciones } from './protecciones'

/**
 * No PostgreSQL database predates schema version 21: a server's schema is created at that
 * version at once (the same tables, indexes and triggers migrations 0001–0021 leave in a SQLite
 * file; tests compare the two), and the migrations after it run on both dialects.
 */
export const VERSION_BASE_POSTGRES = 21

export async function crearEsquemaPostgres(db: Kysely<unknown>): Promise<void> {
  await crearCompat(db)
  await crearTablas(db)
  await crearSellos(db)
  await crearHistorial(db)
  await crearProtecciones(db)
  await crearBusqueda(db)
}
