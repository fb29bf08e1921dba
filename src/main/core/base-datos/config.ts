import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { MODOS_TLS } from '../../../shared/base-datos/contract'

/**
 * Where the app's data lives, as the user chose it in Configuración: a small JSON file in the
 * data folder, read by the shell at start. Absent means the local file (the default). The
 * server's password is kept only encrypted by the system (safeStorage), as base64.
 */
export const ARCHIVO_CONFIG = 'base-datos.json'

const servidorSchema = z.object({
  tipo: z.literal('servidor'),
  host: z.string().min(1),
  puerto: z.number().int().min(1).max(65535),
  base: z.string().min(1),
  usuario: z.string().min(1),
  tls: z.enum(MODOS_TLS),
  ca: z.string().nullable(),
  claveCifrada: z.string().nullable()
})
const configSchema = z.discriminatedUnion('tipo', [
  z.object({ tipo: z.literal('local') }),
  servidorSchema
])

export type ConfigServidor = z.infer<typeof servidorSchema>
export type ConfigBase = z.infer<typeof configSchema>

/** A configuration file that cannot be read: said, never taken as «use the local file». */
export class ConfigIlegible extends Error {
  constructor(archivo: string, motivo: string) {
    super(
      `El archivo de configuración de la base de datos (${archivo}) no se puede leer: ${motivo}. Corríjalo o elija de nuevo en Configuración → Base de datos compartida.`
    )
    this.name = 'ConfigIlegible'
  }
}

export function leerConfig(archivo: string): ConfigBase {
  let texto: string
  try {
    texto = fs.readFileSync(archivo, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { tipo: 'local' }
    throw new ConfigIlegible(archivo, (e as Error).message)
  }
  let datos: unknown
  try {
    datos = JSON.parse(texto)
  } catch {
    throw new ConfigIlegible(archivo, 'no es JSON válido')
  }
  const r = configSchema.safeParse(datos)
  if (!r.success) throw new ConfigIlegible(archivo, 'su contenido no es el esperado')
  return r.data
}

/**
 * Writes the file whole or not at all: a temporary file beside it, flushed, then renamed over
 * it (a crash mid-write leaves the previous configuration, never half of one).
 */
export function escribirConfig(archivo: string, config: ConfigBase): void {
  const texto = `${JSON.stringify(configSchema.parse(config), null, 2)}\n`
  const dir = path.dirname(archivo)
  fs.mkdirSync(dir, { recursive: true })
  const tmp = path.join(
    dir,
    `.${path.basename(archivo)}.${crypto.randomBytes(6).toString('hex')}.tmp`
  )
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600)
    try {
      fs.writeFileSync(fd, texto)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, archivo)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
  sincronizarCarpeta(dir)
}

/** The rename itself reaches the disk with its folder (not possible on Windows: skipped). */
function sincronizarCarpeta(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
