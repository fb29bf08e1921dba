import type { Expression, Kysely, SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import { filasAcuerdos } from './seguimiento-datos'
import { hojaAcuerdos } from './seguimiento-libro'
import { libroEnStreaming } from './escritor-streaming'

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
  const { wb, terminar } = libroEnStreaming('Acuerdos y su estado')
  const o = { seguimiento: true, papel: 'carta', hoy } as const
  await hojaAcuerdos(wb, db, o, undefined, filasAcuerdos(db, o, { condicion, orden }), true)
  return { nombre: `acuerdos-${hoy}.xlsx`, mime: XLSX, data: await terminar() }
}
