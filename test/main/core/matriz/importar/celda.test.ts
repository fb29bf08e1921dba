import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { texto } from '../../../../../src/main/core/matriz/importar/celda'

/**
 * One cell's text as the import reads it, cell by cell on a sheet built here: every kind of
 * value exceljs gives, and the formulas it cannot read faithfully refused with their address.
 */
function celda(valor: ExcelJS.CellValue, direccion = 'C7'): ExcelJS.Cell {
  const ws = new ExcelJS.Workbook().addWorksheet('Matriz')
  const c = ws.getCell(direccion)
  c.value = valor
  return c
}

const leido = (valor: ExcelJS.CellValue, direccion?: string): string => {
  try {
    return texto(celda(valor, direccion))
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`
  }
}

const SIN_VALOR =
  'es una fórmula sin un valor calculado; ábrala en Excel o LibreOffice, guarde el libro (eso calcula las fórmulas) y vuelva a importarlo, o escriba el texto en lugar de la fórmula. No se modificó nada.'

describe('texto de una celda', () => {
  it('reads empty, text, numbers, booleans, dates, rich text and links as the text they show', () => {
    expect(leido(null)).toBe('')
    expect(leido('  Meta: uno.  ')).toBe('  Meta: uno.  ')
    // A stored apostrophe is shown by every spreadsheet: it is part of the text.
    expect(leido("'=SUMA(A1)")).toBe("'=SUMA(A1)")
    expect(leido('=SUMA(A1)')).toBe('=SUMA(A1)')
    expect(leido(0)).toBe('0')
    expect(leido(3.5)).toBe('3.5')
    expect(leido(false)).toBe('false')
    expect(leido(true)).toBe('true')
    expect(leido(new Date('2015-06-30T00:00:00Z'))).toBe('2015-06-30')
    expect(leido({ richText: [{ text: '1. ' }, { font: { bold: true }, text: 'EJE' }] })).toBe(
      '1. EJE'
    )
    expect(leido({ text: 'Vínculo', hyperlink: 'https://example.org' })).toBe('Vínculo')
    // An error value in the cell (not a formula's) has no text: refused, never read as empty.
    expect(leido({ error: '#N/A' })).toMatch(
      /^entrada_invalida: Hoja «Matriz», celda C7: tiene un error \(#N\/A\)/
    )
  })

  it('reads a formula by the value it was saved with, whatever its kind', () => {
    expect(leido({ formula: 'A1', result: '1.1.a. Calculada.' })).toBe('1.1.a. Calculada.')
    expect(leido({ formula: '6*7', result: 42 })).toBe('42')
    expect(leido({ formula: '1=1', result: true })).toBe('true')
    expect(leido({ sharedFormula: 'C6', result: '1.1.b. Copiada.' })).toBe('1.1.b. Copiada.')
    // A date is a value too (exceljs gives a Date, not an error object): read, not refused.
    expect(leido({ formula: 'HOY()', result: new Date('2015-06-30T00:00:00Z') })).toBe(
      String(new Date('2015-06-30T00:00:00Z'))
    )
  })

  it('refuses a formula without a value, or whose value is an error, naming sheet and cell', () => {
    const sin = `entrada_invalida: Hoja «Matriz», celda C7: ${SIN_VALOR}`
    expect(leido({ formula: 'CONCATENATE("PD","I")' } as ExcelJS.CellValue)).toBe(sin)
    expect(
      leido({ formula: 'CONCATENATE("PD","I")', result: null } as unknown as ExcelJS.CellValue)
    ).toBe(sin)
    expect(leido({ sharedFormula: 'C6' } as ExcelJS.CellValue)).toBe(sin)
    expect(leido({ formula: '1/0', result: { error: '#DIV/0!' } }, 'E12')).toBe(
      `entrada_invalida: Hoja «Matriz», celda E12: ${SIN_VALOR}`
    )
  })

  it('refuses text with bytes that were not UTF-8, naming sheet and cell', () => {
    expect(leido('MIN\uFFFDNT', 'E9')).toBe(
      'entrada_invalida: Hoja «Matriz», celda E9: el texto tiene bytes que no son UTF-8 válido (el archivo se dañó o se convirtió mal); corríjalo en Excel o LibreOffice y vuelva a guardarlo. No se modificó nada.'
    )
  })
})
