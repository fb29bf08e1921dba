import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { texto } from '../../../../../src/main/core/matriz/importar/celda'

/** An error cell written by a spreadsheet (`<c t="e"><v>#N/A</v></c>`) is refused, not read as empty. */
describe('error cells', () => {
  it('are refused with their address, after a round trip through the file', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Matriz').getCell('C7').value = { error: '#N/A' }
    const leido = new ExcelJS.Workbook()
    await leido.xlsx.load(await wb.xlsx.writeBuffer())
    const cell = leido.getWorksheet('Matriz')!.getCell('C7')
    expect(() => texto(cell)).toThrow(
      /^Hoja «Matriz», celda C7: tiene un error \(#N\/A\) en lugar de un valor.*No se modificó nada\.$/
    )
  })
})
