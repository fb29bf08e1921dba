/** Dates as Chileans write them: 30-06-2014. Input and output are ISO dates (YYYY-MM-DD). */
export function formatFecha(isoDate: string | null | undefined): string {
  if (!isoDate) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  return m ? `${m[3]}-${m[2]}-${m[1]}` : isoDate
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  )
}

/** Today in Chile, as an ISO date: what "past its plazo" is measured against. */
export function hoyChile(now: Date = new Date()): string {
  return diaEnSantiago().format(now)
}

// Building a formatter loads the time zone's rules (about a millisecond): built once, it was
// built again at every write.
let formato: Intl.DateTimeFormat | null = null
const diaEnSantiago = (): Intl.DateTimeFormat =>
  (formato ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }))
