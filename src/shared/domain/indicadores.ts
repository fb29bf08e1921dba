import type { IndicadorTipo } from './plan'

/**
 * A kind for an indicador read from text (an imported matrix): a formula with "/" is a
 * porcentaje with its numerator and denominator, "Número de…" a count, anything else a
 * milestone or document. The user can correct it afterwards.
 */
export function clasificarIndicador(texto: string): {
  tipo: IndicadorTipo
  numerador: string | null
  denominador: string | null
} {
  const limpio = texto
    .replace(/^Indicador \d+:\s*/i, '')
    .replace(/\s*\*\s*100\.?\s*$/, '')
    .trim()
  const i = limpio.indexOf('/')
  if (i > 0) {
    const num = limpio.slice(0, i).replace(/^\(/, '').trim()
    const den = limpio
      .slice(i + 1)
      .replace(/\)\s*$/, '')
      .replace(/\.$/, '')
      .trim()
    if (num && den) return { tipo: 'porcentaje', numerador: num, denominador: den }
  }
  // No \b after "n°": "°" is not a word character, so "N° de…" would never match.
  if (/^(n[úu]mero\b|n°|cantidad\b)/i.test(limpio))
    return { tipo: 'conteo', numerador: null, denominador: null }
  return { tipo: 'hito', numerador: null, denominador: null }
}

/** A hito's value as the workbook and the acta print it: any value above 0 means it was met. */
export const hitoLabel = (valor: number | null): string | null =>
  valor === null ? null : valor > 0 ? 'Logrado' : 'No logrado'

/**
 * What a numeric target can be for each kind, or why not: a porcentaje from 0 to 100, a count a
 * whole number, a hito 1 (met). Null means no target; the contract and the core both ask this.
 */
export function errorMetaValor(tipo: IndicadorTipo, valor: number | null): string | null {
  if (valor === null) return null
  if (valor < 0) return 'La meta numérica no puede ser negativa.'
  switch (tipo) {
    case 'porcentaje':
      return valor > 100 ? 'La meta de un indicador de porcentaje no puede superar 100.' : null
    case 'conteo':
      return Number.isInteger(valor)
        ? null
        : 'La meta de un indicador de conteo debe ser un número entero.'
    case 'hito':
      return valor === 1 ? null : 'La meta de un hito es 1 (logrado).'
  }
}
