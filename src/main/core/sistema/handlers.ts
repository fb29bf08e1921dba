import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Handlers } from '../../../shared/api/contract'
import type { RespaldoListo, sistemaMetodos } from '../../../shared/sistema/contract'
import type { CoreContext } from '../contexto'
import { ofrecerDescarga } from '../descargas'

export function sistemaHandlers(ctx: CoreContext): Handlers<typeof sistemaMetodos> {
  const { env, tareas } = ctx
  return {
    'app:info': async () => env.info(),
    'tarea:estado': async (i) => tareas.estado(i.id),
    'tarea:cancelar': async (i) => tareas.cancelar(i.id),
    'respaldo:estado': async () => ({ fallidos: env.avisos?.() ?? [] }),
    'respaldo:ahora': () => respaldoAhora(ctx)
  }
}

/**
 * A checked backup on disk, offered for one download: its bytes never travel in the answer (a
 * large database does not fit in a string, and would cross the threads and the page whole).
 */
async function respaldoAhora({ env, aSolas, hoy }: CoreContext): Promise<RespaldoListo> {
  // Chile's day, by the core's clock: at 23:30 of the 9th the UTC date is already the 10th.
  const nombre = `secretaria-mitp-respaldo-${hoy()}.db`
  const manual = env.respaldoManual
  let archivo: string
  let temporal: string | null = null
  if (manual) archivo = await aSolas(manual)
  else {
    // No backups folder here (dev bridge, tests): a copy of its own, removed once served.
    temporal = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-respaldo-'))
    archivo = path.join(temporal, nombre)
    try {
      await aSolas(() => env.respaldar(archivo))
    } catch (e) {
      fs.rmSync(temporal, { recursive: true, force: true })
      throw e
    }
  }
  const bytes = fs.statSync(archivo).size
  const descarga = ofrecerDescarga({ archivo, nombre, bytes, temporal })
  return { nombre, bytes, descarga, enCarpeta: temporal === null }
}
