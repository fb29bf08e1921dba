import type {
  Accion,
  AccionDetalle,
  Eje,
  Indicador,
  Meta,
  Objetivo,
  PlanArbol,
  PlanResumen
} from '../domain/plan'
import type { ComparacionPeriodos } from '../domain/periodos'
import type { DocumentoGenerado } from '../domain/tareas'
import { moverSchema, pesado, porIdSchema, returns, vacioSchema, type Removed } from '../api/campos'
import * as s from './schemas'

/** The plan and its tree: ejes → objetivos → acciones → metas and indicadores. */
export const planMetodos = {
  'plan:listar': returns<PlanResumen[]>()(vacioSchema),
  'plan:arbol': returns<PlanArbol>()(s.planArbolSchema),
  'plan:actualizar': returns<PlanResumen>()(s.planActualizarSchema),
  'plan:copiar': returns<PlanResumen>()(s.planCopiarSchema),
  'plan:cerrar': returns<PlanResumen>()(porIdSchema),
  'periodos:comparar': returns<ComparacionPeriodos>()(s.periodosCompararSchema),
  // Loads exceljs (a second): served by the core's second thread.
  'periodos:exportar': pesado(returns<DocumentoGenerado>()(s.periodosCompararSchema)),
  'eje:crear': returns<Eje>()(s.ejeCrearSchema),
  'eje:actualizar': returns<Eje>()(s.ejeActualizarSchema),
  'eje:eliminar': returns<Removed>()(porIdSchema),
  'eje:mover': returns<null>()(moverSchema),
  'objetivo:crear': returns<Objetivo>()(s.objetivoCrearSchema),
  'objetivo:actualizar': returns<Objetivo>()(s.objetivoActualizarSchema),
  'objetivo:eliminar': returns<Removed>()(porIdSchema),
  'objetivo:mover': returns<null>()(moverSchema),
  'accion:obtener': returns<AccionDetalle>()(porIdSchema),
  'accion:crear': returns<Accion>()(s.accionCrearSchema),
  'accion:actualizar': returns<Accion>()(s.accionActualizarSchema),
  'accion:eliminar': returns<Removed>()(porIdSchema),
  'accion:mover': returns<null>()(moverSchema),
  'meta:crear': returns<Meta>()(s.metaCrearSchema),
  'meta:actualizar': returns<Meta>()(s.metaActualizarSchema),
  'meta:eliminar': returns<Removed>()(porIdSchema),
  'meta:mover': returns<null>()(moverSchema),
  'indicador:crear': returns<Indicador>()(s.indicadorCrearSchema),
  'indicador:actualizar': returns<Indicador>()(s.indicadorActualizarSchema),
  'indicador:eliminar': returns<Removed>()(porIdSchema),
  'indicador:mover': returns<null>()(moverSchema)
}
