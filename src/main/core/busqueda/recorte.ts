import { MARCA_FIN, MARCA_INICIO, type Terminos } from './consulta'

// A snippet made here, not by the database: PostgreSQL's ts_headline would read the text with
// its accents and miss the unaccented words it matched. Like FTS5's snippet(…, '…', 16): up to
// 16 words around the most matched words, `…` where the text goes on, the matched words marked.

const PALABRA = /[\p{L}\p{N}\p{M}]+/gu

/** A word as the index compares it: without accents, in lower case. */
export const plegar = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

interface Token {
  desde: number
  hasta: number
  forma: string
}

/**
 * Which tokens the terms match (0: none): each word whole (the last as a prefix), or a phrase's
 * words in a row, all of them one match (FTS5 marks a phrase as one piece, "2.1.c").
 */
function marcados(tokens: Token[], t: Terminos): number[] {
  const buscadas = t.palabras.map(plegar)
  const ultima = buscadas.at(-1)!
  if (!t.frase)
    return tokens.map((x, i) =>
      buscadas.includes(x.forma) || (t.prefijo && x.forma.startsWith(ultima)) ? i + 1 : 0
    )
  const marca = tokens.map(() => 0)
  for (let i = 0; i + buscadas.length <= tokens.length; i++) {
    if (buscadas.every((b, k) => tokens[i + k]!.forma === b))
      buscadas.forEach((_, k) => (marca[i + k] = i + 1))
  }
  return marca
}

/** Where the window of `largo` tokens with the most matches starts, its matches centred. */
function inicio(marca: number[], largo: number): number {
  const n = marca.length
  if (n <= largo) return 0
  let mejor = 0
  let cuenta = -1
  for (let s = 0; s < n; s++) {
    if (!marca[s]) continue
    const c = marca.slice(s, s + largo).filter((m) => m > 0).length
    if (c > cuenta) [mejor, cuenta] = [s, c]
  }
  if (cuenta < 0) return 0
  const ultimo = marca.findLastIndex((m, i) => m > 0 && i < mejor + largo)
  const holgura = Math.floor((largo - (ultimo - mejor + 1)) / 2)
  return Math.max(0, Math.min(mejor - holgura, n - largo))
}

/** `texto`'s snippet for the terms, its matched words between MARCA_INICIO and MARCA_FIN. */
export function recortar(texto: string, t: Terminos, largo = 16): string {
  const tokens: Token[] = [...texto.matchAll(PALABRA)].map((m) => ({
    desde: m.index,
    hasta: m.index + m[0].length,
    forma: plegar(m[0])
  }))
  if (tokens.length === 0) return texto
  const marca = marcados(tokens, t)
  const s = inicio(marca, largo)
  const e = Math.min(tokens.length, s + largo)
  let out = s > 0 ? '…' : texto.slice(0, tokens[0]!.desde)
  for (let i = s; i < e; i++) {
    const k = tokens[i]!
    const m = marca[i]!
    // A match opens at its first token and closes at its last: a phrase is one piece.
    if (m && (i === s || marca[i - 1] !== m)) out += MARCA_INICIO
    out += texto.slice(k.desde, k.hasta)
    if (m && (i === e - 1 || marca[i + 1] !== m)) out += MARCA_FIN
    if (i < e - 1) out += texto.slice(k.hasta, tokens[i + 1]!.desde)
  }
  return out + (e < tokens.length ? '…' : texto.slice(tokens[e - 1]!.hasta))
}
