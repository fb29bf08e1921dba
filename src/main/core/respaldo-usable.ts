import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { revisarActasArchivo } from './actas/revision'
import { verificarArchivo } from './verificacion'

/**
 * Why a backup that passes the file checks (integrity, version) cannot be restored, or null:
 * the checks the app runs when it opens a database (the protections of approved actas
 * present, every sealed acta matching its copy), so a restore never brings back a file the app
 * would then refuse. The actas are read from a private copy: nothing is written beside the backup.
 */
export async function motivoRespaldoInutil(file: string): Promise<string | null> {
  const v = verificarArchivo(file)
  // A file that fails these is refused by restaurar itself, with its own message.
  if (!v.ok) return null
  let dir: string
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-respaldo-'))
  } catch {
    return null // no temporary folder: restaurar's own checks still run and say what fails
  }
  try {
    const copia = path.join(dir, 'copia.db')
    fs.copyFileSync(file, copia)
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copia}-wal`)
    const actas = await revisarActasArchivo(copia, v.schemaVersion)
    if (actas.ok) return null
    const problemas = actas.lineas.filter((l) => !l.includes('aviso:'))
    return `Este respaldo no se puede usar: sus actas aprobadas no pasan la revisión que hace la aplicación al abrirlo (${problemas.join(' ')}).`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const MENSAJE_RESPALDO_INUTIL = (motivo: string): string =>
  `No se puede restaurar desde ese archivo. ${motivo.replace(/\s*Restaure un respaldo[^.]*\.?/g, '')} Elija otro de la carpeta de respaldos. No se modificó nada.`
