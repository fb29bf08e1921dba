import { describe, expect, it } from 'vitest'
import { formatFecha, isIsoDate } from '../../../src/shared/domain/fechas'
import { clasificarIndicador } from '../../../src/shared/domain/indicadores'
import { INDICADOR_TIPO_LABEL } from '../../../src/shared/domain/plan'
import { MENSAJE_CONTROL, tieneControl } from '../../../src/shared/domain/texto'

describe('formatFecha', () => {
  it('writes an ISO date as day-month-year, keeping what is not a date', () => {
    expect(formatFecha('2014-06-30')).toBe('30-06-2014')
    expect(formatFecha('2014-06-30T12:00:00Z')).toBe('30-06-2014')
    expect(formatFecha('junio 2014')).toBe('junio 2014')
    expect(formatFecha('x2014-06-30')).toBe('x2014-06-30')
    expect(formatFecha('')).toBe('')
    expect(formatFecha(null)).toBe('')
    expect(formatFecha(undefined)).toBe('')
  })
})

describe('isIsoDate', () => {
  it('accepts real calendar days only, in exactly YYYY-MM-DD', () => {
    expect(isIsoDate('2016-02-29')).toBe(true)
    expect(isIsoDate('2014-12-31')).toBe(true)
    expect(isIsoDate('2014-01-01')).toBe(true)
    expect(isIsoDate('2015-02-29')).toBe(false)
    expect(isIsoDate('2014-13-01')).toBe(false)
    expect(isIsoDate('2014-00-10')).toBe(false)
    expect(isIsoDate('2014-04-31')).toBe(false)
    expect(isIsoDate('2014-04-00')).toBe(false)
    expect(isIsoDate('2014-6-30')).toBe(false)
    expect(isIsoDate(' 2014-06-30')).toBe(false)
    expect(isIsoDate('2014-06-30 ')).toBe(false)
    expect(isIsoDate('30-06-2014')).toBe(false)
    // JavaScript would read a year below 100 as 19xx: such a date is refused, not moved.
    expect(isIsoDate('0050-03-10')).toBe(false)
  })
})

describe('clasificarIndicador', () => {
  it('reads a formula as porcentaje with its numerator and denominator', () => {
    expect(
      clasificarIndicador(
        'Indicador 2: (N° de funcionarios capacitados / N° total de funcionarios) * 100.'
      )
    ).toEqual({
      tipo: 'porcentaje',
      numerador: 'N° de funcionarios capacitados',
      denominador: 'N° total de funcionarios'
    })
    expect(clasificarIndicador('casos derivados/casos detectados.')).toEqual({
      tipo: 'porcentaje',
      numerador: 'casos derivados',
      denominador: 'casos detectados'
    })
    expect(clasificarIndicador('(a / b) *100')).toEqual({
      tipo: 'porcentaje',
      numerador: 'a',
      denominador: 'b'
    })
  })

  it('a slash at the start or with an empty side is not a formula', () => {
    expect(clasificarIndicador('/ algo').tipo).toBe('hito')
    expect(clasificarIndicador('Número de casos /').tipo).toBe('conteo')
    expect(clasificarIndicador('( / b)').tipo).toBe('hito')
  })

  it('reads counts from "Número", "Numero", "N°" or "Cantidad", else a milestone', () => {
    for (const t of ['Número de talleres', 'numero de casos', 'N° de oficios', 'Cantidad de guías'])
      expect(clasificarIndicador(t), t).toEqual({
        tipo: 'conteo',
        numerador: null,
        denominador: null
      })
    expect(clasificarIndicador('Indicador 1: Número de talleres').tipo).toBe('conteo')
    expect(clasificarIndicador('Numerosos talleres').tipo).toBe('hito')
    expect(clasificarIndicador('Documento validado.')).toEqual({
      tipo: 'hito',
      numerador: null,
      denominador: null
    })
    expect(INDICADOR_TIPO_LABEL).toEqual({
      hito: 'Hito / documento',
      conteo: 'Conteo',
      porcentaje: 'Porcentaje'
    })
  })
})

describe('clasificarIndicador, on formulas as people type them', () => {
  it.each([
    ['Indicador 12: Número de talleres', 'conteo', null, null],
    ['  Número de talleres', 'conteo', null, null],
    ['Casos / Indicador 2: total', 'porcentaje', 'Casos', 'Indicador 2: total'],
    ['Indicador 1:Número de talleres', 'conteo', null, null],
    ['Ver el indicador 1: número de casos', 'hito', null, null],
    ['Total de casos, número de ellos', 'hito', null, null],
    ['N° de casos/N° de denuncias*100', 'porcentaje', 'N° de casos', 'N° de denuncias'],
    ['(x * 100 / y)', 'porcentaje', 'x * 100', 'y'],
    ['casos (PDI) / total', 'porcentaje', 'casos (PDI)', 'total'],
    ['casos / (total)c', 'porcentaje', 'casos', '(total)c'],
    ['casos / (total) y más', 'porcentaje', 'casos', '(total) y más'],
    ['casos / total 2.0', 'porcentaje', 'casos', 'total 2.0'],
    ['Indicador 3:  casos / total * 100. ', 'porcentaje', 'casos', 'total']
  ])('%s', (texto, tipo, numerador, denominador) => {
    expect(clasificarIndicador(texto)).toEqual({ tipo, numerador, denominador })
  })
})

describe('tieneControl', () => {
  it('refuses control characters but not tabs, line breaks or emoji', () => {
    for (const c of ['\u0000', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', '\u007F'])
      expect(tieneControl(`a${c}b`), JSON.stringify(c)).toBe(true)
    for (const ok of ['a\tb', 'a\nb', 'a\r\nb', 'ñandú 🙂', ' ', '\u0080'])
      expect(tieneControl(ok), JSON.stringify(ok)).toBe(false)
    expect(MENSAJE_CONTROL).toMatch(/caracteres de control/)
  })
})
