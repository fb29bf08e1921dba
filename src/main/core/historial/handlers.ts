import type { Handlers } from '../../../shared/api/contract'
import type { historialMetodos } from '../../../shared/historial/contract'
import type { CoreContext } from '../contexto'
import { guardarPerfil, obtenerPerfil } from './perfil.service'
import { listarHistorial } from './historial.service'

export function historialHandlers({ db, env }: CoreContext): Handlers<typeof historialMetodos> {
  return {
    'perfil:obtener': () => obtenerPerfil(db, env.perfil),
    'perfil:guardar': (i) => guardarPerfil(db, i, env.perfil),
    'historial:listar': (i) => listarHistorial(db, i)
  }
}
