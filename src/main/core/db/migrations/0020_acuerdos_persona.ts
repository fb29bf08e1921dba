import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// The acuerdos list filtered by one persona or one institución (#13) walked the plazo index
// until its page filled and counted every acuerdo: these give each one's acuerdos by plazo, so a
// page reads only its own rows. They also serve the foreign keys: deleting a persona or an
// institución (`on delete set null`) looked for its acuerdos by reading them all.

export const m0020: Migration = {
  version: 20,
  name: 'acuerdos_persona',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index acuerdos_persona_idx on acuerdos (persona_id, plazo)`.execute(db)
    await sql`create index acuerdos_institucion_idx on acuerdos (institucion_id, plazo)`.execute(db)
  }
}
