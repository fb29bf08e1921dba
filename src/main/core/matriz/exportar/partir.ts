import type ExcelJS from 'exceljs'
import { ponerTexto } from '../texto-celda'
import { estilo } from './formato'
import { altoLineas, lineasEn } from './medida'

// An acción taller than a row can be (Excel's 409 pt) or than a page is continued on the rows
// below it, on paper and on the next page if need be, rather than cut. Its texts are split where
// lines break: the acción and responsables at a space (read back joined by one), the metas at a
// paragraph (joined by a line break), so the reader puts them together as they were.

/** Marks a continuation row in the acción column: "1.1.a (continuación)". */
export const CONTINUACION = '(continuación)'

/**
 * `texto` in pieces of at most `maximo` lines each in a column `ancho` wide, broken only at
 * `corte` (a space or a line break); a piece holds at least one unbreakable run, however long.
 * The pieces joined by `corte` give the text back.
 */
export function partir(
  texto: string,
  ancho: number,
  puntos: number,
  maximo: number,
  corte: ' ' | '\n'
): string[] {
  const partes = texto.split(corte)
  const trozos: string[] = []
  let actual: string[] = []
  for (const p of partes) {
    const prueba = [...actual, p].join(corte)
    if (actual.length && lineasEn(prueba, ancho, puntos) > maximo) {
      trozos.push(actual.join(corte))
      actual = [p]
    } else actual.push(p)
  }
  trozos.push(actual.join(corte))
  return trozos
}

/** Rich text cut to these ranges of its plain text, each run keeping its font. */
export function cortarRico(
  rico: ExcelJS.RichText[],
  tramos: { desde: number; hasta: number }[]
): ExcelJS.RichText[][] {
  return tramos.map((t) => {
    const out: ExcelJS.RichText[] = []
    let pos = 0
    for (const run of rico) {
      const desde = Math.max(t.desde, pos)
      const hasta = Math.min(t.hasta, pos + run.text.length)
      if (hasta > desde) out.push({ ...run, text: run.text.slice(desde - pos, hasta - pos) })
      pos += run.text.length
    }
    return out
  })
}

/** Marks metas continued mid-paragraph on the row below (the reader joins it by a space). */
export const SIGUE = '… '

type Tramo = { desde: number; hasta: number; sigue: boolean }

/**
 * Where the metas text is cut: at line breaks, and inside a paragraph too long for a row, at
 * spaces (the piece after such a cut starts with "… "). Ranges leave out the break or space.
 */
function tramosMetas(plano: string, ancho: number, puntos: number, maximo: number): Tramo[] {
  // The units that may be grouped: whole paragraphs, or the words of one too long.
  const unidades: { desde: number; hasta: number; sep: '\n' | ' ' }[] = []
  let p0 = 0
  for (const par of plano.split('\n')) {
    if (lineasEn(par, ancho, puntos) <= maximo - 1)
      unidades.push({ desde: p0, hasta: p0 + par.length, sep: '\n' })
    else {
      let w0 = p0
      for (const w of par.split(' ')) {
        unidades.push({ desde: w0, hasta: w0 + w.length, sep: ' ' })
        w0 += w.length + 1
      }
      unidades[unidades.length - 1]!.sep = '\n'
    }
    p0 += par.length + 1
  }
  const tramos: Tramo[] = []
  let actual: Tramo | null = null
  // The separator before the unit: a piece that starts after a space goes on a paragraph.
  let antes: '\n' | ' ' = '\n'
  for (const u of unidades) {
    if (actual) {
      const texto = (actual.sigue ? SIGUE : '') + plano.slice(actual.desde, u.hasta)
      if (lineasEn(texto, ancho, puntos) > maximo) {
        tramos.push(actual)
        actual = null
      }
    }
    if (actual) actual.hasta = u.hasta
    else actual = { desde: u.desde, hasta: u.hasta, sigue: antes === ' ' }
    antes = u.sep
  }
  if (actual) tramos.push(actual)
  return tramos
}

/**
 * Metas and indicadores in pieces of at most `maximo` lines, cut at line breaks or, inside a
 * paragraph too long for a row, at spaces (marked "… " where the piece below goes on).
 */
export function partirRico(
  rico: ExcelJS.RichText[],
  ancho: number,
  puntos: number,
  maximo: number
): ExcelJS.RichText[][] {
  const plano = rico.map((r) => r.text).join('')
  const tramos = tramosMetas(plano, ancho, puntos, maximo)
  const fuente = rico.find((r) => r.font && !r.font.bold)?.font ?? rico[0]?.font
  return cortarRico(rico, tramos).map((runs, i) =>
    tramos[i]!.sigue ? [{ text: SIGUE, font: fuente }, ...runs] : runs
  )
}

/** What continuar needs of the sheet's layout. */
export interface Columnas {
  /** Widths of every column of the sheet. */
  anchos: readonly number[]
  fuente: number
  /** Lines a row may hold: Excel's tallest row, or a page, whichever is less. */
  maximo: number
}

/**
 * Rewrites an acción's row from `fila` as rows of at most `maximo` lines each: the acción's
 * text, its metas and its responsables in pieces. Each row below says "1.1.a (continuación)";
 * responsables short enough are repeated on each, so no page shows the acción without them.
 * Returns each row's height.
 */
export function continuar(
  ws: ExcelJS.Worksheet,
  fila: number,
  a: { codigo: string; responsables: string },
  rico: ExcelJS.RichText[],
  c: Columnas
): number[] {
  const [wC, wD, wE] = [c.anchos[2]!, c.anchos[3]!, c.anchos[4]!]
  const f = c.fuente
  // The marker takes a line of its own on each continuation row.
  const cs = partir(ws.getCell(fila, 3).value as string, wC, f, c.maximo - 1, ' ')
  const ds = partirRico(rico, wD, f, c.maximo)
  const e = a.responsables
  const repetir = lineasEn(e, wE, f) <= c.maximo
  const es = repetir ? [e] : partir(e, wE, f, c.maximo, ' ')
  const n = Math.max(cs.length, ds.length, es.length)
  const alturas: number[] = []
  for (let k = 0; k < n; k++) {
    const row = ws.getRow(fila + k)
    if (k > 0) for (let i = 1; i <= c.anchos.length; i++) estilo(row.getCell(i))
    const textoC = k === 0 ? cs[0]! : `${a.codigo} ${CONTINUACION}${cs[k] ? `\n${cs[k]}` : ''}`
    row.getCell(3).value = textoC
    const d = ds[k] ?? []
    row.getCell(4).value = d.length ? { richText: d } : null
    const textoE = repetir ? e : (es[k] ?? '')
    if (textoE) ponerTexto(row.getCell(5), textoE, `Los responsables de la acción ${a.codigo}`)
    else row.getCell(5).value = null
    for (const col of [1, 2, 3, 5]) row.getCell(col).font = { name: 'Arial', size: f }
    const lineas = [textoC, d.map((r) => r.text).join(''), textoE].map((t, i) =>
      lineasEn(t, [wC, wD, wE][i]!, f)
    )
    alturas.push(altoLineas(Math.max(...lineas), f))
  }
  return alturas
}
