import type { Handlers } from '../../../shared/api/contract'
import type { busquedaMetodos } from '../../../shared/busqueda/contract'
import type { CoreContext } from '../contexto'
import { buscar } from './busqueda.service'

export function busquedaHandlers({ db }: CoreContext): Handlers<typeof busquedaMetodos> {
  return {
    'busqueda:buscar': (i) => buscar(db, i)
  }
}
