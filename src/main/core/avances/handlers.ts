import type { Handlers } from '../../../shared/api/contract'
import type { avancesMetodos } from '../../../shared/avances/contract'
import type { CoreContext } from '../contexto'
import { guardarAvance, guardarMedicion } from './avances.service'

export function avancesHandlers({ db }: CoreContext): Handlers<typeof avancesMetodos> {
  return {
    'avance:guardar': (i) => guardarAvance(db, i),
    'medicion:guardar': (i) => guardarMedicion(db, i)
  }
}
