import ExcelJS from 'exceljs'
import { AppError } from '../../errors'
import { TITULO_MATRIZ } from '../disposicion'
import type { MatrizDatos, MatrizOpciones } from './datos'
import { hojaMatriz, type Progreso } from './hoja-matriz'
import { conFuenteBase } from './fuente-base'

export type { Progreso }

/**
 * The workbook the ministry knows, built in memory: its matrix and glossary. The workbook with
 * seguimiento (years of sessions) is streamed instead: seguimiento-libro.ts.
 */
export async function escribirMatriz(
  d: MatrizDatos,
  o: MatrizOpciones,
  progreso: Progreso = () => {},
  signal?: AbortSignal
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Secretaría MITP'
  wb.title = `${d.arbol.plan.nombre}${o.seguimiento ? ' — con seguimiento' : ''}`
  wb.subject = TITULO_MATRIZ
  wb.created = new Date()
  wb.modified = wb.created
  hojaMatriz(wb, d, o, progreso, signal)
  if (signal?.aborted) throw new AppError('cancelado', 'Exportación cancelada.')
  progreso(0.9, 'Escribiendo el archivo')
  return conFuenteBase(Buffer.from(await wb.xlsx.writeBuffer()))
}
