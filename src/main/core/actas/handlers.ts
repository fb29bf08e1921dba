import type { Handlers } from '../../../shared/api/contract'
import type { actasMetodos } from '../../../shared/actas/contract'
import type { CoreContext } from '../contexto'
import { crearErrata } from './erratas.service'
import { guardarConfig, obtenerConfig } from './config.service'
import { actaArchivo, toDocumento } from './documentos/archivo'

export function actasHandlers({ db, env, hoy }: CoreContext): Handlers<typeof actasMetodos> {
  return {
    'errata:crear': (i) => crearErrata(db, i, hoy()),
    'acta:documento': async (i) =>
      toDocumento(await actaArchivo(db, i.sesionId, i.formato, env.printPdf)),
    'config:obtener': () => obtenerConfig(db),
    'config:guardar': (i) => guardarConfig(db, i)
  }
}
