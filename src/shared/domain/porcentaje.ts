/**
 * An avance's percentage as Chile writes it ("50,5 %"), at most one decimal and held to 0–100:
 * a value from older data (50.5, 1e3) never reads as "50.5" or "1e3 %".
 */
export function formatAvance(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return ''
  const acotado = Math.min(100, Math.max(0, n))
  return `${acotado.toLocaleString('es-CL', { maximumFractionDigits: 1 })} %`
}
