import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// The numeric target of an indicador (what its meta states: 12 talleres, 80 %), entered once in
// the plan, so that the acción's page can set every measurement against it. Null: none stated.

export const m0008: Migration = {
  version: 8,
  name: 'meta_indicador',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('indicadores')
      .addColumn('meta_valor', 'real', (c) => c.check(sql`meta_valor is null or meta_valor >= 0`))
      .execute()
  }
}
