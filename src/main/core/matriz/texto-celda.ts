import type ExcelJS from 'exceljs'
import { AppError } from '../errors'
import { tieneControl } from '../../../shared/domain/texto'

// Spreadsheet cells silently drop control characters, so a text holding one would not come
// back as it went: such text is refused with a message instead of being altered.

/** Excel's limit for one cell. */
export const MAX_CELDA = 32_767

/** Where a text goes, said in an error; a function when it would cost a string per cell. */
export type Donde = string | (() => string)
const decir = (donde: Donde): string => (typeof donde === 'string' ? donde : donde())

export function textoExportable(texto: string, donde: Donde): string {
  if (tieneControl(texto)) {
    throw new AppError(
      'entrada_invalida',
      `${decir(donde)} contiene caracteres de control que Excel no guarda; corríjalo antes de exportar.`
    )
  }
  if (texto.length > MAX_CELDA) {
    throw new AppError(
      'entrada_invalida',
      `${decir(donde)} supera los ${MAX_CELDA} caracteres que admite una celda de Excel.`
    )
  }
  return texto
}

export { tieneControl }

// A string cell is never a formula when a workbook is opened, but a spreadsheet reads what is
// typed into a cell again (F2 + Enter) as a formula when it begins with = + - @ (Excel and
// LibreOffice skip leading blanks and read the full-width ＝ ＋ － ＠ too). Such text is written
// exactly as typed, in a cell with the Text number format ("@"), under which both read whatever
// is entered as text. exceljs 4.4 cannot write the xf quotePrefix attribute (its pull request
// #2809 is unmerged), and an apostrophe inside the text would be seen by every reader.
const PARECE_FORMULA = /^[\s']*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u

const BORDE_BLANCO = /^\s|\s$/u

/** Excel's number format that makes a cell read everything typed into it as text. */
export const FORMATO_TEXTO = '@'

export function pareceFormula(texto: string): boolean {
  return PARECE_FORMULA.test(texto)
}

// Almost every text needs none of the care below: one test says so (a control character, a
// blank at either end, or a first character that may begin a formula), instead of three.
const ESPECIAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|^[\s'=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|\s$/u

/** A whole cell of user text: checked (textoExportable), as typed, never re-read as a formula. */
export function ponerTexto(cell: ExcelJS.Cell, texto: string, donde: Donde): void {
  if (texto.length <= MAX_CELDA && !ESPECIAL.test(texto)) {
    cell.value = texto
    return
  }
  textoExportable(texto, donde)
  // Without shared strings (the streaming writer) exceljs writes a plain string as <v>, whose
  // leading and trailing blanks LibreOffice drops; a one-run rich text is written as <t
  // xml:space="preserve">. Only for those texts: the others stay plain.
  cell.value = BORDE_BLANCO.test(texto) ? { richText: [{ text: texto }] } : texto
  // A copy: the cell's style may be an object other cells share (the streaming writer's are).
  if (pareceFormula(texto)) cell.style = { ...cell.style, numFmt: FORMATO_TEXTO }
}
