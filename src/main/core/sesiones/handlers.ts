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
import { detalleSesion } from './sesion-detalle.service'

export function sesionesHandlers({
  db,
  env,
  aSolas
}: CoreContext): Handlers<typeof sesionesMetodos> {
  return {
    'sesion:listar': (i) => listarSesiones(db, i),
    'sesion:crear': (i) => crearSesion(db, i),
    'sesion:obtener': (i) => detalleSesion(db, i.id),
    'sesion:actualizar': (i) => actualizarSesion(db, i),
    'sesion:cerrar': (i) => cerrarSesion(db, i.id),
    'sesion:reabrir': (i) => reabrirSesion(db, i.id),
    'sesion:aprobar': async (i) => {
      const s = await aprobarSesion(db, i)
      // The approval is committed and answered now; the backup follows off the request path.
      // A failed backup never undoes the approval: it is reported in the app's log.
      if (env.alAprobar)
        void aSolas(env.alAprobar).catch((e: unknown) =>
          env.log('respaldo tras aprobar un acta fallido', e)
        )
      return s
    },
    'sesion:eliminar': (i) => eliminarSesion(db, i.id)
  }
}
