import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0010 (who chaired a session: sesiones.presidente_id), from every earlier version
// and from a file written by version 2, whose approved actas keep their sealed content.

const columnas = (handle: Handle) =>
  (handle.prepare('pragma table_info(sesiones)').all() as { name: string }[]).map((c) => c.name)

describe('migration 0010', () => {
  it('adds an empty presidente_id from every earlier version', async () => {
    await desdeCadaVersion(
      10,
      async ({ handle, db, desde }) => {
        expect(columnas(handle)).not.toContain('presidente_id')
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        expect(columnas(handle)).toContain('presidente_id')
      },
      { primera: 1 }
    )
  })

  it('from a version 2 file: every session without a chair chosen, sealed actas intact', async () => {
    const { handle, db } = copiaV2()
    await migrate(db)
    expect(
      handle.prepare('select count(*) n from sesiones where presidente_id is not null').get()
    ).toEqual({ n: 0 })
    // Their content, rebuilt from the rows, is still the sealed one: no key for who chaired.
    const r = await revisarActas(db)
    expect([r.alteradas, r.distintas]).toEqual([[], []])
  })
})
