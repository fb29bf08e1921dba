import type { Handlers } from '../../../shared/api/contract'
import type { matrizMetodos } from '../../../shared/matriz/contract'
import type { CoreContext } from '../contexto'
import { exportarMatriz } from './exportar/exportar'
import { importarMatriz, previsualizarMatriz } from './importar/importar'

const bytes = (base64: string): Buffer => Buffer.from(base64, 'base64')

export function matrizHandlers({ db, tareas, hoy }: CoreContext): Handlers<typeof matrizMetodos> {
  return {
    'matriz:exportar': async (i) =>
      tareas.iniciar('matriz:exportar', async ({ progreso, signal }) => {
        const { data, ...doc } = await exportarMatriz(db, { ...i, hoy: hoy() }, progreso, signal)
        return { ...doc, base64: data.toString('base64') }
      }),
    'matriz:previsualizar': (i) => previsualizarMatriz(db, bytes(i.base64), i.planId),
    'matriz:importar': async (i) =>
      tareas.iniciar('matriz:importar', (control) =>
        importarMatriz(db, bytes(i.base64), i.destino, control)
      )
  }
}
