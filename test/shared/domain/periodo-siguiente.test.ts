import { describe, expect, it } from 'vitest'
import { nombreSiguiente, periodoSiguiente } from '../../../src/shared/domain/periodo-siguiente'
import type { PlanResumen } from '../../../src/shared/domain/plan'

// What "Nuevo período a partir de este" proposes: the period after this one, as long, and the
// name with the new years in place of the old.

const plan = (periodoDesde: string, periodoHasta: string): PlanResumen => ({
  id: 'p',
  nombre: 'Plan',
  periodoDesde,
  periodoHasta,
  cerradoAt: null
})

describe('the next period', () => {
  it('two calendar years after two calendar years, whatever leap year lies in them', () => {
    expect(periodoSiguiente(plan('2013-01-01', '2014-12-31'))).toEqual({
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31'
    })
    expect(periodoSiguiente(plan('2015-01-01', '2018-12-31'))).toEqual({
      periodoDesde: '2019-01-01',
      periodoHasta: '2022-12-31'
    })
  })
  it('whole months from mid-year; days when the period is not whole months', () => {
    expect(periodoSiguiente(plan('2014-07-01', '2015-06-30'))).toEqual({
      periodoDesde: '2015-07-01',
      periodoHasta: '2016-06-30'
    })
    expect(periodoSiguiente(plan('2014-03-10', '2014-03-19'))).toEqual({
      periodoDesde: '2014-03-20',
      periodoHasta: '2014-03-29'
    })
  })
})

describe('the next period’s name', () => {
  it('replaces the years written in the name, or adds them', () => {
    const n = 'Plan de Acción contra la Trata de Personas 2013-2014'
    expect(nombreSiguiente(n, '2015-01-01', '2016-12-31')).toBe(
      'Plan de Acción contra la Trata de Personas 2015-2016'
    )
    expect(nombreSiguiente('Plan 2013–2014 (MITP)', '2015-01-01', '2016-12-31')).toBe(
      'Plan 2015-2016 (MITP)'
    )
    expect(nombreSiguiente('Plan nacional', '2015-01-01', '2016-12-31')).toBe(
      'Plan nacional 2015-2016'
    )
    expect(nombreSiguiente('Plan 2014', '2015-01-01', '2015-12-31')).toBe('Plan 2015')
  })
})
