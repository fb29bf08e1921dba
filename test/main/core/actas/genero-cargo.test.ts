import { describe, expect, it } from 'vitest'
import { generoDelCargo } from '../../../../src/main/core/actas/genero-cargo'

// The gender a cargo shows, read from its first word; what does not tell stays unknown.
describe('the gender of a cargo', () => {
  it('reads the feminine and masculine forms of the first word', () => {
    const casos: [string, string | null][] = [
      ['Coordinadora regional', 'femenino'],
      ['Coordinador regional', 'masculino'],
      ['Asesora', 'femenino'],
      ['Asesor', 'masculino'],
      ['Encargada de programa', 'femenino'],
      ['Encargado de programa', 'masculino'],
      ['Jefa de departamento', 'femenino'],
      ['Jefe de departamento', 'masculino'],
      ['Secretaria ejecutiva', 'femenino'],
      ['Secretario ejecutivo', 'masculino'],
      ['Psicóloga', 'femenino'],
      ['Sociólogo', 'masculino'],
      ['Ingeniera civil', 'femenino'],
      ['Carabinero', 'masculino'],
      ['Técnica en párvulos', 'femenino'],
      ['Médico', 'masculino'],
      ['  directora, DCO', 'femenino'],
      ['Ministra', 'femenino'],
      ['Ministro', 'masculino'],
      ['Presidenta', 'femenino'],
      // The ending, not a letter group inside the word; a slash that starts another word.
      ['Operador de turno', 'masculino'],
      ['Coordinador/oficial de enlace', 'masculino']
    ]
    expect(casos.map(([c]) => [c, generoDelCargo(c)])).toEqual(casos)
  })

  it('tells nothing of a cargo that is the same for both, or written for either', () => {
    for (const c of [
      'Profesional',
      'Analista',
      'Fiscal adjunto',
      'Asistente social',
      'Periodista',
      'Mayor',
      'Presidente',
      'Coordinador/a regional',
      'Encargado(a) de programa',
      'Encargado(A) de programa',
      'Portavoz',
      'Cabo',
      ''
    ])
      expect(generoDelCargo(c), c).toBeNull()
    // A word only looked up in the table, never an inherited property.
    expect(generoDelCargo('Constructor')).toBe('masculino')
    expect(generoDelCargo('toString')).toBeNull()
  })
})
