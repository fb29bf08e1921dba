import { afterEach, describe, expect, it } from 'vitest'
import { openAppDatabase } from '../../../src/main/core/db/open'
import { openTestApp, UUID_V7, type TestApp } from '../../helpers/db'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const count = async (
  app: TestApp,
  table:
    | 'planes'
    | 'ejes'
    | 'objetivos'
    | 'acciones'
    | 'metas'
    | 'indicadores'
    | 'instituciones'
    | 'instancias'
) =>
  Number(
    (
      await app.app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n
  )

describe('seed of the 2013-2014 plan', () => {
  it('writes the whole matrix and glossary into a new database', async () => {
    t = await openTestApp()
    expect(await count(t, 'planes')).toBe(1)
    expect(await count(t, 'ejes')).toBe(4)
    expect(await count(t, 'objetivos')).toBe(9)
    expect(await count(t, 'acciones')).toBe(25)
    expect(await count(t, 'metas')).toBe(26)
    expect(await count(t, 'indicadores')).toBe(32)
    expect(await count(t, 'instituciones')).toBe(18)
    expect(await count(t, 'instancias')).toBe(5)
  })

  it('gives every row a UUIDv7 id and ISO stamps', async () => {
    t = await openTestApp()
    const rows = await t.app.db
      .selectFrom('acciones')
      .select(['id', 'created_at', 'updated_at'])
      .execute()
    for (const r of rows) {
      expect(r.id).toMatch(UUID_V7)
      expect(new Date(r.created_at).toISOString()).toBe(r.created_at)
      expect(r.updated_at).toBe(r.created_at)
    }
  })

  it('links every acción to the instancia named in its responsible cell', async () => {
    t = await openTestApp()
    const rows = await t.app.db
      .selectFrom('acciones')
      .innerJoin('instancias', 'instancias.id', 'acciones.instancia_id')
      .select(['acciones.codigo', 'instancias.codigo as instancia'])
      .execute()
    expect(rows).toHaveLength(25)
    const by = Object.fromEntries(rows.map((r) => [r.codigo, r.instancia]))
    expect(by['1.1.a']).toBe('PREVENCION')
    expect(by['2.1.d']).toBe('CONTROL')
    expect(by['3.1.b']).toBe('ASISTENCIA')
    expect(by['3.4.a']).toBe('RAV')
    expect(by['4.2.d']).toBe('MITP')
  })

  it('does not come back after the user deletes the plan', async () => {
    t = await openTestApp()
    const plan = await t.app.db.selectFrom('planes').select('id').executeTakeFirstOrThrow()
    await t.app.db.deleteFrom('planes').where('id', '=', plan.id).execute()
    await t.app.close()
    t.app = await openAppDatabase(t.file)
    expect(await t.app.db.selectFrom('planes').select('id').execute()).toEqual([])
    expect(await t.app.db.selectFrom('acciones').select('id').execute()).toEqual([])
  })
})
