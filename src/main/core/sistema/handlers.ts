import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Handlers } from '../../../shared/api/contract'
import type { sistemaMetodos } from '../../../shared/sistema/contract'
import type { CoreContext } from '../contexto'

export function sistemaHandlers({
  env,
  tareas,
  aSolas
}: CoreContext): Handlers<typeof sistemaMetodos> {
  return {
    'app:info': async () => env.info(),
    'tarea:estado': async (i) => tareas.estado(i.id),
    'tarea:cancelar': async (i) => tareas.cancelar(i.id),
    'respaldo:estado': async () => ({ fallidos: env.avisos?.() ?? [] }),
    'respaldo:ahora': async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-respaldo-'))
      try {
        const nombre = `secretaria-mitp-respaldo-${new Date().toISOString().slice(0, 10)}.db`
        await aSolas(() => env.respaldar(path.join(dir, nombre)))
        return {
          nombre,
          mime: 'application/vnd.sqlite3',
          base64: fs.readFileSync(path.join(dir, nombre)).toString('base64')
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
