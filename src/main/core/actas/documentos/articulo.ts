// "de la Mesa RAV", "del Comité Técnico": the article an instancia takes is its head noun's, the
// first word of its name (an acronym's is the noun it stands for).

const sinTildes = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

// Nouns instancias are named with; MITP is the Mesa Intersectorial sobre Trata de Personas.
const FEMENINOS = new Set([
  'mesa',
  'mitp',
  'comision',
  'subcomision',
  'secretaria',
  'subsecretaria',
  'red',
  'coordinacion',
  'coordinadora',
  'unidad',
  'instancia',
  'division',
  'direccion',
  'oficina',
  'jefatura',
  'junta',
  'asamblea',
  'sesion'
])
const MASCULINOS = new Set([
  'comite',
  'subcomite',
  'consejo',
  'grupo',
  'equipo',
  'directorio',
  'gabinete',
  'foro',
  'pleno',
  'plenario',
  'nucleo',
  'programa',
  'sistema',
  'observatorio',
  'departamento',
  'ministerio',
  'circulo',
  'encuentro',
  'taller'
])

const esSigla = (palabra: string): boolean => /^[A-ZÁÉÍÓÚÑ]{2,}$/.test(palabra)

/** "la" or "el" for a noun by its ending (-a, -ión, -dad… are feminine); null for an acronym. */
function generoDe(palabra: string): 'la' | 'el' | null {
  const p = sinTildes(palabra)
  if (FEMENINOS.has(p)) return 'la'
  if (MASCULINOS.has(p)) return 'el'
  if (esSigla(palabra)) return null
  return /(a|ion|dad|tad|tud|umbre|ez)$/.test(p) ? 'la' : 'el'
}

/** "de la Mesa RAV", "del Comité Técnico", "de la instancia XYZ" when nothing tells. */
export function deInstancia(instancia: string): string {
  const nombre = instancia.trim()
  const [primera, ...resto] = nombre.split(/\s+/)
  // A name that brings its own article: "El Comité…" → "del Comité…".
  if (/^el$/i.test(primera ?? '')) return `del ${resto.join(' ')}`
  if (/^(la|los|las)$/i.test(primera ?? ''))
    return `de ${primera!.toLowerCase()} ${resto.join(' ')}`
  for (const palabra of nombre.split(/[\s/(),.-]+/).filter(Boolean)) {
    const genero = generoDe(palabra)
    if (genero) return genero === 'el' ? `del ${nombre}` : `de la ${nombre}`
  }
  return `de la instancia ${nombre}`
}
