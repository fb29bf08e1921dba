import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { escribirMatriz } from '../../../../src/main/core/matriz/exportar/libro'
import { leerMatriz } from '../../../../src/main/core/matriz/importar/leer'
import { LIMITES_LIBRO } from '../../../../src/main/core/matriz/importar/zip'
import { datos } from './fixture'

/**
 * Workbooks made to hurt: parts that unpack to far more than the file weighs, sheets with too
 * many rows, formulas with no value, bytes that are not UTF-8. Each is refused, with where, and
 * before the workbook is built in memory.
 */
const buenLibro = (): Promise<Buffer> =>
  escribirMatriz(datos(false), { seguimiento: false, papel: 'carta' })

async function conZip(cambiar: (z: JSZip) => Promise<void> | void): Promise<Buffer> {
  const z = await JSZip.loadAsync(await buenLibro())
  await cambiar(z)
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

const rechazo = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'aceptado',
    (e: unknown) => String(e)
  )

/** Sets the uncompressed size every central-directory entry claims (as a bomb would lie). */
function mentirTamanos(zip: Buffer, tamano: number): Buffer {
  const b = Buffer.from(zip)
  for (
    let i = b.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    i >= 0;
    i = b.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), i + 4)
  )
    b.writeUInt32LE(tamano, i + 24)
  return b
}

const LIMITES = { ...LIMITES_LIBRO }
afterEach(() => void Object.assign(LIMITES_LIBRO, LIMITES))

describe('a workbook bomb', () => {
  it('a part that unpacks past the limit is refused, whatever size the zip claims', async () => {
    Object.assign(LIMITES_LIBRO, { parte: 16 * 1024 * 1024 })
    const bomba = await conZip(
      (z) => void z.file('xl/media/relleno.bin', Buffer.alloc(LIMITES_LIBRO.parte + 1))
    )
    expect(bomba.length).toBeLessThan(1024 * 1024)
    for (const libro of [bomba, mentirTamanos(bomba, 100)]) {
      const antes = process.memoryUsage().rss
      expect(await rechazo(leerMatriz(libro))).toMatch(
        /El libro es demasiado grande al descomprimirlo: «xl\/media\/relleno.bin» pasa de 16 MB.*No se modificó nada/
      )
      expect(process.memoryUsage().rss - antes).toBeLessThan(200 * 1024 * 1024)
    }
  })

  it('all parts together past the total limit are refused', async () => {
    const mitad = Buffer.alloc(LIMITES_LIBRO.parte / 8)
    Object.assign(LIMITES_LIBRO, { total: (LIMITES_LIBRO.parte / 8) * 1.5 })
    const bomba = await conZip((z) => {
      z.file('xl/media/a.bin', mitad)
      z.file('xl/media/b.bin', mitad)
    })
    expect(await rechazo(leerMatriz(bomba))).toMatch(
      /El libro es demasiado grande al descomprimirlo: «xl\/media\/b.bin»/
    )
  })

  it('a sheet with more rows than the limit is refused before it is parsed, in a moment', async () => {
    Object.assign(LIMITES_LIBRO, { filas: 5000 })
    const n = LIMITES_LIBRO.filas + 1
    const filas: string[] = []
    for (let r = 1; r <= n; r++) filas.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`)
    const bomba = await conZip(async (z) => {
      const hoja = await z.file('xl/worksheets/sheet1.xml')!.async('string')
      z.file(
        'xl/worksheets/sheet1.xml',
        hoja.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${filas.join('')}</sheetData>`)
      )
    })
    const t0 = Date.now()
    // The sheet's own rows and the few the layout adds elsewhere.
    expect(await rechazo(leerMatriz(bomba))).toMatch(
      /^AppError: El libro tiene 500\d filas; el máximo es 5000\. No se modificó nada\.$/
    )
    expect(Date.now() - t0).toBeLessThan(5000)
  }, 30_000)

  it('an ordinary workbook still reads', async () => {
    expect((await leerMatriz(await buenLibro())).ejes).toHaveLength(2)
  })
})

describe('cells the import would have changed silently', () => {
  it('a formula without a cached value is refused with its address', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await buenLibro()) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Matriz')!
    let fila = 0
    ws.eachRow((row, r) => {
      if (!fila && String(row.getCell(3).value ?? '').startsWith('1.1.b')) fila = r
    })
    ws.getCell(fila, 5).value = { formula: 'CONCATENATE("PD","I")' } as ExcelJS.CellFormulaValue
    const libro = Buffer.from(await wb.xlsx.writeBuffer())
    expect(await rechazo(leerMatriz(libro))).toBe(
      `AppError: Hoja «Matriz», celda E${fila}: es una fórmula sin un valor calculado; ábrala en Excel o LibreOffice, guarde el libro (eso calcula las fórmulas) y vuelva a importarlo, o escriba el texto en lugar de la fórmula. No se modificó nada.`
    )
    // With its value (as a spreadsheet saves it), the formula's text is read.
    ws.getCell(fila, 5).value = {
      formula: 'CONCATENATE("PD","I")',
      result: 'PDI'
    } as ExcelJS.CellFormulaValue
    const leida = await leerMatriz(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(leida.ejes[0]!.objetivos[0]!.acciones[1]!.responsables).toBe('PDI')
  })

  it('bytes that are not UTF-8 are refused with the address of their cell', async () => {
    const libro = await conZip(async (z) => {
      const ss = await z.file('xl/sharedStrings.xml')!.async('nodebuffer')
      const i = ss.indexOf('MININT')
      expect(i).toBeGreaterThan(0)
      ss[i + 2] = 0xff
      z.file('xl/sharedStrings.xml', ss)
    })
    expect(await rechazo(leerMatriz(libro))).toMatch(
      /^AppError: Hoja «Matriz», celda E\d+: el texto tiene bytes que no son UTF-8 válido/
    )
  })
})
