// The services' SQL is written once, in the SQL SQLite reads. The few places where PostgreSQL
// reads the same text otherwise are translated here, on each statement the server receives (the
// one place the dialects' SQL text differs; the functions SQLite has and PostgreSQL lacks are
// given to the server in esquema/compat.ts):
// - `cross join T a on …` is SQLite's join-order hint (it never reorders a CROSS JOIN);
//   PostgreSQL plans joins itself and allows no ON there: it means the inner join `join T a on …`.
// - An unquoted name is folded to lower case by PostgreSQL: `as sesionId` would reach the code
//   as `sesionid`. Tables and columns are snake_case, so a camelCase word outside quotes is one of
//   the services' result names: quoted, it keeps its case, as SQLite keeps it.
// - A subquery in FROM needs a name in PostgreSQL 15 (SQLite names it itself): one is given.

const CRUCE = /\bcross\s+join(\s+[\w."]+(?:\s+(?:as\s+)?(?!on\b)[\w"]+)?\s+on\b)/gi
const CAMEL = /(?<![\w"$])([a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)(?![\w"(])/g
// Text in quotes ('…' literals, "…" names) is left as it is.
const PARTES = /('(?:[^']|'')*'|"(?:[^"]|"")*")/
// What may follow a FROM subquery when it has no name of its own.
const SIN_NOMBRE =
  /^\s*(?:$|\)|,|;|where\b|order\b|group\b|limit\b|offset\b|union\b|except\b|intersect\b|having\b|window\b|join\b|left\b|right\b|inner\b|full\b|cross\b|natural\b|on\b)/i

/** Where the parenthesis opened at `desde` closes, quotes skipped; -1 if it does not. */
function cierre(t: string, desde: number): number {
  let nivel = 0
  for (let i = desde; i < t.length; i++) {
    const c = t[i]
    if (c === "'" || c === '"') {
      const fin = t.indexOf(c, i + 1)
      if (fin < 0) return -1
      i = fin
    } else if (c === '(') nivel++
    else if (c === ')' && --nivel === 0) return i
  }
  return -1
}

function nombrarSubconsultas(t: string): string {
  const abre = /\b(?:from|join)\s*\(/gi
  const nombres: number[] = []
  for (let m = abre.exec(t); m; m = abre.exec(t)) {
    // Inside a quoted text the words are not SQL: an even count of quotes before means outside.
    const antes = t.slice(0, m.index)
    if ((antes.match(/'/g)?.length ?? 0) % 2 === 1) continue
    const fin = cierre(t, m.index + m[0].length - 1)
    if (fin >= 0 && SIN_NOMBRE.test(t.slice(fin + 1))) nombres.push(fin + 1)
  }
  let out = t
  for (const [n, pos] of nombres.sort((a, b) => b - a).entries())
    out = `${out.slice(0, pos)} as mitp_sub${n}${out.slice(pos)}`
  return out
}

function fuera(texto: string): string {
  return texto.replace(CRUCE, 'join$1').replace(CAMEL, '"$1"')
}

const hechas = new Map<string, string>()

// Only the services' queries: the server's own schema (esquema/, DDL and PL/pgSQL bodies in $$)
// is written for PostgreSQL already.
const CONSULTA = /^\s*(?:select|insert|update|delete|with|values)\b/i

export function traducirSql(texto: string): string {
  if (!CONSULTA.test(texto) || texto.includes('$$')) return texto
  const hecha = hechas.get(texto)
  if (hecha !== undefined) return hecha
  const t = nombrarSubconsultas(
    texto
      .split(PARTES)
      .map((parte, i) => (i % 2 === 1 ? parte : fuera(parte)))
      .join('')
  )
  // The app's statements are a few hundred distinct texts; a bound keeps a stray one harmless.
  if (hechas.size > 2000) hechas.clear()
  hechas.set(texto, t)
  return t
}
