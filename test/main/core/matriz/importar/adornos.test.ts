import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportarMatriz } from '../../../../../src/main/core/matriz/exportar/exportar'
import { sinAdornos } from '../../../../../src/main/core/matriz/importar/adornos'
import { leerMatriz } from '../../../../../src/main/core/matriz/importar/leer'
import { openTestApp } from '../../../../helpers/db'

/**
 * Hostile workbooks a few KB long that exceljs would expand cell by cell (a reviewer's 13 KB one
 * took 4.5 GB): built from a real exported matrix by editing its sheet's XML. A refusal must come
 * before exceljs opens anything, which the spy on its reader shows without having to run out of
 * memory.
 */
let original: Buffer
beforeAll(async () => {
  const t = await openTestApp()
  original = Buffer.from(
    (await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })).data
  )
  t.close()
})

const HOJA = 'xl/worksheets/sheet1.xml'
async function editar(parte: string, cambio: (xml: string) => string): Promise<Buffer> {
  const z = await JSZip.loadAsync(original)
  z.file(parte, cambio(await z.file(parte)!.async('string')))
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
/** Puts `xml` into the sheet right after its `</sheetData>` (where these elements go). */
const trasDatos = (xml: string) => (hoja: string) =>
  hoja.replace('</sheetData>', `</sheetData>${xml}`)

let abre: ReturnType<typeof vi.spyOn>
beforeAll(() => {
  abre = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get')
})
afterEach(() => abre.mockClear())
afterAll(() => abre.mockRestore())

const rechazo = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'aceptado',
    (e: Error & { code?: string }) => `${e.code}: ${e.message}`
  )

describe('what the import does not read is taken out before parsing', () => {
  it('a column width to column 2,000,000,000, a validation, a conditional format and links over F1:GR300000', async () => {
    const hostil = await editar(HOJA, (hoja) =>
      trasDatos(
        '<conditionalFormatting sqref="F1:GR300000"><cfRule type="expression" dxfId="0" priority="99"><formula>TRUE</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="F1:GR300000"><formula1>"a,b"</formula1></dataValidation></dataValidations>' +
          '<hyperlinks><hyperlink ref="F1:GR300000" display="x" location="A1"/></hyperlinks>'
      )(
        hoja.replace(
          /<cols>[\s\S]*?<\/cols>/,
          '<cols><col min="5" max="2000000000" width="9"/></cols>'
        )
      )
    )
    expect(hostil.length).toBeLessThan(original.length + 2000)
    expect(await leerMatriz(hostil)).toEqual(await leerMatriz(original))
    // The spy the refusals below rely on does see exceljs open a workbook.
    expect(abre).toHaveBeenCalled()
  })

  it('only those elements, with or without a namespace prefix, empty or not; the rest byte for byte', () => {
    const xml =
      '<worksheet><dimension ref="A1:GR300000"/><x:cols><x:col min="1" max="9"/></x:cols>' +
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><colsX/><dataValidations count="0"/>' +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
      '<conditionalFormatting sqref="A1"><cfRule/></conditionalFormatting><conditionalFormatting sqref="B1"></conditionalFormatting>' +
      '<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting>z</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>'
    expect(sinAdornos(xml)).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><colsX/>' +
        '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
        '<extLst><ext><x14:conditionalFormattings></x14:conditionalFormattings></ext></extLst></worksheet>'
    )
  })
})

describe('refused before exceljs opens the workbook', () => {
  it('merged cells over F1:GR300000 (60 million cells), by the sheet’s name and the range', async () => {
    const hostil = await editar(HOJA, (hoja) =>
      hoja.replace(
        /<mergeCells count="(\d+)">/,
        (_, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="F1:GR300000"/>`
      )
    )
    expect(await rechazo(leerMatriz(hostil))).toBe(
      'entrada_invalida: Hoja «Matriz»: sus celdas combinadas (hasta «F1:GR300000») cubren más de 1500000 celdas, el máximo. No se modificó nada.'
    )
    expect(abre).not.toHaveBeenCalled()
  })

  it('a merged range past the last row or column, or not a range at all', async () => {
    const con = (ref: string) =>
      editar(HOJA, (h) => h.replace(/<mergeCell ref="[^"]*"/, `<mergeCell ref="${ref}"`))
    expect(await rechazo(leerMatriz(await con('A1:A1048576')))).toBe(
      'entrada_invalida: Hoja «Matriz»: la celda combinada «A1:A1048576» pasa de la fila 300000 o de la columna 200. No se modificó nada.'
    )
    expect(await rechazo(leerMatriz(await con('XFD1:A1')))).toMatch(/«XFD1:A1» pasa de la fila/)
    expect(await rechazo(leerMatriz(await con('F:F')))).toMatch(
      /la celda combinada «F:F» no es un rango válido/
    )
    expect(abre).not.toHaveBeenCalled()
  })

  it('more shared strings than a workbook may have cells (1,500,001 one-letter strings)', async () => {
    const hostil = await editar('xl/sharedStrings.xml', (sst) =>
      sst.replace('</sst>', `${'<si><t>a</t></si>'.repeat(1_500_001)}</sst>`)
    )
    expect(hostil.length).toBeLessThan(original.length + 200_000)
    expect(await rechazo(leerMatriz(hostil))).toMatch(
      /^entrada_invalida: El libro tiene 15\d{5} textos compartidos; el máximo es 1500000\. No se modificó nada\.$/
    )
    expect(abre).not.toHaveBeenCalled()
  })
})
