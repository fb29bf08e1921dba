// Column widths for the acta's Word tables, from their content: every column at least as wide
// as its longest word or date (so "CARABINEROS" and "15-12-2014" never break), the rest of the
// line shared out by how much text each column holds.

/** Twips per point; a table cell's default left + right padding in twips. */
const TWIPS_PT = 20
const RELLENO = 230

/** Rough Arial advance widths, in em, by kind of character: enough to keep words whole. */
function anchoEm(ch: string): number {
  if (/[A-ZÁÉÍÓÚÑÜ]/.test(ch)) return ch === 'I' ? 0.3 : ch === 'M' || ch === 'W' ? 0.85 : 0.7
  if (/[0-9]/.test(ch)) return 0.56
  if (/[ijlt.,;:'!|()\-/]/.test(ch)) return 0.3
  if (/[mw]/.test(ch)) return 0.85
  if (ch === ' ') return 0.28
  return 0.56
}

/** The width of a piece of text in twips, at a size in points (bold is about 7 % wider). */
export function anchoTexto(texto: string, puntos: number, negrita = false): number {
  let em = 0
  for (const ch of texto) em += anchoEm(ch)
  return Math.ceil(em * puntos * TWIPS_PT * (negrita ? 1.07 : 1))
}

const palabras = (s: string): string[] => s.split(/\s+/).filter(Boolean)

/**
 * Widths in twips summing to `total`. `fijos` pins a column to a minimum (the signature
 * column's 5 cm and more).
 */
export function anchosColumnas(
  encabezados: string[],
  filas: string[][],
  total: number,
  puntos: number,
  fijos: Record<number, number> = {}
): number[] {
  const minimo = encabezados.map((h, i) => {
    const largos = [h, ...filas.map((f) => f[i] ?? '')].flatMap((c, k) =>
      palabras(c).map((w) => anchoTexto(w, puntos, k === 0))
    )
    return Math.max(fijos[i] ?? 0, RELLENO + Math.max(0, ...largos))
  })
  const deseado = encabezados.map((h, i) =>
    Math.max(
      minimo[i]!,
      RELLENO +
        Math.max(
          anchoTexto(h, puntos, true),
          ...filas.flatMap((f) => (f[i] ?? '').split('\n').map((l) => anchoTexto(l, puntos)))
        )
    )
  )
  const suma = minimo.reduce((a, b) => a + b, 0)
  if (suma >= total) return minimo.map((m) => Math.floor((m * total) / suma))
  // What is left goes first to the columns that want more than their minimum, in proportion.
  const falta = deseado.map((d, i) => d - minimo[i]!)
  const totalFalta = falta.reduce((a, b) => a + b, 0)
  const resto = total - suma
  const sumaDeseado = deseado.reduce((a, b) => a + b, 0)
  const anchos =
    totalFalta <= resto
      ? deseado.map((d) => d + Math.floor(((resto - totalFalta) * d) / sumaDeseado))
      : minimo.map((m, i) => m + Math.floor((falta[i]! * resto) / totalFalta))
  anchos[anchos.length - 1]! += total - anchos.reduce((a, b) => a + b, 0)
  return anchos
}
