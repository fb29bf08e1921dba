import type { Handlers } from '../../../shared/api/contract'
import type { asistenciaMetodos } from '../../../shared/asistencia/contract'
import type { CoreContext } from '../contexto'
import { invitar, marcarAsistencia, quitarInvitado } from './asistencia.service'
import { presidente, secretariaSubrogante } from './secretaria.service'

export function asistenciaHandlers({ db }: CoreContext): Handlers<typeof asistenciaMetodos> {
  return {
    'asistencia:marcar': (i) => marcarAsistencia(db, i),
    'asistencia:invitar': (i) => invitar(db, i),
    'asistencia:quitar': (i) => quitarInvitado(db, i.id),
    'asistencia:secretaria': (i) => secretariaSubrogante(db, i),
    'asistencia:presidente': (i) => presidente(db, i)
  }
}
