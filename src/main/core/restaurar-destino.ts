import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { AppError } from './errors'
import { causaDe, MENSAJES_CAUSA } from './causas'
import { bindingNativo } from './db/sqlite'

/** SQLite's side files: a path with one of these names is never a database to write. */
export const ARCHIVO_LATERAL = /-(wal|shm|journal)$/i

/** What a path that exists but is not a regular file is, in words (null for a regular file). */
export function queEs(st: fs.Stats): string | null {
  if (st.isFile()) return null
  if (st.isDirectory()) return MENSAJES_CAUSA.es_carpeta
  if (st.isCharacterDevice() || st.isBlockDevice())
    return 'la ruta indicada es un dispositivo del sistema, no un archivo. Indique el archivo de la base de datos (termina en .db)'
  if (st.isFIFO()) return 'la ruta indicada es una tubería (FIFO), no un archivo'
  if (st.isSocket()) return 'la ruta indicada es un socket, no un archivo'
  return 'la ruta indicada no es un archivo común'
}

export const LATERAL = (nombre: string): string =>
  `"${nombre}" es un archivo auxiliar de SQLite (termina en -wal, -shm o -journal), no una base de datos. Indique el archivo de la base de datos (termina en .db)`

export function cabeceraSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r')
  try {
    const b = Buffer.alloc(16)
    fs.readSync(fd, b, 0, 16, 0)
    return b.toString('latin1') === 'SQLite format 3\u0000'
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Refuses a path to restore to that cannot be a database file, before anything is touched: a
 * SQLite side file's name, something that is not a regular file (a folder, a device, a FIFO), a
 * file that is not a SQLite database (unless named .db: a damaged one), a path through a file, a link that leads nowhere, a name
 * too long, a folder that cannot be looked into. An empty file (nothing to lose) is accepted.
 */
export function comprobarRuta(dbPath: string): void {
  const rechazo = (motivo: string): AppError =>
    new AppError(
      'entrada_invalida',
      `No se puede restaurar en "${dbPath}": ${motivo}. No se modificó nada.`
    )
  if (ARCHIVO_LATERAL.test(dbPath)) throw rechazo(LATERAL(path.basename(dbPath)))
  try {
    const st = fs.lstatSync(dbPath)
    const no = queEs(st)
    // Links were followed by rutaReal: one left here leads nowhere; stat says why.
    if (st.isSymbolicLink()) fs.statSync(dbPath)
    else if (no) throw rechazo(no)
    // A damaged database (its header overwritten) is what a restore is for: a .db file is one.
    else if (st.size > 0 && !/\.db$/i.test(dbPath) && !cabeceraSqlite(dbPath))
      throw rechazo(
        'ese archivo existe y no es una base de datos SQLite (restaurar lo borraría). Revise la ruta'
      )
  } catch (e) {
    if (e instanceof AppError) throw e
    // A new file (its folder exists: the copy checks that again) is restored to.
    if (
      (e as NodeJS.ErrnoException).code === 'ENOENT' &&
      !fs.lstatSync(dbPath, { throwIfNoEntry: false })
    )
      return
    const causa = causaDe(e)
    throw rechazo(causa ? MENSAJES_CAUSA[causa] : String(e))
  }
}

export const MENSAJE_OTRO_PROGRAMA = `No se pudo restaurar el respaldo: ${MENSAJES_CAUSA.bloqueado}. La base de datos quedó como estaba.`

const escribible = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/*
 * Refused rather than replaced: a read-only file cannot be locked, so another program reading or
 * writing it (opened before it was made read-only) could not be ruled out.
 */
export const MENSAJE_SOLO_LECTURA = (nombre: string): string =>
  `No se pudo restaurar el respaldo: el archivo "${nombre}" es de solo lectura. Quítele esa marca (en sus Propiedades, desmarque "Solo lectura"; o chmod u+w "${nombre}") y vuelva a intentarlo. La base de datos quedó como estaba.`

/**
 * Takes SQLite's exclusive access to the current file, so no other program (the sqlite3 shell, a
 * database browser) has it open while it is replaced: its later writes would land in the copy
 * set aside. Leaving WAL mode needs every other connection closed (each one holds a shared lock
 * while open), and the exclusive lock is then held until the returned release. The file's last
 * commits move from its -wal into it on the way. Returns null for a file SQLite cannot open
 * (damaged: it is kept aside as it is); refuses with "bloqueado por otro programa" otherwise.
 */
export function tomarExclusivo(dbPath: string): (() => void) | null {
  let h: BetterSqlite3.Database
  try {
    const nativeBinding = bindingNativo()
    h = new BetterSqlite3(dbPath, {
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {})
    })
  } catch {
    return null
  }
  try {
    h.pragma('busy_timeout = 1000')
    h.pragma('locking_mode = EXCLUSIVE')
    h.pragma('journal_mode = DELETE')
    h.exec('begin exclusive')
  } catch (e) {
    h.close()
    // A file opened read-only cannot take a write lock: SQLite says "locked", the cause is the mode.
    if (!escribible(dbPath))
      throw new AppError('entrada_invalida', MENSAJE_SOLO_LECTURA(path.basename(dbPath)))
    if (causaDe(e) === 'bloqueado') throw new AppError('conflicto', MENSAJE_OTRO_PROGRAMA)
    return null
  }
  return () => {
    try {
      h.exec('rollback')
    } finally {
      h.close()
    }
  }
}
