import type { Fragmento } from '../../../shared/busqueda/contract'

/** Past these, a pasted page is cut: the first words are what the person meant to find. */
const MAX_TERMINOS = 12
const MAX_LARGO = 64

/** Marks around the matched words in snippets: private-use characters no text carries. */
export const MARCA_INICIO = '\uE000'
export const MARCA_FIN = '\uE001'

/**
 * What a person typed, as the words to find: every word must appear (AND), and the last one may
 * be the beginning of a word, for results as one types (`prefijo`); or, for an acción's code,
 * the words next to each other (`frase`). Words are split as the index splits them (letters,
 * digits and marks), so nothing typed (quotes, `*`, NEAR, `-`, `&`, `:`…) is ever query syntax;
 * each dialect writes them in its own syntax (consulta-sqlite.ts, consulta-postgres.ts).
 */
export interface Terminos {
  palabras: string[]
  prefijo: boolean
  frase: boolean
}

/** The words of what a person typed; null when there is no word. */
export function terminosDe(texto: string): Terminos | null {
  const palabras = (texto.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])
    .slice(0, MAX_TERMINOS)
    .map((p) => p.slice(0, MAX_LARGO))
  if (palabras.length === 0) return null
  return { palabras, prefijo: palabras.at(-1)!.length >= 2, frase: false }
}

/** An acción's code ("2.1.c") as its pieces next to each other, not loose digits anywhere. */
export const fraseDe = (codigo: string): Terminos => ({
  palabras: codigo.split('.'),
  prefijo: false,
  frase: true
})

/**
 * The FTS5 query for what a person typed (SQLite): each word quoted, so FTS reads none of it
 * as syntax; the last one with `*` when it may be the beginning of a word.
 */
export function expresionFts(texto: string): string | null {
  const t = terminosDe(texto)
  return t && ftsDe(t)
}

/** Terms as FTS5 MATCH text: quoted words, a phrase in one pair of quotes. */
export function ftsDe(t: Terminos): string {
  if (t.frase) return `"${t.palabras.join(' ')}"`
  const n = t.palabras.length
  return t.palabras.map((p, i) => (i === n - 1 && t.prefijo ? `"${p}"*` : `"${p}"`)).join(' ')
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
