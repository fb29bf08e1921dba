import type { Fragmento } from '../../../shared/domain/periodos'

const palabras = (texto: string): string[] => texto.split(/\s+/).filter(Boolean)

/**
 * A word-level diff: the longest common subsequence of the two texts' words, then the words
 * outside it as removed (from `a`) or added (from `b`), consecutive words of a kind joined.
 * Whitespace is not compared (a reflowed text is the same text). No diff library is available
 * offline; texts are a few hundred words, so the quadratic table is small.
 */
export function diffPalabras(a: string, b: string): Fragmento[] {
  const x = palabras(a)
  const y = palabras(b)
  // largo[i][j]: the LCS length of x[i..] and y[j..].
  const largo = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      largo[i]![j] =
        x[i] === y[j] ? largo[i + 1]![j + 1]! + 1 : Math.max(largo[i + 1]![j]!, largo[i]![j + 1]!)
  const out: Fragmento[] = []
  const poner = (tipo: Fragmento['tipo'], palabra: string): void => {
    const ultimo = out.at(-1)
    if (ultimo?.tipo === tipo) ultimo.texto += ` ${palabra}`
    else out.push({ tipo, texto: palabra })
  }
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      poner('igual', x[i]!)
      i++
      j++
    } else if (largo[i + 1]![j]! >= largo[i]![j + 1]!) poner('quitado', x[i++]!)
    else poner('agregado', y[j++]!)
  }
  while (i < x.length) poner('quitado', x[i++]!)
  while (j < y.length) poner('agregado', y[j++]!)
  return out
}
