import ExcelJS from 'exceljs'
import { leerMatriz } from '../../../../../src/main/core/matriz/importar/leer'
import { ENCABEZADOS } from '../../../../../src/main/core/matriz/disposicion'

/**
 * What the leer-*.test.ts files share: small workbooks in the matrix layout built here with
 * exceljs, and a read's refusal as «code: message», the cell-naming one spelled out.
 */
export type Celda = ExcelJS.CellValue
export const CAB: Celda[] = [...ENCABEZADOS]
export const FILA_11A: Celda[] = [
  '1. PREVENCIÓN',
  '1.1. Fortalecer.',
  '1.1.a. Generar un manual.',
  'Meta: Manual al primer semestre de 2015.\nIndicadores:\n• Manual publicado',
  'Subcomisión PREVENCIÓN'
]

/** A workbook with one sheet (or more) holding these rows from row 1. */
export async function libro(
  filas: Celda[][],
  opts: { hoja?: string; antes?: { nombre: string; filas: Celda[][] }[] } = {}
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const h of opts.antes ?? []) wb.addWorksheet(h.nombre).addRows(h.filas)
  const ws = wb.addWorksheet(opts.hoja ?? 'Hoja1')
  filas.forEach((f, i) => f.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export const error = (data: Uint8Array): Promise<string> =>
  leerMatriz(data).then(
    () => 'leído sin error',
    (e: Error & { code?: string }) => `${e.code}: ${e.message}`
  )
export const fallo = (hoja: string, celda: string, detalle: string) => {
  const [, col, fila] = /^([A-E])(\d+)$/.exec(celda)!
  return `entrada_invalida: Hoja «${hoja}», fila ${fila}, columna ${col} (${celda}): ${detalle} No se modificó nada.`
}
