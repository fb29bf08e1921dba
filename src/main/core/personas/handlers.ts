import type { Handlers } from '../../../shared/api/contract'
import type { personasMetodos } from '../../../shared/personas/contract'
import type { CoreContext } from '../contexto'
import {
  actualizarPersona,
  agregarMiembro,
  crearPersona,
  listarMiembros,
  listarPersonas
} from './personas.service'
import { eliminar } from '../db/orden'

export function personasHandlers({ db }: CoreContext): Handlers<typeof personasMetodos> {
  return {
    'persona:listar': () => listarPersonas(db),
    'persona:crear': (i) => crearPersona(db, i),
    'persona:actualizar': (i) => actualizarPersona(db, i),
    'persona:eliminar': eliminar(db, 'personas', 'La persona'),
    'miembro:listar': (i) => listarMiembros(db, i.instanciaId),
    'miembro:agregar': (i) => agregarMiembro(db, i),
    'miembro:quitar': eliminar(db, 'miembros', 'El miembro')
  }
}
