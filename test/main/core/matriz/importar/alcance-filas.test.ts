import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { revisarLibro } from '../../../../../src/main/core/matriz/importar/zip'

async function libro(celda: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Matriz')
  ws.getCell('A1').value = 'x'
  ws.getCell(celda).value = 'y'
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A tiny workbook naming a far row or column is refused before the reader fills up to it. */
describe('workbook reach', () => {
  it('refuses one row numbered 1048576, by its number, not its count', async () => {
    const data = await libro('A1048576')
    expect(data.length).toBeLessThan(20_000)
    expect(() => revisarLibro(data)).toThrow(
      /usa la fila 1048576; el máximo es 300000\. No se modificó nada\./
    )
  })

  it('refuses a cell in column XFD', async () => {
    const data = await libro('XFD2')
    expect(() => revisarLibro(data)).toThrow(/usa la columna 16384/)
  })

  it('accepts a sheet within the limits', async () => {
    const data = await libro('T5000')
    expect(() => revisarLibro(data)).not.toThrow()
  })
})
