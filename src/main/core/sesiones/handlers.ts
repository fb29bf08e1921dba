import type { Handlers } from '../../../shared/api/contract'
import type { sesionesMetodos } from '../../../shared/sesiones/contract'
import type { CoreContext } from '../contexto'
import {
  actualizarSesion,
  aprobarSesion,
  cerrarSesion,
  eliminarSesion,
  reabrirSesion
} from './ciclo'
import { crearSesion } from './crear'
import { listarSesiones } from './lectura'
import { pantallaSesion } from './pantalla'

export function sesionesHandlers({
  db,
  env,
  aSolas
}: CoreContext): Handlers<typeof sesionesMetodos> {
  return {
    'sesion:listar': (i) => listarSesiones(db, i),
    'sesion:crear': (i) => crearSesion(db, i),
    'sesion:obtener': (i) => pantallaSesion(db, i.id),
    'sesion:actualizar': (i) => actualizarSesion(db, i),
    'sesion:cerrar': (i) => cerrarSesion(db, i.id),
    'sesion:reabrir': (i) => reabrirSesion(db, i.id),
    'sesion:aprobar': async (i) => {
      const s = await aprobarSesion(db, i)
      // The approval is committed; a failed backup is logged by the caller, never undone.
      if (env.alAprobar) await aSolas(env.alAprobar).catch(() => undefined)
      return s
    },
    'sesion:eliminar': (i) => eliminarSesion(db, i.id)
  }
}
