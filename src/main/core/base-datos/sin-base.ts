import type { Nucleo } from '../host/nucleo'
import type { Logger } from '../dispatch'
import { servirBaseDatos, type EntornoBaseDatos } from './handlers'

export const MENSAJE_SIN_BASE =
  'No hay base de datos abierta: corrija la conexión en Configuración → Base de datos compartida, o vuelva al archivo local.'

/**
 * The app with no database, after the configured server could not be opened and the user chose
 * to edit the connection: only Configuración → Base de datos compartida answers; every other
 * call is refused in Spanish (nothing is read from, or written to, any local file).
 */
export function nucleoSinBase(env: EntornoBaseDatos, log: Logger, servidor: string): Nucleo {
  const servir = servirBaseDatos(env, log)
  return {
    dbPath: servidor,
    schemaVersion: 0,
    creado: false,
    call: (canal, entrada) =>
      servir(canal, entrada) ??
      Promise.resolve({ ok: false, error: { code: 'no_autorizado', message: MENSAJE_SIN_BASE } }),
    alEvento: () => () => {},
    descarga: async () => null,
    cerrar: async () => {}
  }
}
