import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'
import { TRIGGERS_0003 } from './migrations/0003_acta_sellada'
import { AUDITADAS_0011, TRIGGERS_HISTORIAL_0011 } from './migrations/0011_historial'
import { TRIGGERS_0012 } from './migrations/0012_periodos'
import { SINCRONIZADAS_0014 } from './migrations/0014_sellos'

/** The schema version from which approved actas are sealed (migration 0003). */
export const VERSION_SELLO = 3

const porEvento = (prefijo: string, tablas: readonly string[]): string[] =>
  tablas.flatMap((t) => ['insert', 'update', 'delete'].map((e) => `${prefijo}_${t}_${e}`))

/**
 * Every trigger the migrations create to guard what the app promises, by schema version: sealed
 * approved actas (0003), the history that records every write and refuses its own edits (0011),
 * closed plan periods (0012), the exchange's stamps on every write (0014). Taken from the lists
 * the migrations themselves use, so a trigger dropped outside the app is noticed.
 */
export const PROTECCIONES: readonly { desde: number; triggers: readonly string[] }[] = [
  { desde: VERSION_SELLO, triggers: TRIGGERS_0003 },
  {
    desde: 11,
    triggers: [...TRIGGERS_HISTORIAL_0011, ...porEvento('historial', Object.keys(AUDITADAS_0011))]
  },
  { desde: 12, triggers: TRIGGERS_0012 },
  { desde: 14, triggers: porEvento('sellos', SINCRONIZADAS_0014) }
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
  return proteccionesEsperadas(version).filter((t) => !hay.has(t))
}

/** The protecting triggers a database at `version` must have, on either dialect. */
export function proteccionesEsperadas(version: number): string[] {
  return PROTECCIONES.filter((p) => version >= p.desde).flatMap((p) => p.triggers)
}

export const MENSAJE_SIN_PROTECCION =
  'Este archivo perdió protecciones de la aplicación (actas aprobadas, historial de cambios o períodos cerrados): fue modificado fuera de la aplicación. Restaure un respaldo (Archivo → Restaurar un respaldo) o consulte a informática.'
