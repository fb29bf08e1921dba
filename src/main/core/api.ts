import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
import {
  actualizarPersona,
  agregarMiembro,
  crearPersona,
  listarMiembros,
  listarPersonas
} from './services/personas.service'
import {
  actualizarSesion,
  aprobarSesion,
  cerrarSesion,
  crearSesion,
  eliminarSesion,
  listarSesiones,
  reabrirSesion
} from './services/sesiones.service'
import { detalleSesion } from './services/sesion-detalle.service'
import { invitar, marcarAsistencia, quitarInvitado } from './services/asistencia.service'
import { actualizarPunto, crearPunto, eliminarPunto, moverPunto } from './services/tabla.service'
import { guardarAvance, guardarMedicion } from './services/avances.service'
import {
  actualizarAcuerdo,
  crearAcuerdo,
  eliminarAcuerdo,
  guardarSeguimiento
} from './services/acuerdos.service'
import { crearErrata, guardarConfig, obtenerConfig } from './services/erratas-config.service'
import { actaArchivo, toDocumento, type PdfPrinter } from './export/documento'
import { exportarMatriz, importarMatriz, previsualizarMatriz } from './export/matriz'
import { Tareas } from './tareas'
import type { Logger } from './dispatch'

export interface ApiEnvironment {
  info: () => AppInfo
  /** How this process prints PDFs; null where none is available. */
  printPdf: PdfPrinter | null
  /** Called after an acta is approved (the app takes a backup then). */
  alAprobar?: () => Promise<unknown>
  /** Writes a checked backup of the live database to a file. */
  respaldar: (destino: string) => Promise<unknown>
  /** Where unexpected errors of long tasks go (no request is left to carry them). */
  log: Logger
}

/** Implements the contract over one database. Both transports serve this same object. */
export function createApi(db: Kysely<Database>, env: ApiEnvironment): ApiHandlers {
  const tareas = new Tareas(env.log)
  const bytes = (base64: string): Buffer => Buffer.from(base64, 'base64')
  // A backup copies through the same connection, and copies nothing while an import holds a
  // transaction open between its steps: holding the connection makes it wait for the commit.
  const aSolas = <T>(f: () => Promise<T>): Promise<T> => db.connection().execute(() => f())
  return {
    'app:info': async () => env.info(),
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
    'instancia:actualizar': (i) => actualizarInstancia(db, i),
    'persona:listar': () => listarPersonas(db),
    'persona:crear': (i) => crearPersona(db, i),
    'persona:actualizar': (i) => actualizarPersona(db, i),
    'persona:eliminar': (i) => deleteWithTombstone(db, 'personas', i.id, 'La persona'),
    'miembro:listar': (i) => listarMiembros(db, i.instanciaId),
    'miembro:agregar': (i) => agregarMiembro(db, i),
    'miembro:quitar': (i) => deleteWithTombstone(db, 'miembros', i.id, 'El miembro'),
    'sesion:listar': (i) => listarSesiones(db, i),
    'sesion:crear': (i) => crearSesion(db, i),
    'sesion:obtener': (i) => detalleSesion(db, i.id),
    'sesion:actualizar': (i) => actualizarSesion(db, i),
    'sesion:cerrar': (i) => cerrarSesion(db, i.id),
    'sesion:reabrir': (i) => reabrirSesion(db, i.id),
    'sesion:aprobar': async (i) => {
      const s = await aprobarSesion(db, i)
      // The approval is committed; a failed backup is logged by the caller, never undone.
      if (env.alAprobar) await aSolas(env.alAprobar).catch(() => undefined)
      return s
    },
    'sesion:eliminar': (i) => eliminarSesion(db, i.id),
    'asistencia:marcar': (i) => marcarAsistencia(db, i),
    'asistencia:invitar': (i) => invitar(db, i),
    'asistencia:quitar': (i) => quitarInvitado(db, i.id),
    'punto:crear': (i) => crearPunto(db, i),
    'punto:actualizar': (i) => actualizarPunto(db, i),
    'punto:mover': (i) => moverPunto(db, i.id, i.direccion),
    'punto:eliminar': (i) => eliminarPunto(db, i.id),
    'avance:guardar': (i) => guardarAvance(db, i),
    'medicion:guardar': (i) => guardarMedicion(db, i),
    'acuerdo:crear': (i) => crearAcuerdo(db, i),
    'acuerdo:actualizar': (i) => actualizarAcuerdo(db, i),
    'acuerdo:eliminar': (i) => eliminarAcuerdo(db, i.id),
    'acuerdo:seguimiento': (i) => guardarSeguimiento(db, i),
    'errata:crear': (i) => crearErrata(db, i),
    'acta:documento': async (i) =>
      toDocumento(await actaArchivo(db, i.sesionId, i.formato, env.printPdf)),
    'config:obtener': () => obtenerConfig(db),
    'config:guardar': (i) => guardarConfig(db, i),
    'matriz:exportar': async (i) =>
      tareas.iniciar('matriz:exportar', async ({ progreso, signal }) => {
        const { data, ...doc } = await exportarMatriz(db, i, progreso, signal)
        return { ...doc, base64: data.toString('base64') }
      }),
    'matriz:previsualizar': (i) => previsualizarMatriz(db, bytes(i.base64), i.planId),
    'matriz:importar': async (i) =>
      tareas.iniciar('matriz:importar', (control) =>
        importarMatriz(db, bytes(i.base64), i.destino, control)
      ),
    'tarea:estado': async (i) => tareas.estado(i.id),
    'tarea:cancelar': async (i) => tareas.cancelar(i.id),
    'respaldo:ahora': async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-respaldo-'))
      try {
        const nombre = `secretaria-mitp-respaldo-${new Date().toISOString().slice(0, 10)}.db`
        await aSolas(() => env.respaldar(path.join(dir, nombre)))
        return {
          nombre,
          mime: 'application/vnd.sqlite3',
          base64: fs.readFileSync(path.join(dir, nombre)).toString('base64')
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
