import type { Migration } from '../migration'
import { m0001 } from './0001_esquema_inicial'

/**
 * The static list of migrations, append-only. A bundled main process has no folder to read
 * migration files from, so they are listed here.
 */
export const MIGRATIONS: readonly Migration[] = [m0001]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
