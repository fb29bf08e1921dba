import { describe, expect, it } from 'vitest'
import {
  encabezadoSecretaria,
  firmasActa,
  formulaApertura
} from '../../../../../src/main/core/actas/documentos/firmantes'
import type { ActaContenido } from '../../../../../src/main/core/actas/contenido-tipo'
import { deInstancia } from '../../../../../src/main/core/actas/documentos/articulo'
import { planSeed } from '../../../../../src/main/core/seed/plan-inicial'

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

  it('prints an institution nobody in the attendance stands for under a blank name line', () => {
    const f = firmasActa(contenido('Secretaría Ejecutiva MITP', ASISTENCIA), '')
    expect(f.firmantes).toEqual([
      { nombre: '', cargo: '', institucion: 'Secretaría Ejecutiva MITP', rol: 'Preside' },
      { nombre: '', cargo: '', institucion: '', rol: 'Secretaría de actas' }
    ])
    expect(f.subrogacion).toBeNull()
  })

  it('prints a person nobody in the attendance matches by name, as written', () => {
    const f = firmasActa(contenido('Juan Pérez de la Fuente', ASISTENCIA), 'Berta Díaz')
    expect(f.firmantes.map((x) => [x.nombre, x.institucion])).toEqual([
      ['Juan Pérez de la Fuente', ''],
      ['Berta Díaz', '']
    ])
  })

  it("never names an institution in a person's place when nobody can sign for it", () => {
    // The one who presides is the secretaría's only member: a blank line, not "SERNAM".
    const sola = [ASISTENCIA[2]!]
    expect(firmasActa(contenido('SERNAM', sola), 'SERNAM').firmantes).toEqual([
      {
        nombre: 'Javiera Díaz Sepúlveda',
        cargo: 'Jefa de departamento',
        institucion: 'SERNAM',
        rol: 'Preside'
      },
      { nombre: '', cargo: '', institucion: '', rol: 'Secretaría de actas' }
    ])
    // Named by person, the same: she does not sign twice.
    const porNombre = firmasActa(contenido('Javiera Díaz', ASISTENCIA), 'Javiera Díaz Sepúlveda')
    expect(porNombre.firmantes[1]).toEqual({
      nombre: '',
      cargo: '',
      institucion: '',
      rol: 'Secretaría de actas'
    })
    // No attendance taken: blank name lines, each over the institution it is to sign for.
    const vacia = firmasActa(contenido('MININT (DCO-DEM-SPD)', []), 'SERNAM')
    expect(vacia.firmantes.map((x) => [x.nombre, x.institucion])).toEqual([
      ['', 'MININT (DCO-DEM-SPD)'],
      ['', 'SERNAM']
    ])
  })

  it('matches a person by whole words: "Ana Rojas" is not "Mariana Rojas"', () => {
    const asistencia = [
      persona('Mariana Rojas', 'SERNAM', 'presente', 'titular', 'Jefa'),
      persona('Ana Rojas Soto', 'PDI', 'presente', 'titular', 'Comisaria'),
      persona('Ana Rojas', 'MININT', 'presente', 'titular', 'Asesora')
    ]
    const nombres = (preside: string, a = asistencia) =>
      firmasActa(contenido(preside, a), '').firmantes[0]!.nombre
    expect(nombres('Ana Rojas')).toBe('Ana Rojas')
    expect(nombres('ana  rojas')).toBe('Ana Rojas')
    expect(nombres('Ana Rojas', asistencia.slice(0, 2))).toBe('Ana Rojas Soto')
    expect(nombres('Ana Rojas', asistencia.slice(0, 1))).toBe('Ana Rojas')
    expect(firmasActa(contenido('Ana Rojas', asistencia.slice(0, 1)), '').firmantes[0]).toEqual({
      nombre: 'Ana Rojas',
      cargo: '',
      institucion: '',
      rol: 'Preside'
    })
    expect(nombres('Sra. Mariana Rojas (SERNAM)', asistencia.slice(1))).toBe('')
    expect(nombres('Sra. Ana Rojas Soto, PDI')).toBe('Ana Rojas Soto')
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

  it('puts the article each instancia takes: every seeded one, and the names bodies go by', () => {
    const esperado: Record<string, string> = {
      PREVENCION: 'de la Subcomisión Prevención',
      CONTROL: 'de la Subcomisión Control',
      ASISTENCIA: 'de la Subcomisión Asistencia a Víctimas',
      RAV: 'de la Mesa RAV',
      MITP: 'de la MITP / Secretaría Ejecutiva'
    }
    const seeded = planSeed().instancias
    expect(seeded.map((i) => i.codigo).sort()).toEqual(Object.keys(esperado).sort())
    for (const i of seeded) {
      const c = contenido('', [])
      c.sesion.instancia = i.nombre
      expect(formulaApertura(c, 'Santiago'), i.codigo).toContain(
        `N°\u00a02/2014 ${esperado[i.codigo]}, en Palacio`
      )
    }
    for (const [nombre, con] of [
      ['Comité Técnico', 'del Comité Técnico'],
      ['Consejo Asesor', 'del Consejo Asesor'],
      ['Grupo de Trabajo Migrantes', 'del Grupo de Trabajo Migrantes'],
      ['Comisión de Seguimiento', 'de la Comisión de Seguimiento'],
      ['Red de Atención', 'de la Red de Atención'],
      ['El Comité Regional', 'del Comité Regional'],
      ['La Mesa Regional', 'de la Mesa Regional'],
      ['MITP', 'de la MITP'],
      ['XYZ', 'de la instancia XYZ']
    ])
      expect(deInstancia(nombre!)).toBe(con)
  })

  it('names in the header whoever signs as secretary, never the secretaría alone', () => {
    const c = contenido('MININT', ASISTENCIA)
    expect(encabezadoSecretaria(c, 'SERNAM')).toBe('SERNAM')
    expect(encabezadoSecretaria(c, '')).toBe('—')
    c.sesion.secretariaSubrogante = {
      nombre: 'Rodrigo Soto Díaz',
      cargo: 'Asesor',
      institucion: 'MININT'
    }
    expect(encabezadoSecretaria(c, 'SERNAM')).toBe(
      'SERNAM (actuó como secretario/a de actas: Rodrigo Soto Díaz, MININT)'
    )
    expect(firmasActa(c, 'SERNAM').firmantes[1]).toMatchObject({
      nombre: 'Rodrigo Soto Díaz',
      rol: 'Actuó como secretario/a de actas'
    })
  })
})
