import { describe, expect, it } from 'vitest'
import { instanciaDe, same } from '../../../../../src/main/core/matriz/importar/aplicar-filas'

/** The row helpers of the import on their own: when two texts are the same, which instancia a cell names. */
const INSTANCIAS = [
  { id: 'p', codigo: 'PREVENCION', nombre: 'Subcomisión de Prevención' },
  { id: 'r', codigo: 'RAV', nombre: 'Mesa de Atención a Víctimas/Reparación' },
  { id: 'm', codigo: 'MITP', nombre: 'Mesa Intersectorial de Trata de Personas' }
]

describe('same', () => {
  it('ignores runs of spaces and line breaks anywhere, not only at the ends', () => {
    expect(same('Generar  un\n manual.', 'Generar un manual.')).toBe(true)
    expect(same('Generar un manual.', ' Generar\t\tun   manual. ')).toBe(true)
    expect(same('Generar un manual.', 'Generar un manual')).toBe(false)
    expect(same('Generarun manual.', 'Generar un manual.')).toBe(false)
  })
})

describe('instanciaDe', () => {
  it('finds the instancia by its code or by the last word of its name, without accents or case', () => {
    expect(instanciaDe('Subcomisión PREVENCIÓN', INSTANCIAS)).toBe('p')
    expect(instanciaDe('subcomision prevencion', INSTANCIAS)).toBe('p')
    // The last word of the name, after a space or a slash, with its accents dropped.
    expect(instanciaDe('Equipo de REPARACION', INSTANCIAS)).toBe('r')
    expect(instanciaDe('Personas', INSTANCIAS)).toBe('m')
    // Only the code, or only the name's last word, is enough.
    expect(instanciaDe('la rav', INSTANCIAS)).toBe('r')
    // Another word of the name is not.
    expect(instanciaDe('Mesa Intersectorial', INSTANCIAS)).toBeNull()
    expect(instanciaDe('Atención', INSTANCIAS)).toBeNull()
    expect(instanciaDe('Nadie que se reconozca', INSTANCIAS)).toBeNull()
  })
})
