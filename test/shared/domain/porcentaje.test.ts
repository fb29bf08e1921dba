import { describe, expect, it } from 'vitest'
import { formatAvance } from '../../../src/shared/domain/porcentaje'

describe('formatAvance', () => {
  it('writes an avance as in Chile, one decimal at most, within 0–100', () => {
    expect(formatAvance(40)).toBe('40 %')
    expect(formatAvance(50.5)).toBe('50,5 %')
    expect(formatAvance(33.333)).toBe('33,3 %')
    expect(formatAvance(0)).toBe('0 %')
    expect(formatAvance(100)).toBe('100 %')
    expect(formatAvance(1e3)).toBe('100 %')
    expect(formatAvance(-5)).toBe('0 %')
    expect(formatAvance(null)).toBe('')
    expect(formatAvance(Number.NaN)).toBe('')
  })
})
