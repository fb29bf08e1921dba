import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type {
  ResultadoImportacion,
  VistaPreviaImportacion
} from '../../../../shared/domain/importacion'
import { planArbol } from '../../plan'
import { listarInstituciones } from '../../instituciones'
import { vistaPrevia } from './comparar'
import { aplicarMatriz, type ControlImportacion, type ModoImportacion } from './aplicar'
import { revisarCancelacion } from '../../tareas'
// exceljs takes about a second to load: only when a workbook is read (lector.ts), not at startup.
import { leerLibro } from './lector'

export async function previsualizarMatriz(
  db: Kysely<Database>,
  data: Uint8Array,
  planId: string | null
): Promise<VistaPreviaImportacion> {
  const leida = await leerLibro(data)
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
  const leida = await leerLibro(data, control.signal)
  const antes = modo.modo === 'actualizar' ? await planArbol(db, modo.planId) : null
  const vista = vistaPrevia(leida, antes, await listarInstituciones(db))
  revisarCancelacion(control.signal)
  control.progreso?.(0.5, 'Aplicando los cambios')
  const planId = await aplicarMatriz(db, leida, modo, control)
  return { planId, vista }
}
