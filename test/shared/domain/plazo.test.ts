import { describe, expect, it } from 'vitest'
import { plazoDesdeTexto } from '../../../src/shared/domain/plazo'
import { planSeed } from '../../../src/main/core/seed/plan-inicial'

describe('plazoDesdeTexto', () => {
  it.each([
    ['Al primer semestre de 2014 contar con el manual.', '2014-06-30'],
    ['Al segundo semestre de 2014 se implementan acciones.', '2014-12-31'],
    ['Ejecutadas al 31 de diciembre de 2014.', '2014-12-31'],
    ['Al 31 diciembre de 2014, diseñar campaña.', '2014-12-31'],
    ['Contar al primer trimestre de 2015 con la actualización.', '2015-03-31'],
    ['Al primer semestre del 2014 los servicios mantienen un banner.', '2014-06-30'],
    ['Metodología de recolección de datos a diciembre de 2013.', '2013-12-31'],
    ['Suscripción de convenios internacionales durante el 2014.', '2014-12-31'],
    ['Al 31 de Diciembre de 2014.', '2014-12-31'],
    ['Al tercer trimestre de 2016.', '2016-09-30'],
    ['Al 29 de febrero de 2016.', '2016-02-29']
  ])('%s → %s', (texto, plazo) => {
    expect(plazoDesdeTexto(texto)).toBe(plazo)
  })

  it('returns null when the text states no date', () => {
    expect(plazoDesdeTexto('Suscripción del convenio.')).toBeNull()
    expect(plazoDesdeTexto('Implementada durante el segundo semestre.')).toBeNull()
    expect(plazoDesdeTexto('')).toBeNull()
  })

  it('rejects impossible days instead of inventing a date', () => {
    expect(plazoDesdeTexto('Al 31 de febrero de 2014.')).toBeNull()
  })

  it('takes the latest date when the text names several', () => {
    expect(
      plazoDesdeTexto(
        'Al primer semestre de 2014 se contará con un plan, completado al 31 de diciembre de 2014.'
      )
    ).toBe('2014-12-31')
  })

  it('agrees with every deadline transcribed in the seed', () => {
    const metas = planSeed().ejes.flatMap((e) =>
      e.objetivos.flatMap((o) =>
        o.acciones.flatMap((a) => a.metas.map((m) => ({ codigo: a.codigo, ...m })))
      )
    )
    expect(metas.length).toBe(26)
    for (const m of metas) {
      expect({ codigo: m.codigo, plazo: plazoDesdeTexto(m.texto) }).toEqual({
        codigo: m.codigo,
        plazo: m.plazo
      })
    }
  })
})
