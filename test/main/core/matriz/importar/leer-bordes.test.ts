import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { leerMatriz, MAX_LIBRO_BYTES } from '../../../../../src/main/core/matriz/importar/leer'
import { ENCABEZADOS, GLOSARIO } from '../../../../../src/main/core/matriz/disposicion'
import { LIMITES } from '../../../../../src/shared/api/campos'

/**
 * Edges of reading a workbook not covered row by row elsewhere: the file's weight, blank
 * rows, an objetivo cell that repeats across ejes, the column limits and the
 * glossary on a sheet of its own. Small workbooks built here with exceljs.
 */
type Celda = ExcelJS.CellValue
const CAB: Celda[] = [...ENCABEZADOS]

async function libro(hojas: { nombre: string; filas: Celda[][] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const h of hojas) {
    const ws = wb.addWorksheet(h.nombre)
    h.filas.forEach((f, i) =>
      f.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v))
    )
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
const matriz = (filas: Celda[][]) => libro([{ nombre: 'Matriz', filas }])

const error = (data: Uint8Array): Promise<string> =>
  leerMatriz(data).then(
    () => 'leído sin error',
    (e: Error & { code?: string }) => `${e.code}: ${e.message}`
  )
const fallo = (celda: string, detalle: string, hoja = 'Matriz') => {
  const [, col, fila] = /^([A-E])(\d+)$/.exec(celda)!
  return `entrada_invalida: Hoja «${hoja}», fila ${fila}, columna ${col} (${celda}): ${detalle} No se modificó nada.`
}
const codigos = (m: Awaited<ReturnType<typeof leerMatriz>>) =>
  m.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones.map((a) => a.codigo)))

describe('leerMatriz, edges', () => {
  it('refuses a file over 20 MB by its weight, before anything else', async () => {
    const pesado = new Uint8Array(MAX_LIBRO_BYTES + 1)
    pesado.set([0x50, 0x4b, 3, 4])
    expect(await error(pesado)).toBe(
      'entrada_invalida: El archivo pesa 20.0 MB; el máximo es 20 MB. No se modificó nada.'
    )
    // At exactly the limit the weight is fine; these bytes are simply not a workbook.
    expect(await error(pesado.subarray(0, MAX_LIBRO_BYTES))).toBe(
      'entrada_invalida: El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.'
    )
  })

  it('skips rows whose cells hold only spaces', async () => {
    const m = await matriz([
      CAB,
      ['1. E', '1.1. X.', '1.1.a. Y.', '', ''],
      ['  ', ' ', '\n', ' ', '  '],
      [null, null, '1.1.b. Z.', '', '']
    ])
    expect(codigos(await leerMatriz(m))).toEqual(['1.1.a', '1.1.b'])
  })

  it('an objetivo cell that repeats the one above under a new eje starts an objetivo there', async () => {
    expect(
      await error(
        await matriz([
          CAB,
          ['1. E', '1.1. X.', '1.1.a. Y.', '', ''],
          ['2. F', '1.1. X.', '2.1.a. Z.', '', '']
        ])
      )
    ).toBe(fallo('B3', 'el objetivo 1.1 no corresponde al eje 2.'))
    // Repeated on every row of the same eje, it is the same objetivo.
    const m = await leerMatriz(
      await matriz([
        CAB,
        ['1. E', '1.1. X.', '1.1.a. Y.', '', ''],
        ['1. E', '1.1. X.', '1.1.b. Z.', '', '']
      ])
    )
    expect(m.ejes[0]!.objetivos.map((o) => [o.codigo, o.acciones.length])).toEqual([['1.1', 2]])
  })

  it('holds metas to the text limit and only responsables to theirs', async () => {
    const largo = 'M'.repeat(LIMITES.responsables + 1)
    const m = await leerMatriz(
      await matriz([CAB, ['1. E', '1.1. X.', '1.1.a. Y.', `Meta: ${largo}`, '']])
    )
    expect(m.ejes[0]!.objetivos[0]!.acciones[0]!.metas).toEqual([largo])
    expect(
      await error(
        await matriz([CAB, ['1. E', '1.1. X.', '1.1.a. Y.', 'D'.repeat(LIMITES.texto + 1), '']])
      )
    ).toBe(fallo('D2', `el texto supera ${LIMITES.texto} caracteres.`))
  })

  it('reads the glossary from a sheet of its own from its second row, never the matrix sheet', async () => {
    const m = await leerMatriz(
      await libro([
        { nombre: 'Matriz', filas: [CAB, ['1. E', '1.1. X.', '1.1.a. Y.', '', 'PDI']] },
        { nombre: 'Notas', filas: [['Otra cosa'], ['NO', 'No es glosario']] },
        {
          nombre: 'Glosario',
          filas: [
            [GLOSARIO],
            ['PDI :', ' : Policía de Investigaciones'],
            ['SML', 'Servicio Médico Legal']
          ]
        }
      ])
    )
    expect(m.glosario).toEqual([
      { sigla: 'PDI', nombre: 'Policía de Investigaciones' },
      { sigla: 'SML', nombre: 'Servicio Médico Legal' }
    ])
    // The glossary sheet's cells are checked like any other, with that sheet's name.
    expect(
      await error(
        await libro([
          { nombre: 'Matriz', filas: [CAB, ['1. E', '1.1. X.', '1.1.a. Y.', '', '']] },
          { nombre: 'Glosario', filas: [[GLOSARIO], ['PDI', 'N'.repeat(LIMITES.nombre + 1)]] }
        ])
      )
    ).toBe(fallo('B2', `el texto supera ${LIMITES.nombre} caracteres.`, 'Glosario'))
  })
})
