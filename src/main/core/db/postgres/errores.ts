import { DatabaseOpenError } from '../open'
import { describirDestino, type DestinoPostgres } from '../destino'

// What the user reads when the server cannot be reached or refuses: node-pg's and the server's
// own messages are English and name no remedy. Each ends by saying no local file was used.
const SIN_ARCHIVO = 'La aplicación no usó ningún archivo local en su lugar.'

const codigo = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''

/** A connection or open failure against a server, in Spanish; an open error passes unchanged. */
export function explicarPostgres(d: DestinoPostgres, error: unknown): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error
  const donde = `${d.host}:${d.puerto}`
  const c = codigo(error)
  const texto = error instanceof Error ? error.message : String(error)
  const fallo = (
    mensaje: string,
    razon: 'servidor_inalcanzable' | 'credenciales' | 'fallo_servidor' = 'servidor_inalcanzable'
  ) => new DatabaseOpenError(razon, `${mensaje} ${SIN_ARCHIVO}`)
  if (c === 'ECONNREFUSED')
    return fallo(
      `El servidor ${donde} rechazó la conexión: no está encendido o no acepta conexiones en ese puerto. Revise la dirección o consulte a informática.`
    )
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN')
    return fallo(
      `No se encontró el servidor «${d.host}» en la red. Revise el nombre o la conexión a la red.`
    )
  if (c === 'ETIMEDOUT' || c === 'EHOSTUNREACH' || c === 'ENETUNREACH' || /timeout/i.test(texto))
    return fallo(
      `El servidor ${donde} no respondió. Revise la conexión a la red o consulte a informática.`
    )
  if (c === '28P01' || c === '28000' || /password/i.test(texto))
    return fallo(
      `El servidor rechazó el usuario «${d.usuario}» o su contraseña. Revise la contraseña en Configuración → Base de datos compartida.`,
      'credenciales'
    )
  if (c === '3D000')
    return fallo(
      `La base «${d.base}» no existe en el servidor ${donde}. Pida a informática que la cree (vea el README, sección para informática).`
    )
  if (c === '42501')
    return fallo(
      `El usuario «${d.usuario}» no tiene permiso para crear o usar las tablas de la base «${d.base}». Consulte a informática.`,
      'credenciales'
    )
  if (/SSL|TLS|certificate|self.signed/i.test(texto))
    return fallo(
      `La conexión segura (TLS) con ${donde} falló (${texto}). Revise el modo TLS y el certificado de la autoridad (CA).`
    )
  return fallo(`No se pudo usar la base ${describirDestino(d)} (${texto}).`, 'fallo_servidor')
}

const SIN_CONEXION = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03'
])

/**
 * A call that met a server gone away (stopped, restarted, the network cut): said in Spanish,
 * with what to do. The transaction never committed, so nothing was written.
 */
export function servidorPerdido(error: unknown): string | null {
  const c = codigo(error)
  const texto = error instanceof Error ? error.message : ''
  if (
    !SIN_CONEXION.has(c) &&
    !c.startsWith('08') &&
    !/Connection terminated|connection timeout/i.test(texto)
  )
    return null
  return 'Se perdió la conexión con el servidor de la base de datos compartida. Revise la red y vuelva a intentarlo; si sigue, consulte a informática.'
}
