import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { escribirMatriz } from '../../../../src/main/core/matriz/exportar/libro'
import { leerMatriz } from '../../../../src/main/core/matriz/importar/leer'
import { celdaTexto, textoDeCelda } from '../../../../src/main/core/matriz/texto-celda'
import { datos, leer } from './fixture'

// Text a user typed that begins with = + - @ is written with a leading apostrophe, so no
// spreadsheet (nor a CSV saved from it) takes it for a formula; reading takes the apostrophe off.
const PELIGROSOS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUMA(A1)', "'=ya citado"]

const todas = (wb: ExcelJS.Workbook): string[] =>
  wb.worksheets.flatMap((ws) => {
    const out: string[] = []
    ws.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value)))
    )
    return out
  })

describe('formula-like text in cells', () => {
  it('the helper quotes it and reading unquotes it, whatever the text', () => {
    for (const t of PELIGROSOS) {
      expect(celdaTexto(t, 'x')).toMatch(/^'/)
      expect(textoDeCelda(celdaTexto(t, 'x'))).toBe(t)
    }
    for (const t of ['Texto', 'PDI', "O'Higgins", '1. Eje', '']) {
      expect(celdaTexto(t, 'x')).toBe(t)
      expect(textoDeCelda(t)).toBe(t)
    }
  })

  it('no string cell of the matrix or the tracking sheets begins with = + - @, and it comes back', async () => {
    const d = datos(true)
    const accion = d.arbol.ejes[0]!.objetivos[0]!.acciones[0]!
    accion.responsables = PELIGROSOS[0]!
    d.arbol.ejes[0]!.objetivos[0]!.acciones[1]!.responsables = PELIGROSOS[2]!
    d.glosario = [{ sigla: '@PDI', nombre: PELIGROSOS[1]! }]
    d.acuerdos = [
      {
        sesion: '=S1',
        fecha: '2014-03-12',
        numero: 1,
        texto: PELIGROSOS[3]!,
        responsable: '-PDI',
        plazo: null,
        accion: null,
        situacion: 'pendiente'
      }
    ]
    const bytes = await escribirMatriz(d, { seguimiento: true, papel: 'carta' })
    const celdas = todas(await leer(bytes))
    expect(celdas.filter((c) => /^[=+\-@]/.test(c))).toEqual([])
    expect(celdas).toContain(`'${PELIGROSOS[3]}`)
    const leida = await leerMatriz(bytes)
    const acciones = leida.ejes[0]!.objetivos[0]!.acciones
    expect(acciones.map((a) => a.responsables)).toEqual([PELIGROSOS[0], PELIGROSOS[2]])
    expect(leida.glosario).toEqual([{ sigla: '@PDI', nombre: PELIGROSOS[1] }])
  })
})
