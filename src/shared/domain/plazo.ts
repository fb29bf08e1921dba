/**
 * Reads the deadline a meta's text states ("al primer semestre de 2014" → 2014-06-30).
 * When the text names several dates, the latest is the deadline: the meta is met when its
 * last part is. Returns null when the text states no date.
 */
const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre'
]
const MES = `(${MESES.join('|')}|setiembre)`
const ANIO = '(?:de |del |el )?(\\d{4})'

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

const ultimoDiaDelMes = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

const mesNumero = (nombre: string): number =>
  nombre === 'setiembre' ? 9 : MESES.indexOf(nombre) + 1

const ORDINAL: Record<string, number> = { primer: 1, segundo: 2, tercer: 3, cuarto: 4 }

type Regla = { re: RegExp; fecha: (m: RegExpExecArray) => string | null }

const REGLAS: Regla[] = [
  {
    re: new RegExp(`\\b(\\d{1,2}) (?:de )?${MES} ${ANIO}`, 'g'),
    fecha: (m) => {
      const y = Number(m[3])
      const mes = mesNumero(m[2]!)
      const d = Number(m[1])
      return d >= 1 && d <= ultimoDiaDelMes(y, mes) ? iso(y, mes, d) : null
    }
  },
  {
    // "a diciembre de 2013": a month without a day means its last day.
    re: new RegExp(`(?<!\\d )(?<!\\d de )\\b${MES} ${ANIO}`, 'g'),
    fecha: (m) => {
      const y = Number(m[2])
      const mes = mesNumero(m[1]!)
      return iso(y, mes, ultimoDiaDelMes(y, mes))
    }
  },
  {
    re: new RegExp(`\\b(primer|segundo) semestre ${ANIO}`, 'g'),
    fecha: (m) => (m[1] === 'primer' ? iso(Number(m[2]), 6, 30) : iso(Number(m[2]), 12, 31))
  },
  {
    re: new RegExp(`\\b(primer|segundo|tercer|cuarto) trimestre ${ANIO}`, 'g'),
    fecha: (m) => {
      const y = Number(m[2])
      const mes = ORDINAL[m[1]!]! * 3
      return iso(y, mes, ultimoDiaDelMes(y, mes))
    }
  },
  {
    re: /\bdurante (?:el |el año |el ano )?(\d{4})\b/g,
    fecha: (m) => iso(Number(m[1]), 12, 31)
  }
]

export function plazoDesdeTexto(texto: string): string | null {
  const t = texto.toLowerCase().replace(/\s+/g, ' ')
  let latest: string | null = null
  for (const regla of REGLAS) {
    for (const m of t.matchAll(regla.re)) {
      const f = regla.fecha(m)
      if (f && (latest === null || f > latest)) latest = f
    }
  }
  return latest
}
