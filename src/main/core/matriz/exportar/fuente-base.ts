import JSZip from 'jszip'

// exceljs always writes Calibri 11 as the workbook's base font, and a column's width is counted
// in that font's digits: where Calibri is missing (LibreOffice on Linux falls back to a wider
// font) every column comes out about a third wider than in Excel, and fit-to-width shrinks the
// print to 7 pt. With Arial 10 as the base, the font every cell uses, the widths mean the same
// in Excel and in LibreOffice (Liberation Sans has Arial's metrics).
const BASE = '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>'

/** The workbook with Arial 10 as its base font instead of exceljs's Calibri 11. */
export async function conFuenteBase(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx)
  const estilos = zip.file('xl/styles.xml')
  if (!estilos) return xlsx
  const xml = await estilos.async('string')
  zip.file('xl/styles.xml', xml.replace(/<font>[\s\S]*?<\/font>/, BASE))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
