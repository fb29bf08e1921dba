import type { Handlers } from '../../../shared/api/contract'
import type { tablaMetodos } from '../../../shared/tabla/contract'
import type { CoreContext } from '../contexto'
import { actualizarPunto, crearPunto, eliminarPunto, moverPunto } from './tabla.service'

export function tablaHandlers({ db }: CoreContext): Handlers<typeof tablaMetodos> {
  return {
    'punto:crear': (i) => crearPunto(db, i),
    'punto:actualizar': (i) => actualizarPunto(db, i),
    'punto:mover': (i) => moverPunto(db, i.id, i.direccion),
    'punto:eliminar': (i) => eliminarPunto(db, i.id)
  }
}
