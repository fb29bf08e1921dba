import { describe, expect, it } from 'vitest'
import { esCarreraDeEscritura, esViolacionUnica } from '../../../../src/main/core/causas'

const con = (code: string) => Object.assign(new Error(code), { code })

/** What makes a session's creation run again: two writers met, on either dialect. */
describe('a race between writers', () => {
  it('is a unique violation of SQLite or PostgreSQL, however wrapped', () => {
    expect(esViolacionUnica(con('SQLITE_CONSTRAINT_UNIQUE'))).toBe(true)
    expect(esViolacionUnica(con('23505'))).toBe(true)
    expect(esViolacionUnica(new Error('x', { cause: con('23505') }))).toBe(true)
    expect(esViolacionUnica(con('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBe(false)
    expect(esViolacionUnica(con('23503'))).toBe(false)
  })

  it('is also a stale snapshot, a serialization failure or a deadlock; nothing else', () => {
    for (const c of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', '40001', '40P01', '23505'])
      expect(esCarreraDeEscritura(con(c))).toBe(true)
    for (const c of ['SQLITE_FULL', 'SQLITE_CONSTRAINT_CHECK', '23514', 'ENOSPC'])
      expect(esCarreraDeEscritura(con(c))).toBe(false)
    expect(esCarreraDeEscritura(new Error('sin código'))).toBe(false)
  })
})
