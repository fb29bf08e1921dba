import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../src/main/core/db/migrator'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { copiaV2, desdeCadaVersion, type Handle } from '../../../helpers/migraciones'

// Migration 0008 (the indicador's numeric target), from every earlier version and from a file
// written by version 2. Its own file, as 0007's: migrations.test.ts is past the size limit.

const indicadores = (h: Handle) =>
  h.prepare('select * from indicadores order by rowid').all() as Record<string, unknown>[]

describe('migration 0008: the numeric target of an indicador', () => {
  it('from a file written by version 2 (through 7): every indicador as it was, target null; sealed actas still verify', async () => {
    const { handle, db } = copiaV2()
    await migrate(db, 7)
    const antes = indicadores(handle)
    expect(antes.length).toBeGreaterThan(0)
    expect(await migrate(db, 8)).toEqual({ from: 7, to: 8 })
    expect(indicadores(handle)).toEqual(antes.map((r) => ({ ...r, meta_valor: null })))
    expect(await revisarActas(db)).toEqual({ alteradas: [], distintas: [], reselladas: [] })
    // A target is a number, zero or more.
    const id = antes[0]!.id
    handle.prepare('update indicadores set meta_valor = 12.5 where id = ?').run(id)
    expect(() =>
      handle.prepare('update indicadores set meta_valor = -1 where id = ?').run(id)
    ).toThrow(/CHECK/)
    await db.destroy()
  })

  it('from every earlier version to the latest, with the plan seeded at version 1', async () => {
    await desdeCadaVersion(
      8,
      async ({ handle, db, desde }) => {
        const antes = indicadores(handle)
        expect(await migrate(db)).toEqual({ from: desde, to: LATEST_SCHEMA_VERSION })
        expect(indicadores(handle)).toEqual(
          antes.map((r) => ({ ...r, meta_valor: null, ...(desde < 5 ? { vineta: null } : {}) }))
        )
      },
      { sembrada: true }
    )
  })
})
