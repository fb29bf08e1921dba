import fs from 'node:fs'
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { libreOfficeConvert } from '../../../helpers/office'
import { texto as text } from './fixture'
import { abrirConCarpeta, cerrar, exportar, opciones, type Carpeta } from './libro-exportado'

/**
 * The matrix with follow-up, exported from the demo: typed progress columns coloured by estado
 * through conditional formats, and the Sesiones, Asistencia, Acuerdos and Indicadores sheets with
 * title, autofilter, frozen headers and formulas; LibreOffice opens it.
 */
let demo: TestApp, dir: Carpeta
beforeAll(async () => ({ t: demo, dir } = await abrirConCarpeta(true)))
afterAll(() => cerrar(demo, dir))

describe('Matriz con seguimiento', () => {
  let wb: ExcelJS.Workbook
  let file: string
  beforeAll(
    async () =>
      ({ wb, file } = await exportar(
        demo,
        opciones({ seguimiento: true }),
        dir.dir,
        'seguimiento.xlsx'
      ))
  )

  it('adds typed progress columns, coloured by estado through conditional formats', () => {
    const ws = wb.getWorksheet('Matriz')!
    expect([6, 7, 8, 9, 10].map((c) => text(ws.getCell(2, c)))).toEqual([
      'Estado',
      '% de avance',
      'Último reporte',
      'Sesión del reporte',
      'Acuerdos pendientes'
    ])
    const pct = ws.getCell('G3')
    expect(typeof pct.value).toBe('number')
    expect(pct.numFmt).toBe('0%')
    expect(ws.getCell('H3').value).toBeInstanceOf(Date)
    expect(ws.getCell('H3').numFmt).toBe('dd-mm-yyyy')
    expect(['En curso', 'Cumplida', 'Atrasada', 'No iniciada']).toContain(text(ws.getCell('F3')))
    // The colour is a rule on the estado, so it follows an edit; no fixed fill.
    expect((ws.getCell('F3').fill as ExcelJS.FillPattern | undefined)?.pattern).not.toBe('solid')
    const reglas = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[]
      }
    ).conditionalFormattings
    expect(reglas.flatMap((c) => c.rules.flatMap((r) => r.formulae))).toContain('$F3="Cumplida"')
  })

  it('adds Sesiones, Asistencia, Acuerdos and Indicadores with a title, autofilter, frozen headers and formulas', () => {
    for (const name of ['Sesiones', 'Asistencia', 'Acuerdos', 'Indicadores']) {
      const ws = wb.getWorksheet(name)!
      expect(ws, name).toBeDefined()
      expect(ws.autoFilter, name).toBeTruthy()
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 2 })
      expect(ws.getCell('A2').value, name).toBe('Instancia')
      expect(ws.rowCount, name).toBeGreaterThan(3)
    }
    expect(wb.getWorksheet('Sesiones')!.getCell('C3').value).toBeInstanceOf(Date)
    const ind = wb.getWorksheet('Indicadores')!
    let formulas = 0
    ind.eachRow((row, r) => {
      const v = row.getCell(12).value
      if (r > 2 && v && typeof v === 'object' && 'formula' in v) {
        formulas++
        expect(v.formula).toBe(`J${r}/K${r}`)
        expect(row.getCell(12).numFmt).toBe('0.0%')
      }
    })
    expect(formulas).toBeGreaterThan(0)
  })

  it('opens in LibreOffice', () => {
    expect(fs.readFileSync(libreOfficeConvert(file, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
