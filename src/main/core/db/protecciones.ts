import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'
import { TRIGGERS_0003 } from './migrations/0003_acta_sellada'

/** The schema version from which approved actas are sealed (migration 0003). */
export const VERSION_SELLO = 3

/** Every trigger the migrations create to protect approved actas, by schema version. */
const PROTECCIONES: readonly { desde: number; triggers: readonly string[] }[] = [
  { desde: VERSION_SELLO, triggers: TRIGGERS_0003 }
]

/**
 * The protecting triggers missing from a database at `version`: none in a file only this app
 * wrote. A missing one means the file was altered outside the application.
 */
export async function proteccionesFaltantes(
  db: Kysely<Database>,
  version: number
): Promise<string[]> {
  const { rows } = await sql<{
    name: string
  }>`select name from sqlite_master where type = 'trigger'`.execute(db)
  const hay = new Set(rows.map((r) => r.name))
  return PROTECCIONES.filter((p) => version >= p.desde)
    .flatMap((p) => p.triggers)
    .filter((t) => !hay.has(t))
}

export const MENSAJE_SIN_PROTECCION =
  'Este archivo perdió la protección de sus actas aprobadas: fue modificado fuera de la aplicación. Restaure un respaldo (Archivo → Restaurar un respaldo) o consulte a informática.'
