import fs from 'node:fs'
import path from 'node:path'
import { rutaReal } from './en-uso'

/**
 * Whether a place to save a file (a backup, a document) is the live database or one of the files
 * SQLite keeps beside it: saved there, the copy would replace the file the app has open (and its
 * -wal would then be applied to the wrong file). Compared every way a name can reach the same
 * file: links followed, the same file by inode (a hard link, or another case of the name where
 * the disk ignores case), and, for side files that do not exist yet, the same folder with the
 * same name whatever its case (Windows and macOS ignore it).
 */
const LATERALES = ['', '-wal', '-shm', '-journal'] as const

/** The same file (or folder) by device and inode: a hard link, a link, another case of the name. */
export function mismoInodo(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a)
    const y = fs.statSync(b)
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    return false
  }
}

/** Why `destino` may not be written, in Spanish, or null when it may. */
export function motivoDestinoProtegido(destino: string, dbPath: string): string | null {
  const db = rutaReal(dbPath)
  const real = rutaReal(destino)
  const mismaCarpeta = mismoInodo(path.dirname(real), path.dirname(db))
  const nombre = path.basename(real).toLowerCase()
  const lateral = LATERALES.find(
    (s) =>
      real === db + s ||
      mismoInodo(destino, db + s) ||
      (mismaCarpeta && nombre === `${path.basename(db)}${s}`.toLowerCase())
  )
  if (lateral === undefined) return null
  const que =
    lateral === ''
      ? 'es la base de datos que la aplicación tiene abierta'
      : `es "${path.basename(db)}${lateral}", un archivo que SQLite mantiene junto a la base de datos abierta`
  return `No se puede guardar en "${destino}": ${que}; reemplazarlo perdería datos. Elija otro nombre u otra carpeta. No se escribió nada.`
}

/**
 * Asks where to save until the answer is not the live database (each refusal said with `avisar`);
 * null when the user cancels. `dbPath` is read at each answer: the file open at that moment.
 */
export function elegirDestinoLibre(
  preguntar: () => string | null,
  avisar: (motivo: string) => void,
  dbPath: () => string | null
): string | null {
  for (;;) {
    const destino = preguntar()
    const db = dbPath()
    const motivo = destino && db ? motivoDestinoProtegido(destino, db) : null
    if (!motivo) return destino
    avisar(motivo)
  }
}
