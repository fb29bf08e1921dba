import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// The numeric target of an indicador (what its meta states: 12 talleres, 80 %), entered once in
// the plan, so that the acción's page can set every measurement against it. Null: none stated.
// And the indexes the dashboard reads through: an acción's latest report is found from its
// avances and their sessions' state and date without reading either table's long rows (report
// texts, sealed actas), and the sessions not yet approved by state and date.

export const m0008: Migration = {
  version: 8,
  name: 'meta_indicador',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('indicadores')
      .addColumn('meta_valor', 'real', (c) => c.check(sql`meta_valor is null or meta_valor >= 0`))
      .execute()
    await db.schema
      .createIndex('avances_accion_sesion_idx')
      .on('avances')
      .columns(['accion_id', 'sesion_id', 'id'])
      .execute()
    await db.schema
      .createIndex('sesiones_orden_idx')
      .on('sesiones')
      .columns(['id', 'estado', 'fecha', 'created_at'])
      .execute()
    await db.schema
      .createIndex('sesiones_estado_fecha_idx')
      .on('sesiones')
      .columns(['estado', 'fecha'])
      .execute()
  }
}
