import type { Fragmento } from '../../../shared/busqueda/contract'

/** Past these, a pasted page is cut: the first words are what the person meant to find. */
const MAX_TERMINOS = 12
const MAX_LARGO = 64

/** Marks around the matched words in snippets: private-use characters no text carries. */
export const MARCA_INICIO = '\uE000'
export const MARCA_FIN = '\uE001'

/**
 * The FTS5 query for what a person typed: each word quoted, so nothing they write (quotes, `*`,
 * NEAR, AND, `-`, parentheses, column names) is read as FTS syntax; every word must appear (AND),
 * and the last one may be the beginning of a word, for results as one types. Words are split as
 * the index's tokenizer splits them (letters, digits and marks); null when there is no word.
 */
export function expresionFts(texto: string): string | null {
  const palabras = (texto.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])
    .slice(0, MAX_TERMINOS)
    .map((p) => p.slice(0, MAX_LARGO))
  if (palabras.length === 0) return null
  return palabras
    .map((p, i) => (i === palabras.length - 1 && p.length >= 2 ? `"${p}"*` : `"${p}"`))
    .join(' ')
}

/** A snippet with its marks as pieces, so no screen has to parse markup. */
export function fragmentos(snippet: string): Fragmento[] {
  const out: Fragmento[] = []
  for (const parte of snippet.split(MARCA_INICIO)) {
    const fin = parte.indexOf(MARCA_FIN)
    if (fin < 0) {
      if (parte) out.push({ texto: parte, marca: false })
      continue
    }
    if (fin > 0) out.push({ texto: parte.slice(0, fin), marca: true })
    const resto = parte.slice(fin + 1)
    if (resto) out.push({ texto: resto, marca: false })
  }
  return out
}
