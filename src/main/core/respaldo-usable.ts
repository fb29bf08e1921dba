import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { revisarActasArchivo } from './actas/revision'
import { causaDe } from './causas'
import { listarRespaldos, type Respaldo } from './respaldos'
import { verificarArchivo } from './verificacion'

/** Why the private copy of a backup could not be made in the temporary folder, in Spanish. */
function sinCopiaTemporal(e: unknown): string {
  const dir = os.tmpdir()
  const causa = causaDe(e)
  const por =
    causa === 'lleno'
      ? `el disco de la carpeta temporal "${dir}" está lleno (no el de la base de datos): libere espacio allí y vuelva a intentarlo`
      : causa === 'sin_permiso'
        ? `no hay permiso para escribir en la carpeta temporal "${dir}"`
        : `no se pudo copiar a la carpeta temporal "${dir}"`
  return `No se pudo revisar este respaldo: ${por}.`
}

/**
 * Why a backup that passes the file checks (integrity, version) cannot be restored, or null:
 * the checks the app runs when it opens a database (the protections of approved actas
 * present, every sealed acta matching its copy), so a restore never brings back a file the app
 * would then refuse. The actas are read from a private copy: nothing is written beside the backup.
 * Never throws: a check that cannot run refuses the backup, in Spanish.
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
    try {
      fs.copyFileSync(file, copia)
      if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copia}-wal`)
    } catch (e) {
      return sinCopiaTemporal(e)
    }
    let actas: { ok: boolean; lineas: string[] }
    try {
      actas = await revisarActasArchivo(copia, v.schemaVersion)
    } catch {
      // A file with the version table but not the app's tables ("no such table: sesiones").
      return 'Este respaldo no se puede usar: no se pudo leer su contenido como una base de datos de Secretaría MITP (le faltan tablas o está incompleto).'
    }
    if (actas.ok) return null
    const problemas = actas.lineas.filter((l) => !l.includes('aviso:'))
    return `Este respaldo no se puede usar: sus actas aprobadas no pasan la revisión que hace la aplicación al abrirlo (${problemas.join(' ')}).`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The newest backup in `dir` that may be restored: it passes verification and is not refused by
 * motivoRespaldoInutil (the rule the CLI applies), for the recovery screen's default choice.
 */
export async function ultimoRespaldoUsable(dir: string): Promise<Respaldo | null> {
  for (const r of listarRespaldos(dir))
    if (verificarArchivo(r.archivo).ok && !(await motivoRespaldoInutil(r.archivo))) return r
  return null
}

export const MENSAJE_RESPALDO_INUTIL = (motivo: string): string =>
  `No se puede restaurar desde ese archivo. ${motivo.replace(/\s*Restaure un respaldo[^.]*\.?/g, '')} Elija otro de la carpeta de respaldos. No se modificó nada.`
