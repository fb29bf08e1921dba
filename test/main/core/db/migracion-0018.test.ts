import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { copiaV2, desdeCadaVersion, type Archivo, type Handle } from '../../../helpers/migraciones'

// Migration 0018: the acuerdos list's plazo order indexed both ways (#13), from every earlier
// version and from a file written by version 2, with every acuerdo kept.

describe('migration 0018', () => {
  it('0018 (from every version and a version 2 file): the acuerdos list walks its plazo order', async () => {
    const plan = (handle: Handle, orden: 'asc' | 'desc') =>
      (
        handle
          .prepare(
            `explain query plan select a.id from acuerdos a join sesiones s on s.id = a.sesion_id
             order by a.plazo is null, a.plazo ${orden}, s.fecha, a.numero limit 50`
          )
          .all() as { detail: string }[]
      ).map((r) => r.detail)
    const probar = async ({ db, handle }: { db: Archivo['db']; handle: Handle }) => {
      expect(await migrate(db)).toMatchObject({ to: LATEST_SCHEMA_VERSION })
      expect(plan(handle, 'asc')[0]).toBe('SCAN a USING INDEX acuerdos_plazo_idx')
      expect(plan(handle, 'desc')[0]).toBe('SCAN a USING INDEX acuerdos_plazo_desc_idx')
    }
    await desdeCadaVersion(18, probar)
    const v2 = copiaV2()
    const n = v2.handle.prepare('select count(*) from acuerdos').pluck().get() as number
    expect(n).toBeGreaterThan(0)
    await probar(v2)
    expect(v2.handle.prepare('select count(*) from acuerdos').pluck().get()).toBe(n)
  })
})
