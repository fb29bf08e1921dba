/** Date arithmetic on ISO dates (YYYY-MM-DD) for deadlines: what falls due, and how late. */

const utc = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))

/** `iso` moved by `dias` days (negative goes back). */
export function sumarDias(iso: string, dias: number): string {
  return new Date(utc(iso) + dias * 86_400_000).toISOString().slice(0, 10)
}

/** Whole days from `desde` to `hasta` (positive when `hasta` is later). */
export function diasEntre(desde: string, hasta: string): number {
  return Math.round((utc(hasta) - utc(desde)) / 86_400_000)
}

/** The Sunday that ends the week (Monday to Sunday, as in Chile) holding `iso`. */
export function finDeSemana(iso: string): string {
  const dia = new Date(utc(iso)).getUTCDay() // 0 Sunday … 6 Saturday
  return sumarDias(iso, dia === 0 ? 0 : 7 - dia)
}

/** The window "por vencer" looks ahead, in days. */
export const DIAS_POR_VENCER = 30
