import ExcelJS from 'exceljs'
import type { Expression, Kysely, SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import { filasAcuerdos } from './seguimiento-datos'
import { hojaAcuerdos } from './seguimiento-libro'
import { fuenteBase, nombresDeFiltro } from './seguimiento-libro-partes'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * A workbook with only the tracking workbook's Acuerdos sheet, written by the same writer, for
 * the acuerdos that meet `condicion` (on `a` acuerdos and `s` sesiones), by plazo.
 */
export async function libroAcuerdos(
  db: Kysely<Database>,
  condicion: Expression<SqlBool>,
  orden: 'asc' | 'desc',
  hoy: string
): Promise<{ nombre: string; mime: string; data: Buffer }> {
  const { PassThrough } = await import('node:stream')
  const partes: Buffer[] = []
  const salida = new PassThrough()
  salida.on('data', (b: Buffer) => partes.push(b))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: salida,
    useStyles: true,
    useSharedStrings: false
  })
  fuenteBase(wb)
  nombresDeFiltro(wb)
  wb.creator = 'Secretaría MITP'
  wb.title = 'Acuerdos y su estado'
  wb.created = new Date()
  const o = { seguimiento: true, papel: 'carta', hoy } as const
  await hojaAcuerdos(
    wb as unknown as ExcelJS.Workbook,
    db,
    o,
    undefined,
    filasAcuerdos(db, o, { condicion, orden })
  )
  await wb.commit()
  return { nombre: `acuerdos-${hoy}.xlsx`, mime: XLSX, data: Buffer.concat(partes) }
}
