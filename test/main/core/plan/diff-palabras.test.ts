import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffPalabras } from '../../../../src/main/core/plan/diff-palabras'
import type { Fragmento } from '../../../../src/shared/domain/periodos'

// The word diff of "Comparar períodos": both texts rebuilt from it, nothing common left out.

const palabras = (s: string) => s.split(/\s+/).filter(Boolean)
const lado = (d: Fragmento[], tipo: Fragmento['tipo']) =>
  d.filter((f) => f.tipo === 'igual' || f.tipo === tipo).flatMap((f) => palabras(f.texto))

/** The longest common subsequence's length, by prefixes (the code works by suffixes). */
function lcs(x: string[], y: string[]): number {
  const t = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++)
      t[i]![j] =
        x[i - 1] === y[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!)
  return t[x.length]![y.length]!
}

// Few distinct words, so texts share many and the diff has work to do.
const texto = fc
  .array(fc.constantFrom('la', 'acción', 'meta', 'de', 'plan', '2014', 'Difundir', 'y'), {
    maxLength: 25
  })
  .chain((ws) => fc.constantFrom(ws.join(' '), ws.join('  \n')))

describe('diffPalabras', () => {
  it('rebuilds both texts, keeps the longest common words, joins runs of a kind', () => {
    fc.assert(
      fc.property(texto, texto, (a, b) => {
        const d = diffPalabras(a, b)
        expect(lado(d, 'quitado')).toEqual(palabras(a))
        expect(lado(d, 'agregado')).toEqual(palabras(b))
        const comunes = d.filter((f) => f.tipo === 'igual').flatMap((f) => palabras(f.texto))
        expect(comunes.length).toBe(lcs(palabras(a), palabras(b)))
        d.slice(1).forEach((f, i) => expect(f.tipo).not.toBe(d[i]!.tipo))
        expect(d.every((f) => f.texto.length > 0)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('a text against itself (reflowed) is one equal run; a reworded one says what moved', () => {
    expect(
      diffPalabras('Difundir el  material\ninformativo', 'Difundir el material informativo')
    ).toEqual([{ tipo: 'igual', texto: 'Difundir el material informativo' }])
    expect(
      diffPalabras('Difundir el material en 2014', 'Difundir el nuevo material en 2015')
    ).toEqual([
      { tipo: 'igual', texto: 'Difundir el' },
      { tipo: 'agregado', texto: 'nuevo' },
      { tipo: 'igual', texto: 'material en' },
      { tipo: 'quitado', texto: '2014' },
      { tipo: 'agregado', texto: '2015' }
    ])
    expect(diffPalabras('', '')).toEqual([])
  })
})
