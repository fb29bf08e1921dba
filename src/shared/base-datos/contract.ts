import { z } from 'zod'
import { opcional, returns, vacioSchema } from '../api/campos'
import { MENSAJE_CONTROL, tieneControl } from '../domain/texto'

// Configuración → «Base de datos compartida» (#17): where the app's data lives, a connection
// test, and the switch between the local file and a server. Served by the host (it holds the
// configuration file and the system's secure storage), also where no database is open.

export const MODOS_TLS = ['desactivado', 'preferido', 'requerido', 'verificar'] as const
export type ModoTlsConexion = (typeof MODOS_TLS)[number]

/** What the user reads for each TLS mode. */
export const ETIQUETAS_TLS: Record<ModoTlsConexion, string> = {
  desactivado: 'Sin cifrar (solo en una red de confianza)',
  preferido: 'Cifrar si el servidor lo permite',
  requerido: 'Cifrar siempre, sin verificar el servidor',
  verificar: 'Cifrar y verificar el servidor con su certificado (CA)'
}

const nombre = (campo: string, max: number): z.ZodString =>
  z
    .string({ error: `${campo} es obligatorio.` })
    .trim()
    .min(1, `${campo} no puede estar vacío.`)
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)
    .refine((v) => !/\s/.test(v), `${campo} no puede tener espacios.`)

export const conexionSchema = z.object({
  host: nombre('El servidor', 255),
  puerto: z
    .number({ error: 'El puerto debe ser un número.' })
    .int('El puerto debe ser un número entero.')
    .min(1, 'El puerto debe estar entre 1 y 65535.')
    .max(65535, 'El puerto debe estar entre 1 y 65535.'),
  base: nombre('La base', 63),
  usuario: nombre('El usuario', 63),
  tls: z.enum(MODOS_TLS, { error: 'Elija un modo de conexión segura.' }),
  /** A CA certificate file (PEM) to verify the server with. */
  ca: opcional('El archivo del certificado', 1000),
  /** Empty: the one saved for this connection, if any (or none). Never returned. */
  clave: z.string().max(1000, 'La contraseña no puede superar 1000 caracteres.')
})
export type Conexion = z.input<typeof conexionSchema>

/** A saved server connection as the page sees it: never its password. */
export type ConexionGuardada = Omit<z.output<typeof conexionSchema>, 'clave'> & {
  claveGuardada: boolean
}

export interface EstadoBaseDatos {
  /** What the app opens at start. */
  configurada: { tipo: 'local' } | ({ tipo: 'servidor' } & ConexionGuardada)
  /** What is open now, as it may be shown (a file, or postgres://usuario@host:puerto/base). */
  enUso: string
  /** Null where passwords can be stored encrypted; else why not (Spanish). */
  sinAlmacenSeguro: string | null
  /** Whether this host restarts itself after a change (the app does; the bridge does not). */
  reinicia: boolean
  /** Whether this host can show a file chooser (the app can; a browser gets a text field). */
  eligeArchivos: boolean
}

export interface ResultadoPrueba {
  ok: boolean
  /** Spanish: the schema version found, «base vacía…», or why it failed. */
  mensaje: string
  version: number | null
}

export const baseDatosMetodos = {
  'conexion:estado': returns<EstadoBaseDatos>()(vacioSchema),
  'conexion:probar': returns<ResultadoPrueba>()(conexionSchema),
  'conexion:guardar': returns<{ reinicia: boolean }>()(conexionSchema),
  'conexion:local': returns<{ reinicia: boolean }>()(vacioSchema),
  'conexion:certificado': returns<{ archivo: string | null }>()(vacioSchema)
}
