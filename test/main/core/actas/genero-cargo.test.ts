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
      // The ending, not a letter group inside the word; a title with its (S) of «subrogante».
      ['Operador de turno', 'masculino'],
      ['Jefe (S)', 'masculino'],
      ['Ministra(S)', 'femenino']
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
      // Every usual way of writing it for either, anywhere in the cargo (a wrong guess is sealed).
      'Coordinador (a)',
      'Encargado (a) de programa',
      'Encargado/a, Unidad de Trata',
      'Coordinador/a.',
      'Director(a)(S)',
      'Encargado(a)/Coordinador',
      'Jefe/Jefa',
      'Director/Directora',
      'Encargado o encargada',
      'Coordinadora/or',
      'Coordinador/oficial de enlace',
      // The office as often as the person: «Secretaria Ejecutiva MITP», «Subsecretaria de…».
      'Secretaria Ejecutiva MITP',
      'Secretario ejecutivo',
      'Subsecretaria de Prevención del Delito',
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
