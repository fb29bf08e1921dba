import type { Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Indexes on the two roles a session names by attendance row (who acted as secretary, 0005; who
// chaired, 0010): removing an attendee, or marking them absent, looks up the sessions naming them
// (their foreign keys, and the roles to clear), which without an index reads every session.

export const m0013: Migration = {
  version: 13,
  name: 'indices_roles',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('sesiones_presidente_idx')
      .on('sesiones')
      .column('presidente_id')
      .execute()
    await db.schema
      .createIndex('sesiones_subrogante_idx')
      .on('sesiones')
      .column('secretaria_subrogante_id')
      .execute()
  }
}
