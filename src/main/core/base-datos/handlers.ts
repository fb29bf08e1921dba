import fs from 'node:fs'
import type { z } from 'zod'
import type { ApiHandlers, Handlers } from '../../../shared/api/contract'
import type { ApiResult } from '../../../shared/api/result'
import {
  baseDatosMetodos,
  type EstadoBaseDatos,
  type conexionSchema
} from '../../../shared/base-datos/contract'
import type { DestinoPostgres } from '../db/destino'
import { dispatch, type Logger } from '../dispatch'
import { AppError } from '../errors'
import { impedimentoDe, type PuertoCifrado } from './cifrado'
import { ConfigIlegible, escribirConfig, leerConfig, type ConfigServidor } from './config'
import { probarConexion } from './probar'

type Entrada = z.output<typeof conexionSchema>
export type HandlersBaseDatos = Handlers<typeof baseDatosMetodos>

/** What the host gives these handlers: the configuration file and what only it can do. */
export interface EntornoBaseDatos {
  /** The configuration file (config.ts) in the data folder. */
  archivo: string
  /** The system's secure storage; null where there is none (the bridge): no password stored. */
  cifrado: PuertoCifrado | null
  /** What is open now, as it may be shown (describirDestino). */
  enUso: () => string
  /** Restarts the app on the new configuration; null where the host cannot (the bridge). */
  reiniciar: (() => void) | null
  /** The system's file chooser; null where there is none (a browser types the path). */
  elegirArchivo: (() => Promise<string | null>) | null
}

/**
 * Whether a form names the server the stored password was given for: the same place and user,
 * and no weaker or other protection (a password typed for a verified TLS connection is not sent
 * in the clear, nor to a server vouched for by another CA, without being typed again).
 */
const mismoServidor = (c: ConfigServidor, e: Entrada): boolean =>
  c.host === e.host &&
  c.puerto === e.puerto &&
  c.base === e.base &&
  c.usuario === e.usuario &&
  c.tls === e.tls &&
  (c.ca ?? null) === (e.ca ?? null)

/** The password stored for a server, decrypted (only in this process's memory). */
export async function claveGuardada(
  c: ConfigServidor,
  cifrado: PuertoCifrado | null
): Promise<string | undefined> {
  if (!c.claveCifrada) return undefined
  if (!cifrado || (await cifrado.impedimento()) !== null)
    throw new AppError(
      'no_autorizado',
      'La contraseña guardada no se puede leer en este equipo (no hay almacén seguro). Escríbala de nuevo en Configuración → Base de datos compartida.'
    )
  try {
    return await cifrado.descifrar(Buffer.from(c.claveCifrada, 'base64'))
  } catch {
    throw new AppError(
      'no_autorizado',
      'La contraseña guardada no se pudo descifrar (¿cambió la cuenta del equipo?). Escríbala de nuevo en Configuración → Base de datos compartida.'
    )
  }
}

/** The configuration as saved; an unreadable file is an error the user reads, not «local». */
function config(archivo: string): ReturnType<typeof leerConfig> {
  try {
    return leerConfig(archivo)
  } catch (e) {
    if (e instanceof ConfigIlegible) throw new AppError('integridad', e.message)
    throw e
  }
}

/** A CA file that is not there is said before connecting (node-pg would read it raw). */
function revisarCa(e: Entrada): void {
  if (e.ca && !fs.existsSync(e.ca))
    throw new AppError('entrada_invalida', `No se encontró el archivo del certificado ${e.ca}.`, {
      ca: 'No se encontró ese archivo.'
    })
}

const destino = (e: Entrada, clave: string | undefined): DestinoPostgres => ({
  tipo: 'postgres',
  host: e.host,
  puerto: e.puerto,
  base: e.base,
  usuario: e.usuario,
  tls: e.tls,
  ...(e.ca ? { ca: e.ca } : {}),
  ...(clave ? { clave } : {})
})

/** Restarts once the answer has left (the page reads it before the window goes). */
const reiniciarLuego = (env: EntornoBaseDatos): { reinicia: boolean } => {
  if (env.reiniciar) setTimeout(env.reiniciar, 300)
  return { reinicia: env.reiniciar !== null }
}

export function baseDatosHandlers(env: EntornoBaseDatos): HandlersBaseDatos {
  return {
    'conexion:estado': async () => estado(env),
    'conexion:probar': async (e) => {
      revisarCa(e)
      const c = config(env.archivo)
      const guardada =
        !e.clave && c.tipo === 'servidor' && mismoServidor(c, e)
          ? await claveGuardada(c, env.cifrado)
          : undefined
      return probarConexion(destino(e, e.clave || guardada))
    },
    'conexion:guardar': async (e) => {
      revisarCa(e)
      const anterior = config(env.archivo)
      let claveCifrada: string | null = null
      if (e.clave) {
        const impedimento = await impedimentoDe(env.cifrado)
        if (impedimento)
          throw new AppError('no_autorizado', impedimento, { clave: 'No se puede guardar aquí.' })
        claveCifrada = (await env.cifrado!.cifrar(e.clave)).toString('base64')
      } else if (anterior.tipo === 'servidor' && mismoServidor(anterior, e)) {
        // An empty password keeps the one saved for this same server, user and protection.
        claveCifrada = anterior.claveCifrada
      }
      const { host, puerto, base, usuario, tls, ca } = e
      escribirConfig(env.archivo, {
        tipo: 'servidor',
        ...{ host, puerto, base, usuario, tls, ca },
        claveCifrada
      })
      return reiniciarLuego(env)
    },
    'conexion:local': async () => {
      escribirConfig(env.archivo, { tipo: 'local' })
      return reiniciarLuego(env)
    },
    'conexion:certificado': async () => {
      if (!env.elegirArchivo)
        throw new AppError('no_autorizado', 'Aquí no hay selector de archivos: escriba la ruta.')
      return { archivo: await env.elegirArchivo() }
    }
  }
}

async function estado(env: EntornoBaseDatos): Promise<EstadoBaseDatos> {
  const c = config(env.archivo)
  return {
    configurada:
      c.tipo === 'local'
        ? c
        : {
            tipo: 'servidor',
            host: c.host,
            puerto: c.puerto,
            base: c.base,
            usuario: c.usuario,
            tls: c.tls,
            ca: c.ca,
            claveGuardada: c.claveCifrada !== null
          },
    enUso: env.enUso(),
    sinAlmacenSeguro: await impedimentoDe(env.cifrado),
    reinicia: env.reiniciar !== null,
    eligeArchivos: env.elegirArchivo !== null
  }
}

const MENSAJE_SIN_ANFITRION =
  'La base de datos compartida se configura en la aplicación (Configuración → Base de datos compartida), no aquí.'

/** Where no host serves these methods (the core's threads, the CLI): a refusal, never a guess. */
export function baseDatosSinAnfitrion(): HandlersBaseDatos {
  const no = async (): Promise<never> => {
    throw new AppError('no_autorizado', MENSAJE_SIN_ANFITRION)
  }
  return {
    'conexion:estado': no,
    'conexion:probar': no,
    'conexion:guardar': no,
    'conexion:local': no,
    'conexion:certificado': no
  }
}

/**
 * The host's side of these methods, through the same dispatch as every call (parsing, Spanish
 * refusals): null for any other channel, which goes on to the core.
 */
export function servirBaseDatos(
  env: EntornoBaseDatos,
  log: Logger
): (canal: string, entrada: unknown) => Promise<ApiResult<unknown>> | null {
  const handlers = baseDatosHandlers(env)
  return (canal, entrada) =>
    Object.hasOwn(baseDatosMetodos, canal)
      ? // Only these channels reach dispatch here, so only their handlers are looked up.
        dispatch(handlers as unknown as ApiHandlers, canal, entrada, log)
      : null
}
