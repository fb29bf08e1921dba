import type { Handlers } from '../../../shared/api/contract'
import type { tableroMetodos } from '../../../shared/tablero/contract'
import type { CoreContext } from '../contexto'
import {
  avisosSemana,
  listarAccionesEnEstado,
  listarMetasVencidas,
  obtenerTablero
} from './tablero.service'
import { trayectoriaAccion } from './trayectoria.service'

export function tableroHandlers({ db, hoy }: CoreContext): Handlers<typeof tableroMetodos> {
  return {
    'tablero:obtener': (i) => obtenerTablero(db, i, hoy()),
    'metavencida:listar': (i) => listarMetasVencidas(db, i, hoy()),
    'accionestado:listar': (i) => listarAccionesEnEstado(db, i),
    'aviso:listar': () => avisosSemana(db, hoy()),
    'trayectoria:obtener': (i) => trayectoriaAccion(db, i.accionId, hoy(), i.limite)
  }
}
