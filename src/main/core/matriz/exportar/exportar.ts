import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { DocumentoGenerado } from '../../../../shared/domain/tareas'
import { matrizDatos, type MatrizOpciones } from './datos'
import type { Progreso } from './libro'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// exceljs takes about a second to load: only when a workbook is written, not at startup.
const escritor = () => import('./libro')
const seguimiento = () => import('./seguimiento-libro')

/**
 * The matrix workbook as a file. The plan alone is built in memory; with seguimiento (years of
 * sessions) the workbook is streamed, its detail sheets read from SQLite row by row.
 */
export async function exportarMatriz(
  db: Kysely<Database>,
  o: MatrizOpciones,
  progreso: Progreso = () => {},
  signal?: AbortSignal
): Promise<DocumentoGenerado & { data: Buffer }> {
  progreso(0.02, 'Leyendo el plan')
  let datos: Awaited<ReturnType<typeof matrizDatos>>
  let data: Buffer
  if (o.seguimiento) {
    const s = await seguimiento()
    datos = await s.datosSeguimiento(db, o)
    data = await s.escribirSeguimiento(db, datos, o, progreso, signal)
  } else {
    datos = await matrizDatos(db, o)
    data = await (await escritor()).escribirMatriz(datos, o, progreso, signal)
  }
  const nombre = `${o.seguimiento ? 'matriz-con-seguimiento' : 'matriz-del-plan'}-${datos.arbol.plan.periodoDesde.slice(0, 4)}-${datos.arbol.plan.periodoHasta.slice(0, 4)}.xlsx`
  return { nombre, mime: XLSX, base64: '', data }
}
