import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { escribirMatriz, type Progreso } from '../../../../src/main/core/matriz/exportar/libro'
import { escribirSeguimiento } from '../../../../src/main/core/matriz/exportar/seguimiento-libro'
import { metasEIndicadores } from '../../../../src/main/core/matriz/exportar/hoja-matriz'
import { MAX_CELDA, textoExportable } from '../../../../src/main/core/matriz/texto-celda'
import type { MatrizDatos, MatrizOpciones } from '../../../../src/main/core/matriz/exportar/datos'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { disposicionSeguimiento } from '../../../../src/main/core/matriz/exportar/medida'
import { accion, datos, fill, leer, texto } from './fixture'

// The matrix writer on a hand-made plan, read back from the XLSX bytes with exceljs.
const o = (p: Partial<MatrizOpciones> = {}): MatrizOpciones => ({
  seguimiento: false,
  papel: 'carta',
  ...p
})
const runs = (r: ExcelJS.RichText[]): [string, boolean][] =>
  r.map((x) => [x.text, x.font?.bold === true])

describe('metasEIndicadores', () => {
  it('labels one meta "Meta:", several "Meta N:", and bullets the indicadores', () => {
    expect(runs(metasEIndicadores(accion('1', 't', '', ['A'], ['x', 'y'])))).toEqual([
      ['Meta:', true],
      [' A', false],
      ['\n', false],
      ['Indicadores:', true],
      ['\n• x', false],
      ['\n• y', false]
    ])
    expect(runs(metasEIndicadores(accion('1', 't', '', ['A', 'B'], ['x'])))).toEqual([
      ['Meta 1:', true],
      [' A', false],
      ['\n', false],
      ['Meta 2:', true],
      [' B', false],
      ['\n', false],
      ['Indicador:', true],
      ['\n• x', false]
    ])
    expect(runs(metasEIndicadores(accion('1', 't', '', [], ['x'])))).toEqual([
      ['Indicador:', true],
      ['\n• x', false]
    ])
    expect(runs(metasEIndicadores(accion('1', 't', '', ['A'], [])))).toEqual([
      ['Meta:', true],
      [' A', false]
    ])
    expect(metasEIndicadores(accion('1', 't', '', [], []))).toEqual([])
    const font = metasEIndicadores(accion('1', 't', '', ['A'], []))[1]!.font
    expect(font).toEqual({ name: 'Arial', size: 10 })
  })
})

describe('the Matriz sheet', () => {
  it('writes one row per acción, merges eje and objetivo cells, repeats the responsables', async () => {
    const wb = await leer(await escribirMatriz(datos(false), o({ papel: 'a4' })))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Matriz', 'Glosario'])
    const ws = wb.getWorksheet('Matriz')!
    expect([3, 4, 5, 6].map((r) => texto(ws.getCell(r, 3)))).toEqual([
      '1.1.a. Capacitar',
      '1.1.b. Difundir',
      '1.2.a. Sola',
      '2.1.a. Sin metas'
    ])
    expect(texto(ws.getCell('A3'))).toBe('1. PREVENCIÓN')
    expect(texto(ws.getCell('A6'))).toBe('2. CONTROL')
    expect(texto(ws.getCell('B5'))).toMatch(/^1\.2\. palabra/)
    // 1.1.a and 1.1.b share an objetivo: each row has its responsables, as the source does.
    expect([3, 4, 5, 6].map((r) => texto(ws.getCell(r, 5)))).toEqual([
      'SERNAM\nPDI',
      'SERNAM\nPDI',
      'MININT',
      'MININT'
    ])
    expect(texto(ws.getCell('D6'))).toBe('')
    const merges = [...(ws.model as { merges: string[] }).merges].sort()
    expect(merges).toEqual(['A1:E1', 'A3:A5', 'B3:B4'])
    expect(ws.rowCount).toBe(6)
  })

  it('puts the glossary on a sheet of its own, under its title', async () => {
    const wb = await leer(await escribirMatriz(datos(false), o()))
    const ws = wb.getWorksheet('Glosario')!
    expect(texto(ws.getCell('A1'))).toBe('Glosario de términos:')
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Arial', size: 11, bold: true })
    expect([2, 3].map((r) => [texto(ws.getCell(r, 1)), texto(ws.getCell(r, 2))])).toEqual([
      ['PDI', 'Policía de Investigaciones'],
      ['SERNAM', 'Servicio Nacional de la Mujer']
    ])
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Arial', size: 9, bold: true })
    expect(ws.getCell('B2').font?.bold).toBeFalsy()
    expect(ws.rowCount).toBe(3)
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 1, fitToWidth: 1 })
    expect(ws.pageSetup.printTitlesRow).toBeUndefined()
    expect(ws.headerFooter.oddFooter).toContain('Página &P de &N')
  })

  it('sizes rows to their text at the paper’s font, growing a row a merged cell needs', async () => {
    const ws = (await leer(await escribirMatriz(datos(false), o()))).getWorksheet('Matriz')!
    // At carta's 9 pt a line is 10.8 pt and a cell 5 pt of padding: the header wraps
    // "Instituciones Responsables" to 2 lines; 4 lines of metas, 4 lines, 1 line grown to the
    // 14 lines of the long objetivo (3 words a line), 1 line.
    expect([1, 2, 3, 4, 5, 6].map((r) => ws.getRow(r).height)).toEqual([26, 27, 49, 49, 157, 16])
    expect(ws.columns.map((c) => c.width)).toEqual([20, 23, 31, 37, 19])
  })

  it('styles the title, headers and cells, and sets up printing on the chosen paper', async () => {
    // Columns that fit each landscape page at 100 %, so the body prints at its own size.
    for (const [papel, codigo, anchos, puntos] of [
      ['carta', 1, [20, 23, 31, 37, 19], 9],
      ['oficio', 14, [22, 28, 37, 47, 21], 10],
      ['a4', 9, [20, 25, 33, 40, 20], 9]
    ] as const) {
      const ws = (await leer(await escribirMatriz(datos(false), o({ papel })))).getWorksheet(
        'Matriz'
      )!
      expect(ws.pageSetup.paperSize, papel).toBe(codigo)
      expect(
        ws.columns.map((c) => c.width),
        papel
      ).toEqual(anchos)
      expect(ws.getCell('E3').font?.size, papel).toBe(puntos)
      expect((ws.getCell('D3').value as ExcelJS.CellRichTextValue).richText[0]!.font?.size).toBe(
        puntos
      )
    }
    const wb = await leer(await escribirMatriz(datos(false), o()))
    const ws = wb.getWorksheet('Matriz')!
    expect(texto(ws.getCell('A1'))).toBe('PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS')
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Arial', size: 14, bold: true })
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' })
    expect(ws.getCell('B2').alignment).toMatchObject({
      wrapText: true,
      vertical: 'middle',
      horizontal: 'center'
    })
    expect(ws.getCell('E2').border).toMatchObject({
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'thin' },
      right: { style: 'thin' }
    })
    expect(fill(ws.getCell('E2'))).toBe('FFD9E2F3')
    expect(ws.getCell('D3').alignment).toMatchObject({ wrapText: true, vertical: 'top' })
    expect(ws.getCell('D3').border?.right?.style).toBe('thin')
    expect(ws.getCell('C3').font).toMatchObject({ name: 'Arial', size: 9 })
    expect(ws.getCell('B2').font).toMatchObject({ name: 'Arial', size: 9, bold: true })
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      // At 100 %: fit-to-pages would make Excel drop the writer's page breaks (saltos.test.ts).
      fitToPage: false,
      scale: 100,
      printTitlesRow: '1:2',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 }
    })
    expect(ws.headerFooter.oddFooter).toBe(
      '&L&"Arial,Regular"&9Secretaría MITP&R&"Arial,Regular"&9Página &P de &N'
    )
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect([wb.creator, wb.title, wb.subject]).toEqual([
      'Secretaría MITP',
      'Plan X',
      'PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS'
    ])
  })
})

describe('the base font', () => {
  it('is Arial 10, so a column is as wide in LibreOffice as in Excel', async () => {
    const zip = await JSZip.loadAsync(await escribirMatriz(datos(false), o()))
    const estilos = await zip.file('xl/styles.xml')!.async('string')
    expect(/<font>[\s\S]*?<\/font>/.exec(estilos)![0]).toBe(
      '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>'
    )
    expect(estilos).not.toContain('Calibri')
  })
})

describe('the progress columns', () => {
  let t: TestApp | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })
  // The tracking workbook's writer (streamed), on the hand-made plan and an empty database.
  const seguimiento = async (
    d: MatrizDatos,
    progreso?: Progreso,
    signal?: AbortSignal
  ): Promise<Buffer> => {
    t ??= await openTestApp()
    return escribirSeguimiento(t.app.db, d, o({ seguimiento: true }), progreso, signal)
  }
  const reglas = (ws: ExcelJS.Worksheet) =>
    (
      ws as unknown as {
        conditionalFormattings: {
          ref: string
          rules: { formulae: string[]; style: { fill: ExcelJS.FillPattern } }[]
        }[]
      }
    ).conditionalFormattings.flatMap((c) =>
      c.rules.map((r) => [c.ref, r.formulae[0], r.style.fill.bgColor?.argb])
    )

  it('give estado, percentage, date, session and pending acuerdos, coloured by rules', async () => {
    const wb = await leer(await seguimiento(datos(true)))
    expect(wb.title).toBe('Plan X — con seguimiento')
    const ws = wb.getWorksheet('Matriz')!
    expect((ws.model as { merges: string[] }).merges).toContain('A1:J1')
    // Ten columns one page across at 8 pt: the tracking layout's widths.
    const seg = disposicionSeguimiento('carta')
    expect(ws.columns.map((c) => c.width)).toEqual([...seg.anchos, ...seg.seguimiento])
    expect([...seg.anchos, ...seg.seguimiento].reduce((a, b) => a + b)).toBeLessThanOrEqual(132)
    const fila = (r: number): unknown[] => [6, 7, 8, 9, 10].map((c) => ws.getCell(r, c).value)
    expect(fila(3)).toEqual([
      'Atrasada',
      0.4,
      new Date('2014-03-12T00:00:00Z'),
      'Sesión Ordinaria N° 1/2014',
      2
    ])
    expect(fila(4)).toEqual(['Cumplida', 1, null, null, 0])
    expect(fila(5)).toEqual(['En curso', null, null, null, 0])
    expect(fila(6)).toEqual(['Sin reporte', null, null, null, 1])
    expect([ws.getCell('G3').numFmt, ws.getCell('H3').numFmt]).toEqual(['0%', 'dd-mm-yyyy'])
    // No fixed fill (it would stay when the estado is edited): a rule per estado, over F:J.
    for (let r = 3; r <= 6; r++)
      for (let c = 6; c <= 10; c++) expect(fill(ws.getCell(r, c)), `${r},${c}`).toBeUndefined()
    expect(reglas(ws)).toEqual([
      ['F3:J6', '$F3="Cumplida"', 'FFE2EFDA'],
      ['F3:J6', '$F3="En curso"', 'FFFFF2CC'],
      ['F3:J6', '$F3="Atrasada"', 'FFF8CBAD'],
      ['F3:J6', '$F3="No iniciada"', 'FFE7E6E6']
    ])
    expect(ws.getCell('J6').border?.top?.style).toBe('thin')
    expect(ws.autoFilter).toBe('A2:J6')
    const nivel = datos(true)
    nivel.seguimiento!.get('a-2.1.a')!.estado = 'no_iniciada'
    const ws2 = (await leer(await seguimiento(nivel))).getWorksheet('Matriz')!
    expect(texto(ws2.getCell('F6'))).toBe('No iniciada')
  })

  it('reports progress per acción, then each sheet and the file; a cancelled export stops', async () => {
    const pasos: [number, string][] = []
    await seguimiento(datos(true), (f, d) => pasos.push([f, d]))
    expect(pasos).toEqual([
      [0.0625, 'Acción 1.1.a'],
      [0.125, 'Acción 1.1.b'],
      [0.1875, 'Acción 1.2.a'],
      [0.25, 'Acción 2.1.a'],
      [0.3, 'Sesiones'],
      [0.45, 'Asistencia'],
      [0.65, 'Acuerdos'],
      [0.8, 'Indicadores'],
      [0.95, 'Escribiendo el archivo']
    ])
    pasos.length = 0
    await escribirMatriz(datos(false), o(), (f, d) => pasos.push([f, d]))
    expect(pasos.map((p) => p[0])).toEqual([0.25, 0.5, 0.75, 1, 0.9])
    const ac = new AbortController()
    ac.abort()
    const r = escribirMatriz(datos(false), o(), () => {}, ac.signal)
    await expect(r).rejects.toMatchObject({ code: 'cancelado', message: 'Exportación cancelada.' })
    const tarde = new AbortController()
    const s = seguimiento(datos(true), (f) => f === 0.3 && tarde.abort(), tarde.signal)
    await expect(s).rejects.toMatchObject({ code: 'cancelado' })
  })
})

describe('text that a cell cannot hold', () => {
  it('is refused with where it is, not altered', async () => {
    expect(textoExportable('a\tb\nc', 'X')).toBe('a\tb\nc')
    expect(textoExportable('x'.repeat(MAX_CELDA), 'X')).toHaveLength(32_767)
    expect(() => textoExportable('x'.repeat(MAX_CELDA + 1), 'La acción 1')).toThrow(
      'La acción 1 supera los 32767 caracteres que admite una celda de Excel.'
    )
    expect(() => textoExportable('a\u0007', 'La acción 1')).toThrow(
      'La acción 1 contiene caracteres de control que Excel no guarda; corríjalo antes de exportar.'
    )
    const d = datos(false)
    d.glosario[0]!.nombre = 'Policía\u0001'
    await expect(escribirMatriz(d, o())).rejects.toMatchObject({
      code: 'entrada_invalida',
      message: expect.stringMatching(/^El nombre de PDI contiene/)
    })
    const e = datos(false)
    e.arbol.ejes[1]!.objetivos[0]!.acciones[0]!.responsables = 'MININT\u001F'
    await expect(escribirMatriz(e, o())).rejects.toThrow(/^Los responsables de la acción 2\.1\.a /)
    const m = datos(false)
    m.arbol.ejes[0]!.objetivos[0]!.acciones[0]!.metas[0]!.texto = '\u0000'
    await expect(escribirMatriz(m, o())).rejects.toThrow(/^Una meta de la acción 1\.1\.a /)
  })
})
