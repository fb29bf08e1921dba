import { describe, expect, it } from 'vitest'
import { currentSchemaVersion, migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { m0013 } from '../../../../src/main/core/db/migrations/0013_indices_roles'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0013 (indexes on the sessions' role columns), from every earlier version and from a
// file written by version 2: no row changes, and removing an attendee finds the sessions naming
// it by index instead of reading every session.

const INDICES = ['sesiones_presidente_idx', 'sesiones_subrogante_idx']

const indices = (handle: Handle) =>
  (
    handle
      .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'sesiones'")
      .all() as { name: string }[]
  ).map((r) => r.name)

/** How SQLite would remove an attendance row: its foreign keys' lookups included. */
const planBorrar = (handle: Handle) =>
  (
    handle.prepare("explain query plan delete from asistencias where id = 'x'").all() as {
      detail: string
    }[]
  ).map((r) => r.detail)

describe('migration 0013', () => {
  it('adds the role indexes from every earlier version; removing an attendee no longer scans sesiones', async () => {
    await desdeCadaVersion(m0013.version, async ({ handle, db }) => {
      const desde = await currentSchemaVersion(db)
      for (const i of INDICES) expect(indices(handle)).not.toContain(i)
      expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
      expect(indices(handle)).toEqual(expect.arrayContaining(INDICES))
      const plan = planBorrar(handle)
      expect(plan.filter((d) => /^SCAN sesiones\b/.test(d))).toEqual([])
      for (const i of INDICES) expect(plan.some((d) => d.includes(i))).toBe(true)
    })
  })

  it('from a version 2 file: every row as it was, sealed actas intact', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, m0013.version - 1)
    const filas = () => handle.prepare('select * from sesiones order by rowid').all()
    const antes = filas()
    expect(planBorrar(handle).some((d) => /^SCAN sesiones\b/.test(d))).toBe(true)
    await migrate(db)
    expect(filas()).toEqual(antes)
    expect(planBorrar(handle).some((d) => /^SCAN sesiones\b/.test(d))).toBe(false)
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
  })
})
