// Where the app's data lives: the embedded SQLite file (the default, one laptop) or a shared
// PostgreSQL server (#17). Chosen by configuration, never by falling back from one to the other.

export type ModoTls = 'desactivado' | 'preferido' | 'requerido' | 'verificar'

export interface DestinoSqlite {
  tipo: 'sqlite'
  archivo: string
}

export interface DestinoPostgres {
  tipo: 'postgres'
  host: string
  puerto: number
  base: string
  usuario: string
  /** Never part of a URL that is logged; from PGPASSWORD, a prompt or safeStorage. */
  clave?: string
  tls: ModoTls
  /** A CA certificate (PEM) to verify the server with, when `tls` is 'verificar'. */
  ca?: string
}

export type Destino = DestinoSqlite | DestinoPostgres

/** Whether `--db` names a server (even a malformed address: never taken as a file). */
export const esUrlPostgres = (texto: string): boolean => /^\s*postgres(ql)?:/i.test(texto)

// A scheme of two letters or more, then a colon: an address, never a file (a Windows drive is
// one letter), so a mistyped one is refused instead of creating a file named with a password.
const ESQUEMA = /^[a-z][\w+.-]+:/i

const MODOS: Record<string, ModoTls> = {
  disable: 'desactivado',
  prefer: 'preferido',
  require: 'requerido',
  'verify-full': 'verificar',
  'verify-ca': 'verificar'
}

/**
 * `--db` as given on the command line: a file path, or postgres://user@host:port/database. A
 * password in the URL is refused (it would end up in shell history and logs): PGPASSWORD or a
 * prompt gives it.
 */
export function destinoDeTexto(texto: string): Destino {
  const limpio = texto.trim()
  if (!ESQUEMA.test(limpio)) return { tipo: 'sqlite', archivo: texto }
  const uso = 'use postgres://usuario@servidor:puerto/base.'
  if (!/^postgres(ql)?:\/\//i.test(limpio))
    throw new Error(
      `«${sinClave(limpio)}» no es una dirección de PostgreSQL válida ni la ruta de un archivo: ${uso}`
    )
  let url: URL
  try {
    url = new URL(limpio)
  } catch {
    throw new Error(`La dirección «${sinClave(limpio)}» no es válida: ${uso}`)
  }
  if (url.password || [...url.searchParams.keys()].some((k) => k.toLowerCase() === 'password')) {
    throw new Error(
      'No escriba la contraseña en la dirección (quedaría en el historial y en los registros): use la variable PGPASSWORD o escríbala cuando se le pida.'
    )
  }
  const base = decodeURIComponent(url.pathname.replace(/^\//, ''))
  if (!url.hostname || !base || !url.username) {
    throw new Error(`Falta el usuario, el servidor o la base en «${sinClave(limpio)}»: ${uso}`)
  }
  const modo = url.searchParams.get('sslmode') ?? 'prefer'
  const tls = MODOS[modo]
  if (!tls)
    // Not named back: whatever was pasted there is not shown.
    throw new Error(
      'El valor de sslmode no se reconoce: use disable, prefer, require o verify-full.'
    )
  // The CA to verify the server with, as libpq's sslrootcert names it.
  const ca = url.searchParams.get('sslrootcert')
  return {
    tipo: 'postgres',
    host: url.hostname,
    puerto: url.port ? Number(url.port) : 5432,
    base,
    usuario: decodeURIComponent(url.username),
    tls,
    ...(ca ? { ca } : {})
  }
}

/** A destination as it may be shown or logged: never with its password. */
export function describirDestino(d: Destino): string {
  return d.tipo === 'sqlite'
    ? d.archivo
    : `postgres://${encodeURIComponent(d.usuario)}@${d.host}:${d.puerto}/${encodeURIComponent(d.base)}`
}

/**
 * An address with any password in it replaced, for error messages: what follows the user up to
 * the last `@` (a password may hold `@`, `/` or `?`; masking too much is safer than showing a
 * piece), with or without the `//`, and the whole query (`password=`, encoded or not, or
 * anything else a user pasted there).
 */
export function sinClave(texto: string): string {
  return texto.replace(/^(\s*[a-z][\w+.-]*:\/*[^:/@]*):.*@/is, '$1:***@').replace(/\?.*$/s, '?…')
}
