import type { Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Who chaired a session, chosen among those present (one of its attendance rows), as the
// secretary who acted is (0005): the acta names them instead of guessing from `preside`.

export const m0010: Migration = {
  version: 10,
  name: 'presidente',
  async up(db: Kysely<unknown>): Promise<void> {
    // The sessions' row is sealed whole once approved (trigger sesiones_sellada_upd, 0003), so
    // this column is locked with the rest. Its attendance row is removed with the session.
    await db.schema
      .alterTable('sesiones')
      .addColumn('presidente_id', 'text', (c) =>
        c.references('asistencias.id').onDelete('set null')
      )
      .execute()
  }
}
