import fs from 'node:fs'
import path from 'node:path'

export const LOG_MAX_BYTES = 1024 * 1024
export const LOG_ARCHIVOS = 3

/**
 * A plain rotating log file: one line per event, errors with their stack. Callers log what
 * happened (channel names, error codes), never the content of actas.
 */
export function crearLog(
  dir: string,
  nombre = 'secretaria-mitp.log'
): (mensaje: string, error?: unknown) => void {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, nombre)
  return (mensaje, error) => {
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > LOG_MAX_BYTES) rotarLog(file)
      const detalle =
        error instanceof Error
          ? ` ${error.name}: ${error.message}\n${error.stack ?? ''}`
          : error
            ? ` ${String(error)}`
            : ''
      fs.appendFileSync(file, `${new Date().toISOString()} ${mensaje}${detalle}\n`)
    } catch {
      // A log that cannot be written must never stop the app.
    }
  }
}

function rotarLog(file: string): void {
  fs.rmSync(`${file}.${LOG_ARCHIVOS}`, { force: true })
  for (let i = LOG_ARCHIVOS - 1; i >= 1; i--) {
    if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`)
  }
  fs.renameSync(file, `${file}.1`)
}
