import { describe, expect, it } from 'vitest'
import { leerFecha } from '../../../src/shared/domain/fecha-escrita'

describe('dates as a Chilean types them', () => {
  it('reads day first, with dashes, slashes or dots, and ISO', () => {
    expect(leerFecha('15-12-2014')).toBe('2014-12-15')
    expect(leerFecha('15/12/2014')).toBe('2014-12-15')
    expect(leerFecha(' 5.1.2014 ')).toBe('2014-01-05')
    // Day first always: 11/12 is the 11th of December, not November 12th.
    expect(leerFecha('11/12/2014')).toBe('2014-12-11')
    expect(leerFecha('2014-12-15')).toBe('2014-12-15')
  })

  it('refuses what is not a real date', () => {
    for (const t of [
      '31-02-2014',
      '29-02-2015',
      '00-01-2014',
      '15-13-2014',
      '15-12-14',
      '',
      'ayer'
    ])
      expect(leerFecha(t), t).toBeNull()
    expect(leerFecha('29-02-2016')).toBe('2016-02-29')
  })
})
