import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { causaDe, MENSAJES_CAUSA } from '../causas'
import { openSqlite, quickCheck, tableExists } from './sqlite'

/**
 * Why an existing file could not be opened, told as what it is: "damaged, restore a backup" is
 * said only of a damaged file, since that advice makes the user go back to an older copy.
 */

/** A folder or file the app cannot write to: the message, or null when both are writable. */
export function sinPermiso(full: string): string | null {
  const dir = path.dirname(full)
  for (const [que, donde] of [
    ['la carpeta', dir],
    ['el archivo', full]
  ] as const) {
    if (donde === full && !fs.existsSync(full)) continue
    try {
      fs.accessSync(donde, fs.constants.W_OK)
    } catch {
      return `No se puede escribir en ${que} "${donde}" (es de solo lectura o de otro usuario), y la aplicación guarda cada cambio ahí. Copie la base de datos a una carpeta propia, como Documentos, y ábrala desde allí. No se modificó el archivo.`
    }
  }
  return null
}

/** True when the file alone (without the -wal beside it) is a sound Secretaría MITP database. */
function sanaSinWal(full: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-diagnostico-'))
  try {
    const copia = path.join(dir, 'copia.db')
    fs.copyFileSync(full, copia)
    const h = openSqlite(copia, { readonly: true })
    try {
      return quickCheck(h) === 'ok' && tableExists(h, 'schema_migrations')
    } finally {
      h.close()
    }
  } catch {
    return false
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A -wal that does not belong to the file (left from another database, or damaged): the file
 * without it is sound. Null when there is no -wal or the file itself is the problem. Said of the
 * database being opened, or of a file being checked (a backup to restore).
 */
export function walAjeno(full: string, de: 'abrir' | 'revisar' = 'abrir'): string | null {
  const wal = `${full}-wal`
  if (!fs.existsSync(wal) || fs.statSync(wal).size === 0 || !sanaSinWal(full)) return null
  const nombre = path.basename(full)
  const mover = `"${nombre}-wal" y "${nombre}-shm" a otra carpeta (no los borre: podrían tener los últimos cambios)`
  if (de === 'revisar')
    return `El archivo "${nombre}-wal" que está junto a "${nombre}" no le corresponde (viene de otra base de datos o está dañado); "${nombre}" sin él está en buen estado. Mueva ${mover} y vuelva a intentarlo.`
  return `El archivo "${nombre}-wal" que está junto a la base de datos no le corresponde (viene de otra base de datos o está dañado); la base de datos sin él está sana. Cierre la aplicación, mueva ${mover} y vuelva a abrirla. No se modificó el archivo.`
}

/** The words for an error met while looking at a file, by its cause; null when it is damage. */
export function porCausa(full: string, error: unknown): string | null {
  const causa = causaDe(error)
  if (causa === null || causa === 'danado') return null
  return `No se pudo abrir "${full}": ${MENSAJES_CAUSA[causa]}. No se modificó el archivo.`
}
