import fs from 'node:fs'
import path from 'node:path'

// The ministry's matrix as the source text has it (resources/seed, a copy of the shared seed):
// a table exported to text, one row a line, cells split by tabs, with the HTML the cells kept.
// A cell covered by a merge above is missing or empty; a row the page cut continues on a line
// of its own with only the metas cell.

export const FUENTE = path.join(
  __dirname,
  '../../../../resources/seed/plan-de-accion-trata-de-personas.txt'
)

export interface AccionFuente {
  codigo: string
  eje: string
  objetivo: string
  accion: string
  metas: string
  /** Empty where the source merges the cell with the one above. */
  responsables: string
}

/** The text a cell shows: tags dropped, whitespace folded (the comparison is whitespace aside). */
export const plano = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const CODIGO = /^(\d\.\d\.[a-z])\b/

export function leerFuente(): AccionFuente[] {
  const acciones: AccionFuente[] = []
  for (const linea of fs.readFileSync(FUENTE, 'utf8').split('\n')) {
    if (!/\p{L}/u.test(linea) || linea.startsWith('Glosario')) continue
    const celdas = linea.split('\t').map(plano)
    const i = celdas.findIndex((c) => CODIGO.test(c))
    if (i < 0) {
      // The rest of a cut row: its text belongs to the last acción's metas.
      const resto = celdas[3]
      if (resto && acciones.length) acciones.at(-1)!.metas += ` ${resto}`
      continue
    }
    acciones.push({
      codigo: CODIGO.exec(celdas[i]!)![1]!,
      eje: celdas[i - 2] ?? '',
      objetivo: celdas[i - 1] ?? '',
      accion: celdas[i]!,
      metas: celdas[i + 1] ?? '',
      responsables: celdas[i + 2] ?? ''
    })
  }
  return acciones
}
