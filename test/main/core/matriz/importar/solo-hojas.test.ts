import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../../src/main/core/matriz/exportar/exportar'
import { leerMatriz } from '../../../../../src/main/core/matriz/importar/leer'
import { soloHojasDelPlan } from '../../../../../src/main/core/matriz/importar/solo-hojas'
import { openTestApp, type TestApp } from '../../../../helpers/db'

/**
 * Importing reads the plan from the Matriz and Glosario sheets only: the tracking workbook's
 * other sheets (a row per session, attendee, acuerdo) are neither unpacked, counted against the
 * limits nor parsed. Real workbooks exported here, with sheets added the way Excel writes them.
 */
let t: TestApp
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(() => t.close())

const hojasDe = async (xlsx: Buffer) => {
  const z = await JSZip.loadAsync(xlsx)
  const libro = await z.file('xl/workbook.xml')!.async('string')
  return {
    nombres: [...libro.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]),
    partes: Object.keys(z.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
  }
}

/** The workbook with one more sheet, `xml` as its content, after the others. */
async function conHoja(xlsx: Buffer, nombre: string, xml: string): Promise<Buffer> {
  const z = await JSZip.loadAsync(xlsx)
  const editar = async (parte: string, f: (s: string) => string) =>
    z.file(parte, f(await z.file(parte)!.async('string')))
  await editar('xl/workbook.xml', (s) =>
    s.replace('</sheets>', `<sheet name="${nombre}" sheetId="99" r:id="rIdExtra"/></sheets>`)
  )
  await editar('xl/_rels/workbook.xml.rels', (s) =>
    s.replace(
      '</Relationships>',
      '<Relationship Id="rIdExtra" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/extra.xml"/></Relationships>'
    )
  )
  await editar('[Content_Types].xml', (s) =>
    s.replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/extra.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    )
  )
  z.file('xl/worksheets/extra.xml', xml)
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

const HOJA = (filas: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${filas}</sheetData></worksheet>`

describe('soloHojasDelPlan', () => {
  it('keeps the Matriz and Glosario of a tracking workbook, and reads the same plan from them', async () => {
    const { data } = await exportarMatriz(t.app.db, { seguimiento: true, papel: 'carta' })
    const entero = await hojasDe(data)
    expect(entero.nombres.length).toBeGreaterThan(2)
    const reducido = await soloHojasDelPlan(data)
    expect((await hojasDe(reducido)).nombres).toEqual(['Matriz', 'Glosario'])
    expect((await hojasDe(reducido)).partes).toHaveLength(2)
    const leida = await leerMatriz(data)
    expect(leida.hoja).toBe('Matriz')
    expect(leida.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))).toHaveLength(25)
    expect(leida.glosario.length).toBeGreaterThan(0)
  })

  it('imports a workbook whose other sheets are past the limits (the ×10 tracking workbook was refused for its 1.6 million cells), or not even XML', async () => {
    const { data } = await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })
    const esperada = await leerMatriz(data)
    const lejos = await conHoja(data, 'Acuerdos', HOJA('<row r="400000"><c r="A400000"/></row>'))
    expect(await leerMatriz(lejos)).toEqual(esperada)
    const rota = await conHoja(data, 'Sesiones', '<worksheet><sheetData><row>')
    expect(await leerMatriz(rota)).toEqual(esperada)
  })

  it('reads every sheet of a workbook without a Matriz sheet: there the limits still count them all', async () => {
    const { data } = await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })
    const z = await JSZip.loadAsync(data)
    const libro = await z.file('xl/workbook.xml')!.async('string')
    z.file('xl/workbook.xml', libro.replace('name="Matriz"', 'name="Plan 2025"'))
    const renombrado = await z.generateAsync({ type: 'nodebuffer' })
    expect(await soloHojasDelPlan(renombrado)).toBe(renombrado)
    expect((await leerMatriz(renombrado)).hoja).toBe('Plan 2025')
    const lejos = await conHoja(
      renombrado,
      'Acuerdos',
      HOJA('<row r="400000"><c r="A400000"/></row>')
    )
    await expect(leerMatriz(lejos)).rejects.toThrow(/usa la fila 400000; el máximo es 300000/)
  })
})
