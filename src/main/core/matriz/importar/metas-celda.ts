import {
  propio,
  rotuloIndicadores,
  rotuloMeta,
  SEPARADOR_CODIGO,
  VINETA,
  type RotulosAccion
} from '../rotulos'

// The metas cell read back: "Meta: …", "Meta 1: …", then "Indicadores:" and bullets, as the
// matrix writes them, with the labels as written (kept where they are not the usual ones).

const INDICADORES = /(?:^|\n)\s*(Indicador(?:es)?\s*:)\s*/i
const META = /(?:^|\n)\s*(Metas?(?:\s+\d+)?\s*:?)\s+(?=\S)/i
const VINETA_LEIDA = /^\s*([•\-–·])?\s*/
const espacios = (s: string): string => s.replace(/\s+/g, ' ')

export interface MetasLeidas {
  metas: string[]
  indicadores: string[]
  rotulos: Omit<RotulosAccion, 'separador'>
}

export function leerMetasEIndicadores(celda: string): MetasLeidas {
  const ind = INDICADORES.exec(celda)
  const antes = ind ? celda.slice(0, ind.index) : celda
  const despues = ind ? celda.slice(ind.index + ind[0].length) : ''
  // split with a group keeps each label before its text: [before, label, text, label, text…]
  const partes = antes.split(META)
  const metas: { texto: string; rotulo: string | null }[] = []
  if (partes[0]!.trim()) metas.push({ texto: partes[0]!.trim(), rotulo: null })
  for (let i = 1; i < partes.length; i += 2) {
    const texto = partes[i + 1]!.trim()
    if (texto) metas.push({ texto, rotulo: espacios(partes[i]!) })
  }
  const indicadores: { texto: string; vineta: string }[] = []
  for (const linea of despues.split('\n')) {
    const v = VINETA_LEIDA.exec(linea)!
    const texto = linea.slice(v[0].length).trim()
    if (texto) indicadores.push({ texto, vineta: v[1] ?? '' })
  }
  return {
    metas: metas.map((m) => m.texto),
    indicadores: indicadores.map((x) => x.texto),
    rotulos: {
      metas: metas.map((m, i) => propio(m.rotulo, rotuloMeta(i, metas.length))),
      indicadores: ind ? propio(espacios(ind[1]!), rotuloIndicadores(indicadores.length)) : null,
      vinetas: indicadores.map((x) => propio(x.vineta, VINETA))
    }
  }
}

/** Metas and indicadores without their labels. */
export function partirMetasEIndicadores(celda: string): { metas: string[]; indicadores: string[] } {
  const { metas, indicadores } = leerMetasEIndicadores(celda)
  return { metas, indicadores }
}

/** What follows the acción's code: a dot or not (the spaces after it are not kept). */
export const separadorLeido = (leido: string): string | null =>
  propio(leido.includes('.') ? '. ' : ' ', SEPARADOR_CODIGO)
