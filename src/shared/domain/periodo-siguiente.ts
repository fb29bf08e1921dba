import type { PlanResumen } from './plan'

/** An ISO date moved by whole days (UTC, so no daylight-saving hour moves it). */
function masDias(iso: string, dias: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + dias)
  return d.toISOString().slice(0, 10)
}

/** An ISO date moved by whole months, or null when that day does not exist in the month. */
function masMeses(iso: string, meses: number): string | null {
  const [a, m, d] = iso.split('-').map(Number) as [number, number, number]
  const f = new Date(Date.UTC(a, m - 1 + meses, d))
  return f.getUTCDate() === d ? f.toISOString().slice(0, 10) : null
}

/**
 * The period that follows: from the day after this one ends, as long as this one — in whole
 * months when it ran whole months (2013-01-01…2014-12-31 → 2015-01-01…2016-12-31, leap years
 * aside), otherwise in days; edited before it is created.
 */
export function periodoSiguiente(plan: PlanResumen): {
  periodoDesde: string
  periodoHasta: string
} {
  const periodoDesde = masDias(plan.periodoHasta, 1)
  const [a1, m1, d1] = plan.periodoDesde.split('-').map(Number) as [number, number, number]
  const [a2, m2, d2] = periodoDesde.split('-').map(Number) as [number, number, number]
  const meses = (a2 - a1) * 12 + (m2 - m1)
  const finMeses = d1 === d2 && meses > 0 ? masMeses(periodoDesde, meses) : null
  if (finMeses) return { periodoDesde, periodoHasta: masDias(finMeses, -1) }
  const largo = Math.round(
    (Date.parse(plan.periodoHasta) - Date.parse(plan.periodoDesde)) / 86_400_000
  )
  return { periodoDesde, periodoHasta: masDias(periodoDesde, largo) }
}

/** The copy's name: the years in the name replaced by the new ones, or added after it. */
export function nombreSiguiente(nombre: string, desde: string, hasta: string): string {
  const anios =
    desde.slice(0, 4) === hasta.slice(0, 4)
      ? desde.slice(0, 4)
      : `${desde.slice(0, 4)}-${hasta.slice(0, 4)}`
  const conAnios = /\b(19|20)\d{2}(\s*[-–]\s*(19|20)\d{2})?\b(?!.*\b(19|20)\d{2}\b)/
  return conAnios.test(nombre) ? nombre.replace(conAnios, anios) : `${nombre} ${anios}`
}
