import type ExcelJS from 'exceljs'
import { GLOSARIO, HOJA_GLOSARIO } from '../disposicion'
import { ponerTexto } from '../texto-celda'
import type { MatrizDatos, MatrizOpciones } from './datos'
import { papel } from './formato'
import { altoLineas, lineasEn, pie, type Disposicion } from './medida'

const ANCHOS_GLOSARIO = [16, 70]

/**
 * The glossary of institutions on a sheet of its own: it prints on its own page with its title
 * above its entries, not under the matrix's repeated header.
 */
export function hojaGlosario(
  wb: ExcelJS.Workbook,
  o: MatrizOpciones,
  items: MatrizDatos['glosario'],
  disp: Disposicion
): void {
  const ws = wb.addWorksheet(HOJA_GLOSARIO, {
    pageSetup: {
      orientation: 'portrait',
      paperSize: papel(o.papel),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }
    },
    headerFooter: { oddFooter: pie(disp.fuente) }
  })
  ws.columns = ANCHOS_GLOSARIO.map((width) => ({ width }))
  const g = ws.getCell(1, 1)
  g.value = GLOSARIO
  g.font = { name: 'Arial', size: disp.fuente + 2, bold: true }
  ws.getRow(1).height = altoLineas(1, disp.fuente + 2)
  items.forEach((item, i) => {
    const row = ws.getRow(i + 2)
    ponerTexto(row.getCell(1), item.sigla, 'Una sigla del glosario')
    row.getCell(1).font = { name: 'Arial', size: disp.fuente, bold: true }
    ponerTexto(row.getCell(2), item.nombre, `El nombre de ${item.sigla}`)
    row.getCell(2).font = { name: 'Arial', size: disp.fuente }
    row.getCell(1).alignment = { vertical: 'top' }
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
    row.height = altoLineas(lineasEn(item.nombre, ANCHOS_GLOSARIO[1]!, disp.fuente), disp.fuente)
  })
}
