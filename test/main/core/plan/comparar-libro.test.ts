import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { libroComparacion } from '../../../../src/main/core/plan/comparar-libro'
import type { CambioAccion, ComparacionPeriodos } from '../../../../src/shared/domain/periodos'
import type { PlanResumen } from '../../../../src/shared/domain/plan'

// The "Comparar períodos" workbook read back with exceljs: title and summary, one row per
// changed acción with its Spanish labels, the word diff as coloured rich text, plazos in dd-mm-yyyy,
// cell styles, row heights that fit the wrapped text, and a landscape page one page wide. User
// text (plan names, acción texts, meta names) that begins like a formula is a string cell with
// the Text format, never a formula; a control character is refused in Spanish (a spreadsheet
// would drop it).

const plan = (id: string, nombre: string, desde: string): PlanResumen => ({
  id,
  nombre,
  periodoDesde: desde,
  periodoHasta: desde,
  cerradoAt: null
})

const cambio = (c: Partial<CambioAccion> & Pick<CambioAccion, 'codigo'>): CambioAccion => ({
  accionId: c.codigo,
  tipo: 'modificada',
  antes: 'Texto',
  despues: 'Texto',
  texto: [{ tipo: 'igual', texto: 'Texto' }],
  plazos: [],
  otros: [],
  ...c
})

const comparacion = (cambios: CambioAccion[]): ComparacionPeriodos => ({
  anterior: plan('a', 'Plan 2013-2014', '2013-01-01'),
  posterior: plan('b', 'Plan 2015-2018', '2015-01-01'),
  cambios,
  sinCambios: 7
})

const CAMBIOS: CambioAccion[] = [
  cambio({
    codigo: '1.1.a',
    antes: 'Difundir la campaña',
    despues: 'Difundir la nueva campaña regional',
    texto: [
      { tipo: 'igual', texto: 'Difundir la' },
      { tipo: 'quitado', texto: 'campaña' },
      { tipo: 'agregado', texto: 'nueva campaña regional' }
    ],
    plazos: [
      { meta: 'Meta 1', antes: '2014-06-30', despues: '2016-06-30' },
      { meta: 'Meta 2', antes: null, despues: '2017-01-15' },
      { meta: 'Meta 3', antes: '2014-12-31', despues: null }
    ],
    otros: ['responsables', 'indicadores']
  }),
  cambio({
    codigo: '1.1.b',
    tipo: 'eliminada',
    antes: 'Quitar esto',
    despues: null,
    texto: [{ tipo: 'quitado', texto: 'Quitar esto' }]
  }),
  cambio({
    codigo: '1.1.z',
    tipo: 'agregada',
    antes: null,
    despues: 'Agregar esto',
    texto: [{ tipo: 'agregado', texto: 'Agregar esto' }]
  }),
  // 120 characters in a column 48 wide (55 a line): three lines.
  cambio({ codigo: '2.1.a', antes: 'x'.repeat(120) }),
  // The diff alone is long: 50 + 1 + 5 characters, two lines (one without the space).
  cambio({
    codigo: '2.1.b',
    antes: '',
    despues: '',
    texto: [
      { tipo: 'quitado', texto: 'q'.repeat(50) },
      { tipo: 'agregado', texto: 'a'.repeat(5) }
    ]
  })
]

async function leer(c: ComparacionPeriodos) {
  const doc = await libroComparacion(c)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(doc.data as unknown as ArrayBuffer)
  return { doc, wb, ws: wb.getWorksheet('Comparación')! }
}

const arial = { name: 'Arial', size: 10 }

describe('period comparison workbook, read back', () => {
  it('names the file by the periods’ years, titles the sheet and counts the changes', async () => {
    const { doc, wb, ws } = await leer(comparacion(CAMBIOS))
    expect(doc).toMatchObject({
      nombre: 'comparacion-periodos-2013-2015.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    })
    expect(wb.creator).toBe('Secretaría MITP')
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Comparación'])
    expect(ws.getCell('A1').value).toBe('Plan 2013-2014 → Plan 2015-2018')
    expect(ws.getCell('A1').font).toEqual({ name: 'Arial', size: 12, bold: true })
    expect(ws.getCell('A2').value).toBe('5 acciones con cambios; 7 sin cambios.')
    expect(ws.getCell('A2').font).toEqual(arial)
    expect(ws.getRow(4).getCell(1).font).toMatchObject({ bold: true })
    expect(ws.rowCount).toBe(4 + CAMBIOS.length)
  })

  it('prints landscape, one page wide, with the header rows frozen and set column widths', async () => {
    const { ws } = await leer(comparacion(CAMBIOS))
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0
    })
    expect(ws.views).toMatchObject([{ state: 'frozen', ySplit: 4 }])
    expect([1, 2, 3, 4, 5, 6, 7].map((i) => ws.getColumn(i).width)).toEqual([
      10, 12, 48, 48, 48, 40, 20
    ])
  })

  it('writes one row per change: code, Spanish label, texts, moved plazos, other changes', async () => {
    const { ws } = await leer(comparacion(CAMBIOS))
    const valores = (r: number) =>
      [1, 2, 3, 4, 6, 7].map((j) => ws.getRow(r).getCell(j).value ?? null)
    expect(valores(5)).toEqual([
      '1.1.a',
      'Modificada',
      'Difundir la campaña',
      'Difundir la nueva campaña regional',
      'Meta 1: 30-06-2014 → 30-06-2016\nMeta 2: sin plazo → 15-01-2017\nMeta 3: 31-12-2014 → sin plazo',
      'responsables, indicadores'
    ])
    // The text a period lacks, and no plazos or other changes: empty strings.
    expect(valores(6)).toEqual(['1.1.b', 'Eliminada', 'Quitar esto', '', '', ''])
    expect(valores(7)).toEqual(['1.1.z', 'Agregada', '', 'Agregar esto', '', ''])
  })

  it('writes the word diff as rich text: removed words struck in red, added ones bold green', async () => {
    const { ws } = await leer(comparacion(CAMBIOS))
    const diff = ws.getCell('E5').value as ExcelJS.CellRichTextValue
    expect(diff.richText).toEqual([
      { text: 'Difundir la', font: arial },
      { text: ' campaña', font: { ...arial, strike: true, color: { argb: 'FFC00000' } } },
      {
        text: ' nueva campaña regional',
        font: { ...arial, bold: true, color: { argb: 'FF00703C' } }
      }
    ])
    // Text that does not look like a formula keeps the General format.
    for (const ref of ['A5', 'C5', 'E5', 'F5']) expect(ws.getCell(ref).numFmt, ref).toBeFalsy()
  })

  it('styles every cell of a change: wrapped, top-aligned, thin borders, Arial 10', async () => {
    const { ws } = await leer(comparacion(CAMBIOS))
    for (let r = 5; r <= 4 + CAMBIOS.length; r++)
      for (let j = 1; j <= 7; j++) {
        const cell = ws.getRow(r).getCell(j)
        const ref = cell.address
        expect(cell.alignment, ref).toEqual({ wrapText: true, vertical: 'top' })
        expect(cell.border, ref).toEqual({
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' }
        })
        expect(cell.font, ref).toEqual(arial)
      }
  })

  it('makes each row as tall as its most wrapped cell, the word diff included', async () => {
    const { ws } = await leer(comparacion(CAMBIOS))
    // 13 points a line and 6 more: the three plazos, one line, three lines of text, the diff.
    expect([5, 6, 7, 8, 9].map((r) => ws.getRow(r).height)).toEqual([45, 19, 19, 45, 32])
  })

  it('says which text a control character is in, in Spanish', async () => {
    const conControl = (c: Partial<CambioAccion>) =>
      libroComparacion(comparacion([cambio({ codigo: '3.2.c', ...c })]))
    await expect(conControl({ despues: 'a\u0007' })).rejects.toThrow(
      /^El texto de la acción 3\.2\.c contiene caracteres de control/
    )
    // Only in the diff (its texts are checked too).
    await expect(conControl({ texto: [{ tipo: 'agregado', texto: 'b\u0001' }] })).rejects.toThrow(
      /^El texto de la acción 3\.2\.c contiene caracteres de control/
    )
    const c = comparacion([])
    c.posterior.nombre = 'Plan\u0002'
    await expect(libroComparacion(c)).rejects.toThrow(
      /^El nombre del período contiene caracteres de control/
    )
  })

  it('measures the diff with its spaces against the size of a cell', async () => {
    const partes = (n: number) =>
      comparacion([
        cambio({
          codigo: '4.1.a',
          texto: [
            { tipo: 'quitado', texto: 'q'.repeat(n) },
            { tipo: 'agregado', texto: 'a'.repeat(32_767 - n) }
          ]
        })
      ])
    // 32 767 characters and the space between the two runs: one more than a cell holds.
    await expect(libroComparacion(partes(16_000))).rejects.toThrow(
      /^El texto de la acción 4\.1\.a supera los 32767 caracteres/
    )
    const ok = await leer(
      comparacion([
        cambio({
          codigo: '4.1.a',
          texto: [
            { tipo: 'quitado', texto: 'q'.repeat(16_000) },
            { tipo: 'agregado', texto: 'a'.repeat(16_766) }
          ]
        })
      ])
    )
    const diff = ok.ws.getCell('E5').value as ExcelJS.CellRichTextValue
    expect(diff.richText.map((r) => r.text).join('')).toHaveLength(32_767)
  })

  it('writes text that looks like a formula as text, with the Text format', async () => {
    const c = comparacion([
      cambio({
        codigo: '1.1.a',
        antes: '+cmd|calc',
        despues: '-2+3',
        texto: [{ tipo: 'quitado', texto: '@SUM(1,1)' }],
        plazos: [{ meta: '+Meta', antes: null, despues: '2016-06-30' }],
        otros: ['=1+1']
      })
    ])
    c.anterior.nombre = '=HYPERLINK("http://x","plan")'
    c.posterior.nombre = 'Plan 2015'
    const { ws } = await leer(c)
    for (const ref of ['A1', 'C5', 'D5', 'F5', 'G5']) {
      const cell = ws.getCell(ref)
      expect(cell.type, ref).toBe(ExcelJS.ValueType.String)
      expect(cell.formula, ref).toBeUndefined()
      expect(cell.numFmt, ref).toBe('@')
    }
    expect(ws.getCell('A1').value).toBe('=HYPERLINK("http://x","plan") → Plan 2015')
    expect(ws.getCell('C5').value).toBe('+cmd|calc')
    expect(ws.getCell('E5').numFmt).toBe('@')
  })
})
