import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/core/dispatch'
import { CHANNELS } from '../../../src/shared/api/channels'
import { ERROR_CODES } from '../../../src/shared/api/result'
import { dbSnapshot, openTestApp, type TestApp } from '../../helpers/db'

/**
 * Random and malformed input to every API method: each call answers a typed result, the
 * process never throws, nothing is logged as an internal error, and a refused call leaves
 * the database exactly as it was.
 */
let t: TestApp
let realIds: string[] = []
beforeAll(async () => {
  t = await openTestApp()
  realIds = (await t.app.db.selectFrom('acciones').select('id').limit(5).execute()).map((r) => r.id)
})
afterAll(() => t.close())

// Every table, sessions and settings included: a refused call of any channel must change nothing.
const snapshot = (): Promise<string> => dbSnapshot(t.app.db)

const KEYS = [
  'id',
  'planId',
  'ejeId',
  'objetivoId',
  'accionId',
  'codigo',
  'texto',
  'nombre',
  'sigla',
  'tipo',
  'numerador',
  'denominador',
  'plazo',
  'instanciaId',
  'responsables',
  'direccion',
  'periodoDesde',
  'periodoHasta',
  'coordinador',
  'secretariaActas'
]

const value = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...realIds),
    fc.uuid(),
    fc.constantFrom(
      '',
      ' ',
      '1',
      '1.1',
      '1.1.a',
      '9.9.z',
      'arriba',
      'abajo',
      'porcentaje',
      'hito',
      '2014-02-30',
      '2014-06-30',
      null
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ minLength: 5001, maxLength: 5200 }),
    fc.integer(),
    fc.anything({ maxDepth: 2 })
  )

const input = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), value(), { maxKeys: 8 })
  )

describe('every API method under random input', () => {
  it('answers a typed result; a refused call changes nothing', async () => {
    const internal: unknown[] = []
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), input(), async (channel, raw) => {
        const before = await snapshot()
        const r = await dispatch(t.api, channel, raw, (_m, e) => internal.push(e))
        expect(typeof r.ok).toBe('boolean')
        if (!r.ok) {
          expect(ERROR_CODES).toContain(r.error.code)
          expect(r.error.message.length).toBeGreaterThan(0)
          expect(await snapshot()).toBe(before)
        }
      }),
      { numRuns: 2000 }
    )
    expect(internal).toEqual([])
  })
})
