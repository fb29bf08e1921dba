import type { Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Indexes the years of history need: the session list pages by date, approving or deleting a
// session looks up the actas approved in it, and a session's fe de erratas are read by session.

export const m0004: Migration = {
  version: 4,
  name: 'indices_historial',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('sesiones_aprobada_en_idx')
      .on('sesiones')
      .column('aprobada_en_sesion_id')
      .execute()
    await db.schema
      .createIndex('fe_erratas_sesion_idx')
      .on('fe_erratas')
      .column('sesion_id')
      .execute()
    await db.schema
      .createIndex('sesiones_fecha_idx')
      .on('sesiones')
      .columns(['fecha', 'id'])
      .execute()
  }
}
