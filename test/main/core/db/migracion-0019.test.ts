import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createKysely, openSqlite } from '../../../../src/main/core/db/sqlite'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { m0019 } from '../../../../src/main/core/db/migrations/0019_anteriores'
import { seedPlanInicial } from '../../../../src/main/core/seed/plan-inicial'
import { nuevaEpoca } from '../../../../src/main/core/intercambio/restaurada'
import { desdeCadaVersion } from '../../../helpers/migraciones'
import { tempDir } from '../../../helpers/db'

// Migration 0019 (#16): the ids an installation had before a backup was restored on it. A
// restore marks the file before it is migrated, so a backup older than 0019 gets the table from
// the restore (intercambio/restaurada.ts): it must be the very table the migration makes.

type Db = ReturnType<typeof createKysely>

const tabla = async (db: Db) =>
  (
    await sql<{
      sql: string
    }>`select sql from sqlite_master where name = 'instalaciones_anteriores'`.execute(db)
  ).rows[0]?.sql

const instalacion = async (db: Db) =>
  (await sql<{ id: string; conocido: string }>`select id, conocido from instalacion`.execute(db))
    .rows[0]!

/** A seeded file at `version`, closed: its path. */
async function archivoEn(version: number): Promise<string> {
  const file = path.join(tempDir('mitp-0019-').dir, 'm.db')
  const h = openSqlite(file)
  const db = createKysely(h)
  await migrate(db, version)
  await seedPlanInicial(db)
  await db.destroy()
  return file
}

async function abrir(file: string): Promise<Db> {
  return createKysely(openSqlite(file))
}

describe('migration 0019: ids from before a restored backup', () => {
  it('from every earlier version: the table, empty', async () => {
    let fresca: string | undefined
    await desdeCadaVersion(m0019.version, async ({ db, desde }) => {
      expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
      fresca ??= await tabla(db)
      expect(await tabla(db)).toBe(fresca)
      expect((await sql`select * from instalaciones_anteriores`.execute(db)).rows).toEqual([])
    })
    expect(fresca).toMatch(/instalaciones_anteriores/)
  })

  it('a backup of version 17 restored: a new id, the old one known up to its stamps', async () => {
    const file = await archivoEn(17)
    let db = await abrir(file)
    const antes = await instalacion(db)
    const mayor = (
      await sql<{
        s: string
      }>`select max(sello) as s from sellos where sello like ${'%-' + antes.id}`.execute(db)
    ).rows[0]!.s
    await db.destroy()
    nuevaEpoca(file)
    db = await abrir(file)
    expect(await migrate(db)).toEqual({ from: 17, to: LATEST_SCHEMA_VERSION })
    const ahora = await instalacion(db)
    expect(ahora.id).not.toBe(antes.id)
    expect(JSON.parse(ahora.conocido)).toEqual({ ...JSON.parse(antes.conocido), [antes.id]: mayor })
    expect((await sql`select * from instalaciones_anteriores`.execute(db)).rows).toEqual([
      { id: antes.id, actual: ahora.id }
    ])
    const fresca = createKysely(openSqlite(':memory:'))
    await migrate(fresca)
    expect(await tabla(db)).toBe(await tabla(fresca))
    await fresca.destroy()
    // Restored again: both earlier ids now name the newest.
    await db.destroy()
    nuevaEpoca(file)
    db = await abrir(file)
    const otra = await instalacion(db)
    expect(
      (await sql`select * from instalaciones_anteriores order by id`.execute(db)).rows
    ).toEqual(
      [
        { id: antes.id, actual: otra.id },
        { id: ahora.id, actual: otra.id }
      ].sort((x, y) => x.id.localeCompare(y.id))
    )
    await db.destroy()
  })

  it('a backup older than the exchange (version 13) is left for its migrations', async () => {
    const file = await archivoEn(13)
    nuevaEpoca(file)
    const db = await abrir(file)
    expect(await tabla(db)).toBeUndefined()
    expect(await migrate(db)).toEqual({ from: 13, to: LATEST_SCHEMA_VERSION })
    expect((await sql`select * from instalaciones_anteriores`.execute(db)).rows).toEqual([])
    await db.destroy()
  })
})
