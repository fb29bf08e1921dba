import type { Handlers } from '../../../shared/api/contract'
import type { historialMetodos } from '../../../shared/historial/contract'
import type { CoreContext } from '../contexto'
import { guardarPerfil, obtenerPerfil } from './perfil.service'
import { listarHistorial } from './historial.service'

export function historialHandlers({ db }: CoreContext): Handlers<typeof historialMetodos> {
  return {
    'perfil:obtener': () => obtenerPerfil(db),
    'perfil:guardar': (i) => guardarPerfil(db, i),
    'historial:listar': (i) => listarHistorial(db, i)
  }
}
