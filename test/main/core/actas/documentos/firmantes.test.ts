import { describe, expect, it } from 'vitest'
import {
  firmasActa,
  formulaApertura
} from '../../../../../src/main/core/actas/documentos/firmantes'
import type { ActaContenido } from '../../../../../src/main/core/actas/contenido-tipo'

// Who signs the acta, read from the attendance the acta itself records.
type Asistente = ActaContenido['asistencia'][number]
const persona = (
  nombre: string,
  institucion: string,
  estado: Asistente['estado'],
  calidad: Asistente['calidad'] = 'titular',
  cargo = 'Profesional'
): Asistente => ({ nombre, cargo, institucion, calidad, estado, motivo: '' })

function contenido(preside: string, asistencia: Asistente[]): ActaContenido {
  return {
    sesion: {
      titulo: 'Sesión Ordinaria N° 2/2014',
      instancia: 'Subcomisión Prevención',
      fecha: '2014-06-11',
      horaInicio: '10:00',
      horaTermino: '12:30',
      lugar: 'Palacio de La Moneda',
      modalidad: 'presencial',
      preside,
      proximaFecha: null,
      proximaLugar: '',
      secretariaActas: 'SERNAM'
    },
    asistencia,
    puntos: [],
    avances: [],
    mediciones: [],
    acuerdos: [],
    seguimientos: []
  }
}

const ASISTENCIA = [
  persona('Rodrigo Soto Díaz', 'MININT', 'presente', 'suplente', 'Asesor'),
  persona('Daniela Araya Valenzuela', 'MININT', 'presente', 'titular', 'Encargada de programa'),
  persona('Javiera Díaz Sepúlveda', 'SERNAM', 'presente', 'titular', 'Jefa de departamento'),
  persona('Paula Rojas Muñoz', 'SERNAM', 'presente', 'suplente'),
  persona('Eva Soto', 'OIM', 'presente', 'invitado', 'Oficial')
]

describe('firmasActa', () => {
  it('names the titular of the institution that presides and of the secretaría', () => {
    const f = firmasActa(contenido('MININT (DCO-DEM-SPD)', ASISTENCIA), 'SERNAM')
    expect(f.firmantes).toEqual([
      {
        nombre: 'Daniela Araya Valenzuela',
        cargo: 'Encargada de programa',
        institucion: 'MININT',
        rol: 'Preside'
      },
      {
        nombre: 'Javiera Díaz Sepúlveda',
        cargo: 'Jefa de departamento',
        institucion: 'SERNAM',
        rol: 'Secretaría de actas'
      }
    ])
    expect(f.subrogacion).toBeNull()
  })

  it('takes a person named in "preside", even short of surnames, and not as secretary too', () => {
    const f = firmasActa(contenido('Javiera Díaz', ASISTENCIA), 'SERNAM')
    expect(f.firmantes.map((x) => x.nombre)).toEqual([
      'Javiera Díaz Sepúlveda',
      'Paula Rojas Muñoz'
    ])
  })

  it('says who was excused as secretary and leaves the line for whoever acted', () => {
    const asistencia = ASISTENCIA.map((a) =>
      a.institucion === 'SERNAM' ? { ...a, estado: 'excusado' as const } : a
    )
    const f = firmasActa(contenido('MININT', asistencia), 'SERNAM')
    expect(f.subrogacion).toBe(
      'La secretaría de actas (Javiera Díaz Sepúlveda, SERNAM) no asistió a esta sesión (excusada); actuó como secretario/a de actas quien firma en su lugar.'
    )
    expect(f.firmantes[1]).toEqual({
      nombre: '',
      cargo: '',
      institucion: '',
      rol: 'Actuó como secretario/a de actas'
    })
  })

  it('prints the text as written when nobody in the attendance matches it', () => {
    const f = firmasActa(contenido('Secretaría Ejecutiva MITP', ASISTENCIA), '')
    expect(f.firmantes).toEqual([
      { nombre: 'Secretaría Ejecutiva MITP', cargo: '', institucion: '', rol: 'Preside' },
      { nombre: '', cargo: '', institucion: '', rol: 'Secretaría de actas' }
    ])
    expect(f.subrogacion).toBeNull()
  })
})

describe('formulaApertura', () => {
  it('opens with the customary formula, the number never split from N°', () => {
    expect(formulaApertura(contenido('', []), 'Santiago')).toBe(
      'En Santiago, a 11 de junio de 2014, siendo las 10:00 horas, se da inicio a la Sesión Ordinaria N°\u00a02/2014 de la Subcomisión Prevención, en Palacio de La Moneda.'
    )
    const sinHora = contenido('', [])
    sinHora.sesion.horaInicio = null
    sinHora.sesion.lugar = ' '
    expect(formulaApertura(sinHora, 'Valparaíso')).toBe(
      'En Valparaíso, a 11 de junio de 2014, se da inicio a la Sesión Ordinaria N°\u00a02/2014 de la Subcomisión Prevención.'
    )
  })
})
