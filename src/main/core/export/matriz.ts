import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { DocumentoGenerado } from '../../../shared/domain/tareas'
import type {
  ResultadoImportacion,
  VistaPreviaImportacion
} from '../../../shared/domain/importacion'
import { planArbol } from '../services/plan.service'
import { listarInstituciones } from '../services/instituciones.service'
import { matrizDatos, type MatrizOpciones } from './matriz-datos'
import type { Progreso } from './matriz-xlsx'
import { vistaPrevia } from '../import/matriz-diff'
import {
  aplicarMatriz,
  type ControlImportacion,
  type ModoImportacion
} from '../import/matriz-aplicar'
import { revisarCancelacion } from '../tareas'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// exceljs takes about a second to load: only when a workbook is written or read, not at startup.
const escritor = () => import('./matriz-xlsx')
const lector = () => import('../import/matriz-leer')

/** The matrix workbook as a file: data gathered first, then the workbook built in memory. */
export async function exportarMatriz(
  db: Kysely<Database>,
  o: MatrizOpciones,
  progreso: Progreso = () => {},
  signal?: AbortSignal
): Promise<DocumentoGenerado & { data: Buffer }> {
  progreso(0.02, 'Leyendo el plan')
  const datos = await matrizDatos(db, o)
  const data = await (await escritor()).escribirMatriz(datos, o, progreso, signal)
  const nombre = `${o.seguimiento ? 'matriz-con-seguimiento' : 'matriz-del-plan'}-${datos.arbol.plan.periodoDesde.slice(0, 4)}-${datos.arbol.plan.periodoHasta.slice(0, 4)}.xlsx`
  return { nombre, mime: XLSX, base64: '', data }
}

export async function previsualizarMatriz(
  db: Kysely<Database>,
  data: Uint8Array,
  planId: string | null
): Promise<VistaPreviaImportacion> {
  const leida = await (await lector()).leerMatriz(data)
  const plan = planId ? await planArbol(db, planId) : null
  return vistaPrevia(leida, plan, await listarInstituciones(db))
}

/** Reads, compares and applies a workbook; cancellable until its transaction commits. */
export async function importarMatriz(
  db: Kysely<Database>,
  data: Uint8Array,
  modo: ModoImportacion,
  control: ControlImportacion = {}
): Promise<ResultadoImportacion> {
  control.progreso?.(0.1, 'Leyendo el libro')
  const leida = await (await lector()).leerMatriz(data)
  const antes = modo.modo === 'actualizar' ? await planArbol(db, modo.planId) : null
  const vista = vistaPrevia(leida, antes, await listarInstituciones(db))
  revisarCancelacion(control.signal)
  control.progreso?.(0.5, 'Aplicando los cambios')
  const planId = await aplicarMatriz(db, leida, modo, control)
  return { planId, vista }
}
