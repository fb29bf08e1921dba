import type { MatrizOpciones } from './datos'

// How much room text takes on paper. Excel and LibreOffice keep the row heights the file gives
// them, so the writer must know how many lines a text wraps to in a column: it measures words
// with Arial's widths (LibreOffice prints Liberation Sans, metrically the same).

/** The matrix's layout on each paper: five column widths, the body's font size and the page. */
export interface Disposicion {
  /** Widths (Excel character units) of eje, objetivo, acción, metas and responsables. */
  anchos: readonly number[]
  /** The body's font size, printed as is: the columns fit the page without shrinking. */
  fuente: number
  /** Printable width of a landscape page in points, between the margins. */
  anchoPagina: number
  /** Printable height of a landscape page in points, less a little spare. */
  altoPagina: number
}

// Widths chosen so the five columns fit the landscape page at 100 %. With Arial 10 as the base
// font (fuente-base.ts) a character unit is about 5.25 pt in Excel and 5.55 pt in LibreOffice,
// so carta's 10.2 in between margins (734 pt) takes at most 132 units, oficio's 12.2 in
// (878 pt) 158 and A4's 10.9 in (784 pt) 141; a couple are left spare. Fit-to-width then has
// nothing to shrink: carta prints at 9 pt and oficio at 10 pt (the ministry asks for at least 8
// and 9). The eje column holds the plan's longest word in bold, "INTERINSTITUCIONAL" (17 units
// at 8 pt, so 20 at 9 pt and 22 at 10 pt): narrower, a spreadsheet cuts it across lines (the
// metas column gives up the room). A landscape page is 8.5 in (A4 210 mm) tall, less half an
// inch above and below and a little spare, so the writer's page breaks come before the
// spreadsheet's own.
const pagina = (ancho: number, alto: number) => ({
  anchoPagina: (ancho - 0.8) * 72,
  altoPagina: alto * 72 - 72 - 6
})
const DISPOSICIONES: Record<MatrizOpciones['papel'], Disposicion> = {
  carta: { anchos: [20, 23, 31, 37, 19], fuente: 9, ...pagina(11, 8.5) },
  oficio: { anchos: [22, 28, 37, 47, 21], fuente: 10, ...pagina(13, 8.5) },
  a4: { anchos: [20, 25, 33, 40, 20], fuente: 9, ...pagina(297 / 25.4, 210 / 25.4) }
}

export const disposicion = (papel: MatrizOpciones['papel']): Disposicion => DISPOSICIONES[papel]

/** The tracking matrix's layout: the plan's five columns and the five of its progress. */
export interface DisposicionSeguimiento extends Disposicion {
  /** Widths of estado, % de avance, último reporte, sesión del reporte and acuerdos pendientes. */
  seguimiento: readonly number[]
}

// The ten columns of the tracking matrix on one page across, at 100 % and 8 pt (the ministry's
// minimum for oficio): each printed page then shows every acción with its responsables beside
// it and the title whole, and the writer's page breaks are the printed ones. Carta takes at most
// 132 units and oficio 158 (see above); the progress columns are as narrow as their words allow
// (and none 9 wide: exceljs leaves a column of its default width out of the file). The eje column
// holds the plan's longest word, "INTERINSTITUCIONAL" (16.5 units at 8 pt): no narrower, or a
// spreadsheet cuts it across lines; the metas column gives up the room.
const DISPOSICIONES_SEGUIMIENTO: Record<MatrizOpciones['papel'], DisposicionSeguimiento> = {
  carta: {
    anchos: [17, 13, 18, 20, 13],
    seguimiento: [10, 7, 10, 11, 9.5],
    fuente: 8,
    ...pagina(11, 8.5)
  },
  oficio: {
    anchos: [17, 17, 25, 30, 16],
    seguimiento: [10, 7, 10, 13, 9.5],
    fuente: 8,
    ...pagina(13, 8.5)
  },
  a4: {
    anchos: [17, 14, 20, 23, 14],
    seguimiento: [10, 7, 10, 12, 9.5],
    fuente: 8,
    ...pagina(297 / 25.4, 210 / 25.4)
  }
}

export const disposicionSeguimiento = (papel: MatrizOpciones['papel']): DisposicionSeguimiento =>
  DISPOSICIONES_SEGUIMIENTO[papel]

// Arial's advance widths in thousandths of an em (the standard Helvetica metrics), by width;
// letters with accents take their base letter's width, anything unlisted an "m"'s.
const POR_ANCHO: [number, string][] = [
  [191, "'"],
  [222, 'ijl‘’'],
  [278, ' !,./:;[]fIt'],
  [333, '()-r“”'],
  [350, '•'],
  [355, '"'],
  [365, 'º'],
  [370, 'ª'],
  [389, '*'],
  [400, '°'],
  [500, 'cksvxyzJ'],
  [556, '0123456789#$?_abdeghnñopquL–'],
  [584, '+<=>'],
  [611, 'FTZ'],
  [667, '&ABEKPSVXY'],
  [722, 'CDHNÑRUw'],
  [778, 'GOQ'],
  [833, 'mM'],
  [889, '%'],
  [944, 'W'],
  [1000, '—'],
  [1015, '@']
]
const ANCHO_LETRA = new Map(POR_ANCHO.flatMap(([w, letras]) => [...letras].map((c) => [c, w])))

const base = (c: string): string => c.normalize('NFD')[0] ?? c

function anchoPalabra(palabra: string, puntos: number): number {
  let milesimas = 0
  for (const c of palabra) milesimas += ANCHO_LETRA.get(c) ?? ANCHO_LETRA.get(base(c)) ?? 833
  // Plain widths: the few bold labels ("Meta:", "Indicadores:") run about a point wider, which
  // the cell padding taken off the column (anchoUtil) covers.
  return (milesimas * puntos) / 1000
}

/**
 * Points of text a column of this width holds, as Excel draws it (7 px a unit and 5 px more,
 * narrower than LibreOffice's 7.4 px a unit), less the cell's padding.
 */
export const anchoUtil = (ancho: number): number => (ancho * 7 + 5) * 0.75 - 5

/** Lines a text wraps to in a column, word by word, as a spreadsheet wraps it. */
export function lineasEn(texto: string, ancho: number, puntos: number): number {
  const cabe = anchoUtil(ancho)
  const espacio = anchoPalabra(' ', puntos)
  let total = 0
  for (const parrafo of texto.split('\n')) {
    let lineas = 1
    let usado = 0
    for (const palabra of parrafo.split(' ').filter(Boolean)) {
      const w = anchoPalabra(palabra, puntos)
      if (usado > 0 && usado + espacio + w > cabe) {
        lineas++
        usado = 0
      }
      // A word longer than the column breaks across as many lines as it needs.
      if (w > cabe) {
        lineas += Math.ceil(w / cabe) - 1
        usado = w % cabe
      } else usado += (usado > 0 ? espacio : 0) + w
    }
    total += lineas
  }
  return total
}

/**
 * How much fit-to-width shrinks columns this wide on the page (1 when they fit). Measured as
 * Excel draws them: LibreOffice's wider units shrink a little more, so a page the writer fills
 * at this scale never overflows in either.
 */
export function escala(anchos: readonly number[], disp: Disposicion): number {
  const puntos = anchos.reduce((t, w) => t + (w * 7 + 5) * 0.75, 0)
  return Math.min(1, disp.anchoPagina / puntos)
}

/**
 * A row's height in points for this many lines: a line of Arial is 1.15 em in LibreOffice and,
 * rounded to whole pixels, up to 1.2 em in Excel; plus the cell's padding.
 */
export const altoLineas = (lineas: number, puntos: number): number =>
  Math.ceil(lineas * puntos * 1.2 + 5)

/** The footer every printed page carries, in the body's size so it prints as legibly. */
export const pie = (puntos: number): string =>
  `&L&"Arial,Regular"&${puntos}Secretaría MITP&R&"Arial,Regular"&${puntos}Página &P de &N`
