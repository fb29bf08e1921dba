import type { DestinoPostgres } from '../db/destino'
import type { PuertoCifrado } from './cifrado'
import { leerConfig } from './config'
import { claveGuardada } from './handlers'

/**
 * What the app opens at start, from the configuration file: null for the local file (the
 * default, also when there is no file), or the server with its password decrypted, in memory
 * only. An unreadable file or password throws (Spanish): never a silent «use the local file».
 */
export async function servidorConfigurado(
  archivo: string,
  cifrado: PuertoCifrado | null
): Promise<DestinoPostgres | null> {
  const c = leerConfig(archivo)
  if (c.tipo === 'local') return null
  const clave = await claveGuardada(c, cifrado)
  return {
    tipo: 'postgres',
    host: c.host,
    puerto: c.puerto,
    base: c.base,
    usuario: c.usuario,
    tls: c.tls,
    ...(c.ca ? { ca: c.ca } : {}),
    ...(clave !== undefined ? { clave } : {})
  }
}
