import type { Handlers } from '../../../shared/api/contract'
import type { institucionesMetodos } from '../../../shared/instituciones/contract'
import type { CoreContext } from '../contexto'
import {
  listarInstituciones,
  crearInstitucion,
  actualizarInstitucion
} from './instituciones.service'
import { listarInstancias, actualizarInstancia } from './instancias.service'
import { eliminar, mover } from '../db/orden'

export function institucionesHandlers({ db }: CoreContext): Handlers<typeof institucionesMetodos> {
  return {
    'institucion:listar': () => listarInstituciones(db),
    'institucion:crear': (i) => crearInstitucion(db, i),
    'institucion:actualizar': (i) => actualizarInstitucion(db, i),
    'institucion:eliminar': eliminar(db, 'instituciones', 'La institución'),
    'institucion:mover': mover(db, 'instituciones', 'La institución'),
    'instancia:listar': () => listarInstancias(db),
    'instancia:actualizar': (i) => actualizarInstancia(db, i)
  }
}
