import type { Handlers } from '../../../shared/api/contract'
import type { planMetodos } from '../../../shared/plan/contract'
import type { CoreContext } from '../contexto'
import { listarPlanes, planArbol, actualizarPlan } from './plan.service'
import { crearEje, actualizarEje } from './ejes.service'
import { crearObjetivo, actualizarObjetivo } from './objetivos.service'
import { obtenerAccion, crearAccion, actualizarAccion } from './acciones.service'
import { crearMeta, actualizarMeta } from './metas.service'
import { crearIndicador, actualizarIndicador } from './indicadores.service'
import { eliminar, mover } from '../db/orden'
import { cerrarPeriodo, copiarPeriodo } from './periodos.service'
import { compararPeriodos } from './comparar.service'

// exceljs takes about a second to load: only when a workbook is written.
const libro = () => import('./comparar-libro')

export function planHandlers({ db }: CoreContext): Handlers<typeof planMetodos> {
  return {
    'plan:listar': () => listarPlanes(db),
    'plan:arbol': (i) => planArbol(db, i.planId),
    'plan:actualizar': (i) => actualizarPlan(db, i),
    'plan:copiar': (i) => copiarPeriodo(db, i),
    'plan:cerrar': (i) => cerrarPeriodo(db, i.id),
    'periodos:comparar': (i) => compararPeriodos(db, i.anteriorId, i.posteriorId),
    'periodos:exportar': async (i) => {
      const c = await compararPeriodos(db, i.anteriorId, i.posteriorId)
      const { data, ...doc } = await (await libro()).libroComparacion(c)
      return { ...doc, base64: data.toString('base64') }
    },
    'eje:crear': (i) => crearEje(db, i),
    'eje:actualizar': (i) => actualizarEje(db, i),
    'eje:eliminar': eliminar(db, 'ejes', 'El eje'),
    'eje:mover': mover(db, 'ejes', 'El eje'),
    'objetivo:crear': (i) => crearObjetivo(db, i),
    'objetivo:actualizar': (i) => actualizarObjetivo(db, i),
    'objetivo:eliminar': eliminar(db, 'objetivos', 'El objetivo'),
    'objetivo:mover': mover(db, 'objetivos', 'El objetivo'),
    'accion:obtener': (i) => obtenerAccion(db, i.id),
    'accion:crear': (i) => crearAccion(db, i),
    'accion:actualizar': (i) => actualizarAccion(db, i),
    'accion:eliminar': eliminar(db, 'acciones', 'La acción'),
    'accion:mover': mover(db, 'acciones', 'La acción'),
    'meta:crear': (i) => crearMeta(db, i),
    'meta:actualizar': (i) => actualizarMeta(db, i),
    'meta:eliminar': eliminar(db, 'metas', 'La meta'),
    'meta:mover': mover(db, 'metas', 'La meta'),
    'indicador:crear': (i) => crearIndicador(db, i),
    'indicador:actualizar': (i) => actualizarIndicador(db, i),
    'indicador:eliminar': eliminar(db, 'indicadores', 'El indicador'),
    'indicador:mover': mover(db, 'indicadores', 'El indicador')
  }
}
