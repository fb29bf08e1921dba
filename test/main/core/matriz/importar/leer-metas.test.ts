import { describe, expect, it } from 'vitest'
import {
  partirMetasEIndicadores,
  leerMetasEIndicadores
} from '../../../../../src/main/core/matriz/importar/leer'

/**
 * The metas-and-indicadores cell on its own: read with its labels as written where they are not
 * the usual ones, and split into metas and indicadores as the matrix writes them.
 */

describe('leerMetasEIndicadores', () => {
  it('keeps the labels as written where they are not the usual ones', () => {
    expect(leerMetasEIndicadores('Metas: Una.\nIndicadores:\nSin viñeta.').rotulos).toEqual({
      metas: ['Metas:'],
      indicadores: 'Indicadores:',
      vinetas: ['']
    })
    expect(leerMetasEIndicadores('Meta A contar del 31.\nIndicador:\n• Uno.').rotulos).toEqual({
      metas: ['Meta'],
      indicadores: null,
      vinetas: [null]
    })
    expect(
      leerMetasEIndicadores('Meta 1: A.\nMeta  2 : B.\nIndicadores:\n• X\n• Y').rotulos
    ).toEqual({ metas: [null, 'Meta 2 :'], indicadores: null, vinetas: [null, null] })
  })
})

describe('partirMetasEIndicadores', () => {
  it('splits metas and indicadores as the matrix writes them', () => {
    expect(partirMetasEIndicadores('')).toEqual({ metas: [], indicadores: [] })
    expect(partirMetasEIndicadores('Una meta sin rótulo.')).toEqual({
      metas: ['Una meta sin rótulo.'],
      indicadores: []
    })
    expect(
      partirMetasEIndicadores(
        'Metas: Primera.\nMeta 2 Segunda,\n  en dos líneas.\nmeta 3: Tercera.\n  INDICADORES :  \n · Uno\n\n• Dos \nTres'
      )
    ).toEqual({
      metas: ['Primera.', 'Segunda,\n  en dos líneas.', 'Tercera.'],
      indicadores: ['Uno', 'Dos', 'Tres']
    })
    expect(partirMetasEIndicadores('Indicador: N° de casos')).toEqual({
      metas: [],
      indicadores: ['N° de casos']
    })
    // "Metas" inside a sentence is not a label.
    expect(partirMetasEIndicadores('Cumplir las Metas: todas.')).toEqual({
      metas: ['Cumplir las Metas: todas.'],
      indicadores: []
    })
  })
})
