/**
 * The grammatical gender a post's title shows, so that what the acta says of its holder agrees
 * with the cargo it prints beside their name ("actuó como secretaria de actas Ana Rojas,
 * Coordinadora, SERNAM"). The app records no one's gender: only the first word of the cargo is
 * read, and a cargo that does not tell ("Profesional", "Analista", "Fiscal") tells nothing.
 */
export type Genero = 'femenino' | 'masculino'

// Whole words first: titles whose ending misleads ("Mayor" is a rank, not "-or").
const PALABRAS = new Map<string, Genero | null>([
  ['jefa', 'femenino'],
  ['jefe', 'masculino'],
  ['subjefa', 'femenino'],
  ['subjefe', 'masculino'],
  ['ministra', 'femenino'],
  ['ministro', 'masculino'],
  ['presidenta', 'femenino'],
  ['gerenta', 'femenino'],
  ['intendenta', 'femenino'],
  ['mayor', null]
])

// Endings of the first word: Coordinadora, Encargada, Secretaria, Psicóloga, Ingeniera, Técnica.
const FEMENINO = /(ora|ada|aria|loga|era|ica)$/
const MASCULINO = /(or|ado|ario|logo|ero|ico)$/

export function generoDelCargo(cargo: string): Genero | null {
  const t = cargo.trim()
  // Written for either, in any of the usual ways: "Coordinador/a", "Encargado (a)",
  // "Director(a)(S)", "Jefe/Jefa", "Encargado o encargada". A wrong guess would be sealed.
  if (/\/|\(\s*[ao]\s*\)|\s[oy]\s/i.test(t)) return null
  // The endings and the words above carry no accent: "Psicóloga" ends in "loga" as written.
  const palabra = t.split(/[\s,(/-]+/)[0]!.toLowerCase()
  if (PALABRAS.has(palabra)) return PALABRAS.get(palabra)!
  // "Secretaria Ejecutiva MITP", "Subsecretaria de Prevención…": often the office, not a woman.
  if (/^(sub)?secretari[ao]$/.test(palabra)) return null
  if (FEMENINO.test(palabra)) return 'femenino'
  return MASCULINO.test(palabra) ? 'masculino' : null
}
