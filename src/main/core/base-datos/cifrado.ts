/**
 * The system's secure storage for the server's password (Electron's safeStorage in the app). A
 * port, so the core's rules about it run under Node: hosts without one (the HTTP bridge, the
 * CLI) refuse to store a password, as the app does where it would be kept in plain text.
 */
export interface PuertoCifrado {
  /** Null when strings are encrypted with the system's keychain; else why not, in Spanish. */
  impedimento(): Promise<string | null>
  cifrar(texto: string): Promise<Buffer>
  descifrar(datos: Buffer): Promise<string>
}

/** Why a password is not stored: the one message for every host where it would be plain text. */
export const MENSAJE_SIN_ALMACEN_SEGURO =
  'Este equipo no ofrece un almacén seguro de contraseñas, así que la aplicación no guarda la contraseña (quedaría legible en el disco). Deje la contraseña vacía y pida a informática una cuenta del servidor que no la necesite en este equipo (por ejemplo, con un archivo .pgpass de su usuario o autenticación por certificado).'

/** Whether a password may be stored through this port (none: never). */
export async function impedimentoDe(puerto: PuertoCifrado | null): Promise<string | null> {
  return puerto ? await puerto.impedimento() : MENSAJE_SIN_ALMACEN_SEGURO
}
