import { describe, expect, it } from 'vitest'
import { plazoDesdeTexto } from '../../../src/shared/domain/plazo'

// Deadlines read from text: the edges of days, month names and spacing.
describe('plazoDesdeTexto, at the edges', () => {
  it.each([
    ['Al 5 de marzo de 2014.', '2014-03-05'],
    ['Al 1 de marzo de 2014.', '2014-03-01'],
    ['A setiembre de 2014.', '2014-09-30'],
    ['Al 30 de setiembre de 2014.', '2014-09-30'],
    ['Al  31 de\n diciembre   de 2014.', '2014-12-31'],
    ['Al cuarto trimestre de 2014.', '2014-12-31'],
    ['Al segundo trimestre de 2014.', '2014-06-30'],
    ['Durante el año 2015.', '2015-12-31']
  ])('%s → %s', (texto, plazo) => {
    expect(plazoDesdeTexto(texto)).toBe(plazo)
  })

  it('refuses day 0 rather than writing an impossible date', () => {
    expect(plazoDesdeTexto('Al 0 de marzo de 2014.')).toBeNull()
  })
})
