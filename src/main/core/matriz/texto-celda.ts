import { AppError } from '../errors'
import { tieneControl } from '../../../shared/domain/texto'

// Spreadsheet cells silently drop control characters, so a text holding one would not come
// back as it went: such text is refused with a message instead of being altered.

/** Excel's limit for one cell. */
export const MAX_CELDA = 32_767

export function textoExportable(texto: string, donde: string): string {
  if (tieneControl(texto)) {
    throw new AppError(
      'entrada_invalida',
      `${donde} contiene caracteres de control que Excel no guarda; corríjalo antes de exportar.`
    )
  }
  if (texto.length > MAX_CELDA) {
    throw new AppError(
      'entrada_invalida',
      `${donde} supera los ${MAX_CELDA} caracteres que admite una celda de Excel.`
    )
  }
  return texto
}

export { tieneControl }

// A cell that begins with = + - @ is a formula to a spreadsheet the moment someone edits it or
// saves the sheet as CSV. Text from users is written behind an apostrophe instead (as Excel's
// own "text" prefix looks), and the apostrophe is taken off again when the workbook is read.
const PARECE_FORMULA = /^'*[=+\-@]/

/** A whole cell of user text, checked (textoExportable) and kept from reading as a formula. */
export function celdaTexto(texto: string, donde: string): string {
  const t = textoExportable(texto, donde)
  return PARECE_FORMULA.test(t) ? `'${t}` : t
}

/** The text a cell written by celdaTexto stood for. */
export function textoDeCelda(valor: string): string {
  return valor.startsWith("'") && PARECE_FORMULA.test(valor) ? valor.slice(1) : valor
}
