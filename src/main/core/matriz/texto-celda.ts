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
