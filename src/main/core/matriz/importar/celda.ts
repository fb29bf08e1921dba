import type ExcelJS from 'exceljs'
import { AppError } from '../../errors'

// One cell's text as the import reads it; what it cannot read faithfully is refused, never guessed.

/** A cell the import cannot read as it stands: refused with its address, never read as empty. */
function ilegible(cell: ExcelJS.Cell, detalle: string): AppError {
  return new AppError(
    'entrada_invalida',
    `Hoja «${cell.worksheet.name}», celda ${cell.address}: ${detalle} No se modificó nada.`
  )
}

export function texto(cell: ExcelJS.Cell): string {
  const t = textoCrudo(cell)
  // The XML reader turns bytes that are not UTF-8 into U+FFFD without a word.
  if (t.includes('\uFFFD'))
    throw ilegible(
      cell,
      'el texto tiene bytes que no son UTF-8 válido (el archivo se dañó o se convirtió mal); corríjalo en Excel o LibreOffice y vuelva a guardarlo.'
    )
  return t
}

function textoCrudo(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const r = (v as { result?: unknown }).result
    if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date)))
      throw ilegible(
        cell,
        'es una fórmula sin un valor calculado; ábrala en Excel o LibreOffice, guarde el libro (eso calcula las fórmulas) y vuelva a importarlo, o escriba el texto en lugar de la fórmula.'
      )
  }
  // An error cell (#N/A, #REF!…) has no text: read as empty it would erase what it replaced.
  if (typeof v === 'object' && 'error' in v)
    throw ilegible(
      cell,
      `tiene un error (${String((v as { error: unknown }).error)}) en lugar de un valor; escriba el texto que corresponde y vuelva a importarlo.`
    )
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'text' in v) return String(v.text)
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return ''
}
