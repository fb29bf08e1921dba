import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { libroComparacion } from '../../../../src/main/core/plan/comparar-libro'
import type { ComparacionPeriodos } from '../../../../src/shared/domain/periodos'
import type { PlanResumen } from '../../../../src/shared/domain/plan'

// The period comparison writes user text (plan names, acción texts, meta names): text that
// begins like a formula is a string cell with the Text format, never a formula; a control
// character is refused in Spanish (a spreadsheet would drop it).
const plan = (id: string, nombre: string, desde: string): PlanResumen => ({
  id,
  nombre,
  periodoDesde: desde,
  periodoHasta: desde,
  cerradoAt: null
})

const comparacion = (antes: string): ComparacionPeriodos => ({
  anterior: plan('a', '=HYPERLINK("http://x","plan")', '2014-01-01'),
  posterior: plan('b', 'Plan 2015', '2015-01-01'),
  sinCambios: 0,
  cambios: [
    {
      codigo: '1.1.a',
      accionId: 'x',
      tipo: 'modificada',
      antes,
      despues: '-2+3',
      texto: [{ tipo: 'quitado', texto: '@SUM(1,1)' }],
      plazos: [{ meta: '+Meta', antes: null, despues: '2016-06-30' }],
      otros: ['=1+1']
    }
  ]
})

describe('period comparison workbook', () => {
  it('writes text that looks like a formula as text, with the Text format', async () => {
    const { data } = await libroComparacion(comparacion('+cmd|calc'))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Comparación')!
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

  it('refuses a control character in Spanish', async () => {
    await expect(libroComparacion(comparacion('texto\u0007'))).rejects.toThrow(
      /caracteres de control/
    )
  })
})
