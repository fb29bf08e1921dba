import { describe, expect, it } from 'vitest'
import { cadaPruebaConPrevencion, type Caller } from '../../helpers/respuestas'
import { MENSAJE_FECHA, MENSAJE_FECHA_RANGO } from '../../../src/shared/api/campos'

/** Every date of the contract is a real date of a sensible year: 9999 is a slip, not a date. */
let api: Caller
let instanciaId = ''
cadaPruebaConPrevencion((e) => {
  api = e.api
  instanciaId = e.ctx.prevencion.id
})

const crear = (fecha: string) =>
  api.call('sesion:crear', { instanciaId, tipo: 'ordinaria', fecha, modalidad: 'presencial' })
const error = async (fecha: string) => {
  const r = await crear(fecha)
  return r.ok ? 'creada' : r.error.fields?.fecha
}

describe('dates in the contract', () => {
  it('are refused outside 1990–2100, with a Spanish message on the field', async () => {
    expect(MENSAJE_FECHA_RANGO).toBe('Fecha fuera de rango: el año debe estar entre 1990 y 2100.')
    expect(await error('9999-12-31')).toBe(MENSAJE_FECHA_RANGO)
    expect(await error('2101-01-01')).toBe(MENSAJE_FECHA_RANGO)
    expect(await error('1989-12-31')).toBe(MENSAJE_FECHA_RANGO)
    expect(await error('0214-05-14')).toBe(MENSAJE_FECHA_RANGO)
    // Not a date at all: the date message only.
    expect(await error('2014-02-31')).toBe(MENSAJE_FECHA)
    expect(await error('1990-01-01')).toBe('creada')
    expect(await error('2100-12-31')).toBe('creada')
  })

  it('bound a plazo as well', async () => {
    const s = await crear('2014-06-11')
    if (!s.ok) throw new Error(s.error.message)
    const r = await api.call('acuerdo:crear', {
      sesionId: s.value.id,
      texto: 'SERNAM enviará la propuesta.',
      institucionId: null,
      personaId: null,
      plazo: '9999-01-01',
      accionId: null
    })
    expect(r.ok ? null : r.error.fields?.plazo).toBe(MENSAJE_FECHA_RANGO)
  })
})
