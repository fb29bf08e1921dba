import { describe, expect, it } from 'vitest'
import { presideDe } from '../../../src/shared/domain/firmas'

// The acta's «Preside» line for who was chosen as having chaired: what the attendance says of
// them, without empty parts or stray spaces (a guest may have no cargo).
describe('presideDe', () => {
  it('names the person, their cargo and their institución', () => {
    expect(
      presideDe({ nombre: 'Ana Rojas Soto', cargo: 'Coordinadora', institucion: 'SERNAM' })
    ).toBe('Ana Rojas Soto, Coordinadora, SERNAM')
  })

  it('leaves out what is blank, and the spaces typed around each part', () => {
    expect(presideDe({ nombre: ' Elena Invitada ', cargo: '  ', institucion: 'OIM ' })).toBe(
      'Elena Invitada, OIM'
    )
  })
})
