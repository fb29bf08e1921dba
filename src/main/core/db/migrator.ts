import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations'
import { dialectoDe } from './dialecto'
import { crearEsquemaPostgres, VERSION_BASE_POSTGRES } from './postgres/esquema'

/**
 * Runs pending migrations, each with its own bookkeeping row in one transaction: a crash
 * leaves the file at the previous version or the next, never in between. (Kysely's Migrator
 * writes its bookkeeping outside the migration's transaction on SQLite, hence this runner.)
 */
export async function ensureMigrationsTable(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute()
}

export async function currentSchemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select(sql<number>`coalesce(max(version), 0)`.as('v'))
    .executeTakeFirstOrThrow()
  return Number(row.v)
}

export interface MigrationReport {
  from: number
  to: number
}

export async function migrate(
  db: Kysely<Database>,
  target: number = LATEST_SCHEMA_VERSION
): Promise<MigrationReport> {
  await ensureMigrationsTable(db)
  const from = await currentSchemaVersion(db)
  if (from > LATEST_SCHEMA_VERSION) {
    throw new Error(`schema version ${from} is newer than ${LATEST_SCHEMA_VERSION}`)
  }
  const postgres = dialectoDe(db) === 'postgres'
  let desde = from
  if (postgres && from === 0) {
    await crearBasePostgres(db)
    desde = VERSION_BASE_POSTGRES
  }
  for (const m of MIGRATIONS) {
    if (m.version <= desde || m.version > target) continue
    await db.transaction().execute(async (trx) => {
      const cambio = (postgres && m.postgres) || m.up
      await cambio.call(m, trx as unknown as Kysely<unknown>)
      await anotar(trx, [m])
    })
  }
  return { from, to: await currentSchemaVersion(db) }
}

function anotar(db: Kysely<Database>, hechas: readonly { version: number; name: string }[]) {
  const en = new Date().toISOString()
  return db
    .insertInto('schema_migrations')
    .values(hechas.map((m) => ({ version: m.version, name: m.name, applied_at: en })))
    .execute()
}

/** A new server's schema at the baseline version, recorded as those migrations, atomically. */
async function crearBasePostgres(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await crearEsquemaPostgres(trx as unknown as Kysely<unknown>)
    await anotar(
      trx,
      MIGRATIONS.filter((m) => m.version <= VERSION_BASE_POSTGRES)
    )
  })
}
