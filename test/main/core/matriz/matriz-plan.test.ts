import fs from 'node:fs'
import path from 'node:path'
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RESULTS } from '../../../helpers/browser'
import type { TestApp } from '../../../helpers/db'
import { libreOfficeConvert, primeraPaginaPng } from '../../../helpers/office'
import { texto as text } from './fixture'
import {
  abrirConCarpeta,
  cerrar,
  exportar,
  opciones,
  sheetText,
  type Carpeta
} from './libro-exportado'

/**
 * The plan's matrix exported from a real app mirrors the source workbook: title, headers, one row
 * per acción, merged eje/objetivo/responsables cells, rich-text metas, styles and print setup, the
 * glossary on its own sheet; and LibreOffice opens it (PDF, CSV, and a picture for the README).
 */
let t: TestApp, dir: Carpeta
beforeAll(async () => ({ t, dir } = await abrirConCarpeta()))
afterAll(() => cerrar(t, dir))

describe('Matriz del plan', () => {
  let wb: ExcelJS.Workbook
  let file: string
  beforeAll(
    async () =>
      ({ wb, file } = await exportar(t, opciones({ papel: 'oficio' }), dir.dir, 'matriz.xlsx'))
  )

  it('mirrors the source: title, headers, one row per acción with its code and text', () => {
    const ws = wb.getWorksheet('Matriz')!
    expect(text(ws.getCell('A1'))).toBe('PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS')
    expect([1, 2, 3, 4, 5].map((c) => text(ws.getCell(2, c)))).toEqual([
      'Ejes Estratégicos',
      'Objetivos',
      'Acciones',
      'Metas e Indicadores',
      'Instituciones Responsables'
    ])
    const codigos = []
    for (let r = 3; r < 28; r++) codigos.push(text(ws.getCell(r, 3)).split(' ')[0])
    expect(codigos).toHaveLength(25)
    expect(codigos[0]).toBe('1.1.a.')
    expect(codigos[24]).toBe('4.2.d.')
    expect(text(ws.getCell('C3'))).toBe(
      '1.1.a. Generar e implementar un plan nacional de capacitación de funcionarios públicos para la detección de casos de trata de personas y fomentar y reforzar los planes sectoriales existentes.'
    )
    expect(text(ws.getCell('A3'))).toBe('1. PREVENCIÓN Y SENSIBILIZACIÓN')
    expect(text(ws.getCell('B3'))).toBe(
      '1.1. Fortalecer de manera transversal las capacidades de respuesta estatal para prevenir la trata de personas.'
    )
  })

  it('merges eje and objetivo cells over their acciones, responsables only for Mesa RAV', () => {
    const merges = (wb.getWorksheet('Matriz')!.model as { merges: string[] }).merges
    expect(merges).toEqual(expect.arrayContaining(['A1:E1', 'E18:E20']))
    // Objetivo 1.1 (rows 3-7) fits on the first page; others may be cut at a page break.
    expect(merges).toContain('B3:B7')
    // 3.2.a, 3.3.a and 3.4.a share "Mesa RAV" (rows 18-20), as in the source; every other row
    // has its own responsables.
    expect(merges.filter((m) => m.startsWith('E'))).toEqual(['E18:E20'])
    expect(text(wb.getWorksheet('Matriz')!.getCell('E18'))).toBe('Mesa RAV')
  })

  it('writes metas and indicadores as rich text with bold labels and bullets', () => {
    const v = wb.getWorksheet('Matriz')!.getCell('D3').value as ExcelJS.CellRichTextValue
    const bold = v.richText.filter((r) => r.font?.bold).map((r) => r.text)
    expect(bold).toEqual(['Meta:', 'Indicadores:'])
    expect(v.richText.map((r) => r.text).join('')).toBe(
      'Meta: Al primer semestre de 2014 se contará con un plan de capacitación en prevención al que se le habrán integrado las acciones de capacitación en curso, y cuya ejecución se habrá completado al 31 de diciembre de 2014.\nIndicadores:\n• Documento validado en su propuesta de contenido, en su metodología, y en los servicios priorizados.\n• Número de servicios donde se han desarrollado acciones de capacitación.\n• Número de funcionarios y funcionarias capacitados.'
    )
    const multi = wb.getWorksheet('Matriz')!.getCell('D25').value as ExcelJS.CellRichTextValue // 4.2.b
    expect(multi.richText.filter((r) => r.font?.bold).map((r) => r.text)).toEqual([
      'Meta 1:',
      'Meta 2:',
      'Indicador:'
    ])
  })

  it('sets styles, explicit row heights, frozen header, print setup and properties', () => {
    const ws = wb.getWorksheet('Matriz')!
    expect(ws.getCell('C3').alignment).toMatchObject({ wrapText: true, vertical: 'top' })
    expect(ws.getCell('C3').border?.top?.style).toBe('thin')
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9E2F3')
    expect(ws.getCell('A2').font?.bold).toBe(true)
    for (let r = 3; r < 28; r++) expect(ws.getRow(r).height, `row ${r}`).toBeGreaterThan(20)
    expect(ws.getColumn(4).width).toBe(47)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      // At 100 %: fit-to-pages would make Excel drop the writer's page breaks (saltos.test.ts).
      fitToPage: false,
      scale: 100,
      paperSize: 14,
      printTitlesRow: '1:2'
    })
    expect(wb.creator).toBe('Secretaría MITP')
    expect(wb.title).toBe('Plan de Acción contra la Trata de Personas 2013-2014')
  })

  it('puts the glossary of 18 institutions on its own sheet', () => {
    const rows = sheetText(wb.getWorksheet('Glosario')!)
    expect(rows[0]![0]).toBe('Glosario de términos:')
    const gl = rows.slice(1).filter((r) => r[0])
    expect(gl).toHaveLength(18)
    expect(gl[7]!.slice(0, 2)).toEqual(['SERNAM', 'Servicio Nacional de la Mujer'])
    expect(sheetText(wb.getWorksheet('Matriz')!).flat()).not.toContain('Glosario de términos:')
  })

  it('opens in LibreOffice: PDF without error, CSV with all 25 acciones, and a picture for the README', () => {
    const csv = fs.readFileSync(
      libreOfficeConvert(file, 'csv:Text - txt - csv (StarCalc):44,34,76'),
      'utf8'
    )
    // "2.1.a Sistematizar…": the source has no dot after some codes.
    const codigos = [...csv.matchAll(/(\d\.\d\.[a-e])\.? /g)].map((m) => m[1])
    expect(new Set(codigos).size).toBe(25)
    const pdf = libreOfficeConvert(file, 'pdf')
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    fs.mkdirSync(RESULTS, { recursive: true })
    primeraPaginaPng(pdf, path.join(RESULTS, 'matriz'), 70)
    expect(fs.statSync(path.join(RESULTS, 'matriz.png')).size).toBeGreaterThan(10_000)
  })
})
