import { describe, expect, it } from 'vitest'
import {
  ACUERDO_SITUACION_LABEL,
  ASISTENCIA_ESTADO_LABEL,
  AVANCE_ESTADO_LABEL,
  CALIDAD_LABEL,
  MODALIDAD_LABEL,
  SESION_ESTADO_LABEL,
  SESION_TIPO_LABEL,
  TABLA_HABITUAL,
  calcularQuorum,
  porcentajeDe,
  situacionAcuerdo,
  tituloSesion,
  type Calidad,
  type AsistenciaEstado
} from '../../../src/shared/domain/sesiones'

type Fila = { institucion: string; calidad: Calidad; estado: AsistenciaEstado }
const fila = (
  institucion: string,
  estado: AsistenciaEstado,
  calidad: Calidad = 'titular'
): Fila => ({
  institucion,
  calidad,
  estado
})

describe('calcularQuorum', () => {
  it('counts institutions, not people: two present from one institution count once', () => {
    const q = calcularQuorum([
      fila('SERNAM', 'presente'),
      fila('SERNAM', 'presente', 'suplente'),
      fila('PDI', 'ausente'),
      fila('MININT', 'excusado')
    ])
    expect(q).toEqual({ presentes: 1, total: 3, alcanzado: false })
  })

  it('needs more than half: exactly half is not quorum, one more is', () => {
    const mitad = [
      fila('A', 'presente'),
      fila('B', 'presente'),
      fila('C', 'ausente'),
      fila('D', 'ausente')
    ]
    expect(calcularQuorum(mitad)).toEqual({ presentes: 2, total: 4, alcanzado: false })
    const mas = [
      fila('A', 'presente'),
      fila('B', 'presente'),
      fila('C', 'presente'),
      fila('D', 'ausente')
    ]
    expect(calcularQuorum(mas)).toEqual({ presentes: 3, total: 4, alcanzado: true })
    expect(calcularQuorum([fila('A', 'presente')])).toEqual({
      presentes: 1,
      total: 1,
      alcanzado: true
    })
  })

  it('leaves guests out of both counts', () => {
    const q = calcularQuorum([
      fila('A', 'presente'),
      fila('B', 'ausente'),
      fila('OIM', 'presente', 'invitado'),
      fila('UNODC', 'presente', 'invitado')
    ])
    expect(q).toEqual({ presentes: 1, total: 2, alcanzado: false })
  })

  it('an institution counts as present when any of its members came', () => {
    const q = calcularQuorum([
      fila('A', 'ausente'),
      fila('A', 'presente', 'suplente'),
      fila('B', 'excusado')
    ])
    expect(q).toEqual({ presentes: 1, total: 2, alcanzado: false })
  })

  it('no members means no quorum', () => {
    expect(calcularQuorum([])).toEqual({ presentes: 0, total: 0, alcanzado: false })
    expect(calcularQuorum([fila('OIM', 'presente', 'invitado')])).toEqual({
      presentes: 0,
      total: 0,
      alcanzado: false
    })
  })
})

describe('situacionAcuerdo', () => {
  it('is vencido only when past its plazo and not met; the plazo day itself is still on time', () => {
    expect(situacionAcuerdo('pendiente', '2024-03-01', '2024-03-02')).toBe('vencido')
    expect(situacionAcuerdo('en_curso', '2024-03-01', '2024-03-02')).toBe('vencido')
    expect(situacionAcuerdo('pendiente', '2024-03-02', '2024-03-02')).toBe('pendiente')
    expect(situacionAcuerdo('en_curso', '2024-03-03', '2024-03-02')).toBe('en_curso')
    expect(situacionAcuerdo('cumplido', '2024-03-01', '2024-03-02')).toBe('cumplido')
    expect(situacionAcuerdo('pendiente', null, '2024-03-02')).toBe('pendiente')
  })
})

describe('tituloSesion and porcentajeDe', () => {
  it('titles a session as the actas do', () => {
    expect(tituloSesion({ tipo: 'ordinaria', numero: 3, anio: 2014 })).toBe(
      'Sesión Ordinaria N° 3/2014'
    )
    expect(tituloSesion({ tipo: 'extraordinaria', numero: 1, anio: 2025 })).toBe(
      'Sesión Extraordinaria N° 1/2025'
    )
  })

  it('rounds to one decimal and is null when undefined', () => {
    expect(porcentajeDe(1, 3)).toBe(33.3)
    expect(porcentajeDe(2, 3)).toBe(66.7)
    expect(porcentajeDe(5, 4)).toBe(125)
    expect(porcentajeDe(0, 4)).toBe(0)
    expect(porcentajeDe(1, 0)).toBeNull()
    expect(porcentajeDe(null, 4)).toBeNull()
    expect(porcentajeDe(4, null)).toBeNull()
  })
})

describe('labels', () => {
  it('gives every enum its Spanish label', () => {
    expect(SESION_TIPO_LABEL).toEqual({ ordinaria: 'Ordinaria', extraordinaria: 'Extraordinaria' })
    expect(MODALIDAD_LABEL).toEqual({ presencial: 'Presencial', remota: 'Remota', mixta: 'Mixta' })
    expect(SESION_ESTADO_LABEL).toEqual({
      borrador: 'Borrador',
      cerrada: 'Cerrada',
      aprobada: 'Aprobada'
    })
    expect(CALIDAD_LABEL).toEqual({
      titular: 'Titular',
      suplente: 'Suplente',
      invitado: 'Invitado/a'
    })
    expect(ASISTENCIA_ESTADO_LABEL).toEqual({
      presente: 'Presente',
      excusado: 'Excusado/a',
      ausente: 'Ausente'
    })
    expect(AVANCE_ESTADO_LABEL).toEqual({
      no_iniciada: 'No iniciada',
      en_curso: 'En curso',
      cumplida: 'Cumplida',
      atrasada: 'Atrasada'
    })
    expect(ACUERDO_SITUACION_LABEL).toEqual({
      pendiente: 'Pendiente',
      en_curso: 'En curso',
      cumplido: 'Cumplido',
      vencido: 'Vencido'
    })
  })

  it('starts a session with the usual agenda', () => {
    expect(TABLA_HABITUAL).toEqual([
      { tipo: 'aprobacion_acta', titulo: 'Aprobación del acta anterior' },
      { tipo: 'cuenta', titulo: 'Cuenta' },
      { tipo: 'seguimiento', titulo: 'Seguimiento de acuerdos' },
      { tipo: 'varios', titulo: 'Varios' }
    ])
  })
})
