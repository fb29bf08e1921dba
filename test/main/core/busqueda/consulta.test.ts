import { describe, expect, it } from 'vitest'
import {
  expresionFts,
  fragmentos,
  MARCA_FIN,
  MARCA_INICIO
} from '../../../../src/main/core/busqueda/consulta'

// The two pure pieces of the search: what a person typed as an FTS5 query, and a snippet as
// marked pieces. Exact outputs, so a changed quote, prefix or cut shows.

describe('expresionFts', () => {
  it('quotes every word, the last one (two letters or more) as a prefix', () => {
    expect(expresionFts('victimizacion secundaria')).toBe('"victimizacion" "secundaria"*')
    expect(expresionFts('SENAME')).toBe('"SENAME"*')
    expect(expresionFts('trata a')).toBe('"trata" "a"')
    expect(expresionFts('a')).toBe('"a"')
    expect(expresionFts('ab')).toBe('"ab"*')
  })

  it('keeps letters, digits and accents; everything else separates words and is never syntax', () => {
    expect(expresionFts('"NEAR(protección -capacitación*)" OR 2014')).toBe(
      '"NEAR" "protección" "capacitación" "OR" "2014"*'
    )
    expect(expresionFts('titulo:Ñuble')).toBe('"titulo" "Ñuble"*')
    // Written with a combining accent, it is the same word as the precomposed one (NFC).
    expect(expresionFts('proteccio\u0301n')).toBe('"protección"*')
  })

  it('has no query without a word', () => {
    for (const t of ['', '   ', '"', '*', '()', '- -', '🙂']) expect(expresionFts(t)).toBeNull()
  })

  it('cuts a pasted page to its first 12 words of at most 64 letters', () => {
    const palabras = Array.from({ length: 20 }, (_, i) => `p${i}`)
    expect(expresionFts(palabras.join(' '))).toBe(
      palabras
        .slice(0, 12)
        .map((p, i) => (i === 11 ? `"${p}"*` : `"${p}"`))
        .join(' ')
    )
    expect(expresionFts(`${'x'.repeat(100)} fin`)).toBe(`"${'x'.repeat(64)}" "fin"*`)
  })
})

describe('fragmentos', () => {
  const m = (s: string) => `${MARCA_INICIO}${s}${MARCA_FIN}`

  it('splits a snippet into plain and marked pieces, in order', () => {
    expect(fragmentos(`…la ${m('Protección')} y ${m('asistencia')} a víctimas…`)).toEqual([
      { texto: '…la ', marca: false },
      { texto: 'Protección', marca: true },
      { texto: ' y ', marca: false },
      { texto: 'asistencia', marca: true },
      { texto: ' a víctimas…', marca: false }
    ])
  })

  it('has no empty piece: a mark at either end, or two marks together', () => {
    expect(fragmentos(`${m('SENAME')}${m('informa')}`)).toEqual([
      { texto: 'SENAME', marca: true },
      { texto: 'informa', marca: true }
    ])
    expect(fragmentos('sin marcas')).toEqual([{ texto: 'sin marcas', marca: false }])
    expect(fragmentos('')).toEqual([])
  })
})
