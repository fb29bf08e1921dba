import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { openTestApp, type TestApp } from '../../../helpers/db'

/**
 * The matrix keeps each acción with its responsables through the writer's own page breaks
 * (<rowBreaks>). Excel ignores manual breaks on a sheet set to fit to pages, so no matrix sheet
 * may carry fitToPage: it prints at 100 % with the writer's breaks, in Excel as in LibreOffice.
 */
let t: TestApp
beforeAll(async () => {
  t = await openTestApp()
})
afterAll(async () => {
  await t?.close()
})

/** The XML of the sheet named so, read from the file's bytes. */
async function hojaXml(data: Buffer, nombre: string): Promise<string> {
  const zip = await JSZip.loadAsync(data)
  const libro = await zip.file('xl/workbook.xml')!.async('string')
  const hoja = new RegExp(`<sheet [^>]*name="${nombre}"[^>]*r:id="(rId\\d+)"`).exec(libro)
  expect(hoja, nombre).not.toBeNull()
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string')
  const destino = new RegExp(`<Relationship [^>]*Id="${hoja![1]}"[^>]*Target="([^"]+)"`).exec(rels)
  const ruta = destino![1]!.replace(/^\/?(xl\/)?/, 'xl/')
  return zip.file(ruta)!.async('string')
}

describe.each(['carta', 'oficio', 'a4'] as const)('the matrix sheets on %s', (papel) => {
  it.each([false, true])(
    'prints at full size with the writer’s breaks, seguimiento %s',
    async (seg) => {
      const r = await exportarMatriz(t.app.db, { seguimiento: seg, papel, hoy: '2014-06-01' })
      const xml = await hojaXml(r.data, 'Matriz')
      const sheetPr = /<sheetPr[\s\S]*?(\/>|<\/sheetPr>)/.exec(xml)?.[0] ?? ''
      expect(sheetPr).not.toMatch(/fitToPage/)
      const setup = /<pageSetup [^>]*\/>/.exec(xml)![0]
      expect(setup).not.toMatch(/fitToWidth|fitToHeight/)
      expect(setup).toMatch(/orientation="landscape"/)
      expect(setup).not.toMatch(/scale="(?!100")/)
      const saltos = /<rowBreaks count="(\d+)"/.exec(xml)
      expect(saltos, 'rowBreaks').not.toBeNull()
      expect(Number(saltos![1])).toBeGreaterThan(0)
    }
  )
})
