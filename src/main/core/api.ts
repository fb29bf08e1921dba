import type { Kysely } from 'kysely'
import type { Database } from './db/schema'
import type { ApiHandlers, AppInfo } from '../../shared/api/contract'
import { listarPlanes, planArbol, actualizarPlan } from './services/plan.service'
import { crearEje, actualizarEje } from './services/ejes.service'
import { crearObjetivo, actualizarObjetivo } from './services/objetivos.service'
import { obtenerAccion, crearAccion, actualizarAccion } from './services/acciones.service'
import { crearMeta, actualizarMeta } from './services/metas.service'
import { crearIndicador, actualizarIndicador } from './services/indicadores.service'
import {
  listarInstituciones,
  crearInstitucion,
  actualizarInstitucion
} from './services/instituciones.service'
import { listarInstancias, actualizarInstancia } from './services/instancias.service'
import { deleteWithTombstone, moveSibling } from './services/ordering'

/** Implements the contract over one database. Both transports serve this same object. */
export function createApi(db: Kysely<Database>, info: () => AppInfo): ApiHandlers {
  return {
    'app:info': async () => info(),
    'plan:listar': () => listarPlanes(db),
    'plan:arbol': (i) => planArbol(db, i.planId),
    'plan:actualizar': (i) => actualizarPlan(db, i),
    'eje:crear': (i) => crearEje(db, i),
    'eje:actualizar': (i) => actualizarEje(db, i),
    'eje:eliminar': (i) => deleteWithTombstone(db, 'ejes', i.id, 'El eje'),
    'eje:mover': async (i) => (await moveSibling(db, 'ejes', i.id, i.direccion, 'El eje'), null),
    'objetivo:crear': (i) => crearObjetivo(db, i),
    'objetivo:actualizar': (i) => actualizarObjetivo(db, i),
    'objetivo:eliminar': (i) => deleteWithTombstone(db, 'objetivos', i.id, 'El objetivo'),
    'objetivo:mover': async (i) => (
      await moveSibling(db, 'objetivos', i.id, i.direccion, 'El objetivo'),
      null
    ),
    'accion:obtener': (i) => obtenerAccion(db, i.id),
    'accion:crear': (i) => crearAccion(db, i),
    'accion:actualizar': (i) => actualizarAccion(db, i),
    'accion:eliminar': (i) => deleteWithTombstone(db, 'acciones', i.id, 'La acción'),
    'accion:mover': async (i) => (
      await moveSibling(db, 'acciones', i.id, i.direccion, 'La acción'),
      null
    ),
    'meta:crear': (i) => crearMeta(db, i),
    'meta:actualizar': (i) => actualizarMeta(db, i),
    'meta:eliminar': (i) => deleteWithTombstone(db, 'metas', i.id, 'La meta'),
    'meta:mover': async (i) => (await moveSibling(db, 'metas', i.id, i.direccion, 'La meta'), null),
    'indicador:crear': (i) => crearIndicador(db, i),
    'indicador:actualizar': (i) => actualizarIndicador(db, i),
    'indicador:eliminar': (i) => deleteWithTombstone(db, 'indicadores', i.id, 'El indicador'),
    'indicador:mover': async (i) => (
      await moveSibling(db, 'indicadores', i.id, i.direccion, 'El indicador'),
      null
    ),
    'institucion:listar': () => listarInstituciones(db),
    'institucion:crear': (i) => crearInstitucion(db, i),
    'institucion:actualizar': (i) => actualizarInstitucion(db, i),
    'institucion:eliminar': (i) => deleteWithTombstone(db, 'instituciones', i.id, 'La institución'),
    'institucion:mover': async (i) => (
      await moveSibling(db, 'instituciones', i.id, i.direccion, 'La institución'),
      null
    ),
    'instancia:listar': () => listarInstancias(db),
    'instancia:actualizar': (i) => actualizarInstancia(db, i)
  }
}
