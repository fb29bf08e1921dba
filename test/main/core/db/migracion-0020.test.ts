import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { copiaV2, desdeCadaVersion, type Archivo, type Handle } from '../../../helpers/migraciones'

// Migration 0020: one persona's and one institución's acuerdos indexed by plazo (#13), from
// every earlier version and from a file written by version 2, with every acuerdo kept. What
// deleting a persona or an institución does to its acuerdos (`on delete set null`, the same
// statement SQLite runs for the foreign key) reads only theirs, not every acuerdo.

describe('migration 0020', () => {
  it('0020 (from every version and a version 2 file): a persona’s and an institución’s acuerdos by their index', async () => {
    const plan = (handle: Handle, q: string) =>
      (handle.prepare(`explain query plan ${q}`).all('x') as { detail: string }[]).map(
        (r) => r.detail
      )
    const probar = async ({ db, handle }: { db: Archivo['db']; handle: Handle }) => {
      expect(await migrate(db)).toMatchObject({ to: LATEST_SCHEMA_VERSION })
      for (const [columna, indice] of [
        ['persona_id', 'acuerdos_persona_idx'],
        ['institucion_id', 'acuerdos_institucion_idx']
      ]) {
        expect(plan(handle, `update acuerdos set ${columna} = null where ${columna} = ?`)).toEqual([
          `SEARCH acuerdos USING COVERING INDEX ${indice} (${columna}=?)`
        ])
        expect(
          plan(handle, `select id from acuerdos where ${columna} = ? order by plazo desc limit 10`)
        ).toEqual([`SEARCH acuerdos USING INDEX ${indice} (${columna}=?)`])
      }
    }
    await desdeCadaVersion(20, probar)
    const v2 = copiaV2()
    const n = v2.handle.prepare('select count(*) from acuerdos').pluck().get() as number
    expect(n).toBeGreaterThan(0)
    await probar(v2)
    expect(v2.handle.prepare('select count(*) from acuerdos').pluck().get()).toBe(n)
  })
})
