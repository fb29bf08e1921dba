import { isIsoDate } from './fechas'

/**
 * A date as a Chilean types it: "15-12-2014", "15/12/2014", "15.12.2014" or "5-1-2014" (day
 * first, always), or an ISO date. Returns the ISO date, or null when it is not a real date.
 */
export function leerFecha(texto: string): string | null {
  const t = texto.trim()
  if (isIsoDate(t)) return t
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t)
  if (!m) return null
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}
