import type ExcelJS from 'exceljs'
import type { MatrizOpciones } from './datos'

// What every sheet of the workbook shares: column widths, paper, borders, fonts, header rows
// and the row heights LibreOffice needs spelled out.

export const ANCHOS = [20, 28, 42, 62, 24]
/** Excel paper sizes: Letter, Folio (8.5 × 13 in, Chile's oficio), A4. */
const PAPEL_CODIGO = { carta: 1, oficio: 14, a4: 9 } as const
// exceljs's PaperSize type lists only some of the standard (ECMA-376) sizes; Letter and Folio
// are valid codes it writes as given.
export const papel = (p: MatrizOpciones['papel']): ExcelJS.PaperSize =>
  PAPEL_CODIGO[p] as unknown as ExcelJS.PaperSize
/**
 * A sheet printed at 100 % that keeps its manual page breaks: no fitToPage (Excel drops manual
 * breaks on a sheet fit to pages), and fitToWidth/fitToHeight left out of the file (exceljs
 * writes its defaults otherwise).
 */
export const A_TAMANO_REAL: Partial<ExcelJS.PageSetup> = {
  fitToPage: false,
  fitToWidth: undefined,
  fitToHeight: undefined,
  scale: 100
}
const HEADER_FILL = 'FFD9E2F3'
const BORDE: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' }
}

/** Lines a text takes in a column of this width (LibreOffice needs explicit row heights). */
export function lineas(texto: string, ancho: number): number {
  const porLinea = Math.max(8, Math.floor(ancho * 1.15))
  return texto.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / porLinea)), 0)
}
export const alto = (lineasNecesarias: number): number => Math.max(18, lineasNecesarias * 13 + 6)

export function estilo(cell: ExcelJS.Cell): void {
  cell.alignment = { wrapText: true, vertical: 'top' }
  cell.border = BORDE
  cell.font = { name: 'Arial', size: 10, ...(cell.font ?? {}) }
}

export function encabezado(ws: ExcelJS.Worksheet, fila: number, titulos: readonly string[]): void {
  const row = ws.getRow(fila)
  titulos.forEach((t, i) => {
    const c = row.getCell(i + 1)
    c.value = t
    c.font = { name: 'Arial', size: 10, bold: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } }
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    c.border = BORDE
  })
  row.height = 30
}
