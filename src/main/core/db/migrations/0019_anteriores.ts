import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Laptop to laptop (#16): a restored backup gives the installation a new id for its future
// stamps (intercambio/restaurada.ts), so its vector can say honestly which of its old stamps it
// still holds. Each id an installation had before, here or on a partner, and the id it has now.
// The restore creates this table itself in a backup older than this migration (the same text,
// hence «if not exists»): a restored file is not migrated before it is marked.

export const ANTERIORES_0019 = `create table if not exists instalaciones_anteriores (
  id text primary key,
  actual text not null
)`

export const m0019: Migration = {
  version: 19,
  name: 'anteriores',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql.raw(ANTERIORES_0019).execute(db)
  }
}
