import fs from 'node:fs'
import path from 'node:path'
import { causaDe, MENSAJES_CAUSA } from '../core/causas'
import { AppError } from '../core/errors'
import { writeFileAtomic } from '../core/files'

// The CLI's own files (--out, --in) said by what they are: the generic causes speak of the
// database ("Copie la base de datos…", "termina en .db"), which is not the file at fault here.

/** Writes a command's output file; a refusal names the output folder, not the database. */
export function escribirSalida(file: string, data: Buffer): void {
  try {
    writeFileAtomic(file, data)
  } catch (e) {
    const carpeta = path.dirname(path.resolve(file))
    const causa = causaDe(e)
    const por =
      causa === 'sin_permiso'
        ? `la carpeta "${carpeta}" es de solo lectura o no tiene permiso para escribir en ella. Elija otra carpeta con --out`
        : causa
          ? MENSAJES_CAUSA[causa]
          : String(e)
    throw new AppError('entrada_invalida', `No se pudo escribir "${path.resolve(file)}": ${por}.`)
  }
}

/** Reads a command's input file (`tipo`: ".xlsx"); a folder or a missing file is said as such. */
export function leerEntrada(file: string, tipo: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const por =
      code === 'EISDIR'
        ? `es una carpeta, no un archivo. Indique el archivo mismo (termina en ${tipo})`
        : code === 'ENOENT'
          ? 'el archivo no existe. Revise la ruta'
          : (() => {
              const causa = causaDe(e)
              return causa ? MENSAJES_CAUSA[causa] : String(e)
            })()
    throw new AppError('entrada_invalida', `No se pudo leer "${path.resolve(file)}": ${por}.`)
  }
}
