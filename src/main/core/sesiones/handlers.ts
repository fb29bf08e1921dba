import type { Handlers } from '../../../shared/api/contract'
import type { sesionesMetodos } from '../../../shared/sesiones/contract'
import type { CoreContext } from '../contexto'
import { tituloSesion, type SesionTipo } from '../../../shared/domain/sesiones'
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

/** What the screen says when the backup after approving an acta failed. */
export function mensajeRespaldoFallido(
  s: { tipo: SesionTipo; numero: number; anio: number },
  e: unknown
): string {
  const causa = e instanceof Error && e.message ? ` (${e.message})` : ''
  return (
    `No se pudo respaldar después de aprobar el acta de la ${tituloSesion(s)}${causa}. ` +
    'La aprobación quedó guardada: respalde ahora en Configuración → «Respaldar ahora» o ' +
    'revise el espacio de la carpeta de respaldos.'
  )
}

export function sesionesHandlers({ db, env }: CoreContext): Handlers<typeof sesionesMetodos> {
  return {
    'sesion:listar': (i) => listarSesiones(db, i),
    'sesion:crear': (i) => crearSesion(db, i),
    'sesion:obtener': (i) => detalleSesion(db, i.id),
    'sesion:actualizar': (i) => actualizarSesion(db, i),
    'sesion:cerrar': (i) => cerrarSesion(db, i.id),
    'sesion:reabrir': (i) => reabrirSesion(db, i.id),
    'sesion:aprobar': async (i) => {
      const s = await aprobarSesion(db, i)
      // The approval is committed and answered now; the backup follows off the request path,
      // through a connection of its own (respaldo-aparte.ts): it holds nothing calls wait for.
      // A failed backup never undoes the approval: it is logged and told to the screens.
      if (env.alAprobar)
        void env.alAprobar().catch((e: unknown) => {
          env.log('respaldo tras aprobar un acta fallido', e)
          env.alEvento({ tipo: 'respaldo_fallido', mensaje: mensajeRespaldoFallido(s, e) })
        })
      return s
    },
    'sesion:eliminar': (i) => eliminarSesion(db, i.id)
  }
}
