import type { Handlers } from '../../../shared/api/contract'
import type { acuerdosMetodos } from '../../../shared/acuerdos/contract'
import type { CoreContext } from '../contexto'
import { actualizarAcuerdo, crearAcuerdo, eliminarAcuerdo } from './acuerdos.service'
import { guardarSeguimiento } from './seguimiento.service'
import { exportarAcuerdos, listarAcuerdos } from './lista.service'

export function acuerdosHandlers({ db, hoy }: CoreContext): Handlers<typeof acuerdosMetodos> {
  return {
    'acuerdo:crear': (i) => crearAcuerdo(db, i),
    'acuerdo:actualizar': (i) => actualizarAcuerdo(db, i),
    'acuerdo:eliminar': (i) => eliminarAcuerdo(db, i.id),
    'acuerdo:seguimiento': (i) => guardarSeguimiento(db, i),
    'acuerdo:listar': (i) => listarAcuerdos(db, i, hoy()),
    'acuerdo:exportar': (i) => exportarAcuerdos(db, i, hoy())
  }
}
