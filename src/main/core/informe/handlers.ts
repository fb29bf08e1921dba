import type { Handlers } from '../../../shared/api/contract'
import type { informeMetodos } from '../../../shared/informe/contract'
import type { CoreContext } from '../contexto'
import { informeAnual } from './informe'

export function informeHandlers({
  db,
  env,
  tareas,
  hoy
}: CoreContext): Handlers<typeof informeMetodos> {
  return {
    'informe:exportar': async (i) =>
      tareas.iniciar('informe:exportar', async (control) => {
        const { data, ...doc } = await informeAnual(db, i, hoy(), env.printPdf, control)
        return { ...doc, base64: Buffer.from(data).toString('base64') }
      })
  }
}
