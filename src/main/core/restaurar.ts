import fs from 'node:fs'
import path from 'node:path'
import { AppError } from './errors'
import { explicar } from './causas'
import { pidVivo, rutaReal, tomarParaRestaurar } from './en-uso'
import { leerSinTocar, verificarArchivo } from './verificacion'
import { mismoInodo } from './destino-protegido'
import { cabeceraSqlite, comprobarRuta, tomarExclusivo } from './restaurar-destino'
import { nuevaEpoca } from './intercambio/restaurada'

/**
 * The file operations a restore makes, one by one: the real ones, or (in tests) ones that fail
 * at a chosen step the way a full disk or a pulled USB stick would.
 */
export interface OperacionesArchivo {
  copiar(desde: string, hacia: string): void
  /** Flushes a file's bytes to the disk. */
  sincronizar(file: string): void
  enlazar(existente: string, nuevo: string): void
  renombrar(desde: string, hacia: string): void
  borrar(file: string): void
}

export const archivosReales: OperacionesArchivo = {
  copiar: (desde, hacia) => fs.copyFileSync(desde, hacia),
  sincronizar: (file) => {
    const fd = fs.openSync(file, 'r+')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  },
  enlazar: (existente, nuevo) => fs.linkSync(existente, nuevo),
  renombrar: (desde, hacia) => fs.renameSync(desde, hacia),
  borrar: (file) => fs.rmSync(file, { force: true })
}

export interface Restaurado {
  /** Where the replaced file was kept, or null when there was none. */
  copiaAnterior: string | null
  /** Something the user should know about what was kept aside. */
  aviso?: string
}

const sello = (d: Date): string =>
  d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

const mismoArchivo = (a: string, b: string): boolean =>
  path.resolve(a) === path.resolve(b) || mismoInodo(a, b)

const nadaCambio = (que: string) => (error: unknown) =>
  error instanceof AppError
    ? error
    : new AppError(
        'conflicto',
        `${explicar(error, que) ?? `No se pudo ${que} (${String(error)}).`} La base de datos quedó como estaba.`
      )

/**
 * The backup's bytes in a temporary file beside the target, flushed and checked. A backup with
 * commits still in its -wal is copied through SQLite (VACUUM INTO), so none is left behind.
 */
function copiaTemporal(desde: string, tmp: string, modo: number, ops: OperacionesArchivo): void {
  ops.borrar(tmp)
  const wal = `${desde}-wal`
  // Read without writing beside the backup: it may be on read-only media.
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0)
    leerSinTocar(desde, undefined, (h) => h.prepare('vacuum into ?').run(tmp))
  else ops.copiar(desde, tmp)
  // A copy keeps the backup's mode: a read-only (0444) backup would give a file nobody can write.
  fs.chmodSync(tmp, modo)
  ops.sincronizar(tmp)
  const v = verificarArchivo(tmp)
  if (!v.ok)
    throw new AppError('integridad', `La copia del respaldo no pasó la verificación: ${v.motivo}`)
  // Its future changes under a new id: partners may hold changes of the old one it lost (#16).
  nuevaEpoca(tmp)
  ops.sincronizar(tmp)
}

/** Keeps a file under another name too: a hard link (no space needed), else a flushed copy. */
function conservar(file: string, aparte: string, ops: OperacionesArchivo): void {
  try {
    ops.enlazar(file, aparte)
  } catch {
    ops.borrar(aparte)
    ops.copiar(file, aparte)
    ops.sincronizar(aparte)
  }
}

/**
 * Replaces the database with a checked backup, as a transaction of files: the backup is copied to
 * a temporary file beside the target and flushed; the current file (and its -wal) is kept under
 * a new name by a hard link; then one rename puts the copy in place. Whatever step fails, the
 * path holds a database that opens (the old one, or the restored one), and the old file is never
 * overwritten. Refused while the app or the bridge has the file open.
 */
export function restaurar(
  ruta: string,
  desde: string,
  ops: OperacionesArchivo = archivosReales,
  ahora: Date = new Date()
): Restaurado {
  // Through a link, the real file is replaced (and its marks looked up), not the link.
  const dbPath = rutaReal(ruta)
  comprobarRuta(dbPath)
  if (mismoArchivo(desde, dbPath))
    throw new AppError(
      'entrada_invalida',
      'El respaldo elegido es la misma base de datos que se quiere reemplazar. Elija un archivo de la carpeta de respaldos. No se modificó nada.'
    )
  const v = verificarArchivo(desde)
  // The backup is fine: only the stray file beside it has to go (it is never used).
  if (v.walAjeno)
    throw new AppError(
      'entrada_invalida',
      `No se puede restaurar desde ese archivo todavía. ${v.motivo} No se modificó nada.`
    )
  if (!v.ok)
    throw new AppError(
      'entrada_invalida',
      // "Restaure el último respaldo" would send the user back to this very file.
      `No se puede restaurar desde ese archivo: ${v.motivo!.replace(/\s*Restaure el último respaldo\.?/, '.').replace(/\.\.$/, '.')} Este respaldo no sirve: elija otro de la carpeta de respaldos. No se modificó nada.`
    )
  const soltar = tomarParaRestaurar(dbPath)
  try {
    return reemplazar(dbPath, desde, ops, ahora)
  } finally {
    soltar()
  }
}

/** A name for the current file beside it that no earlier restore has used. */
function nombreAparte(dbPath: string, ahora: Date): string {
  // The pid keeps two restores of the same second (from two programs) apart.
  const base = `${dbPath}.antes-de-restaurar-${sello(ahora)}-${process.pid}`
  let n = 1
  let nombre = base
  while (fs.existsSync(nombre) || fs.existsSync(`${nombre}-wal`)) nombre = `${base}-${++n}`
  return nombre
}

/** The replaced file's mode (always writable by its owner), or 0644 for a new file. */
function modoPara(dbPath: string): number {
  try {
    return (fs.statSync(dbPath).mode & 0o777) | 0o600
  } catch {
    return 0o644
  }
}

/**
 * Temporary copies left by a restore that was killed: this process's own, and those whose process
 * is gone. One whose pid still runs is never touched, even though we hold the restore's mark (an
 * empty mark can be taken for stale). The pid is looked up on this computer: another computer's
 * restore on a shared folder holds its mark, which refuses ours before we get here.
 */
function quitarRestos(dbPath: string, desde: string): void {
  const dir = path.dirname(dbPath)
  const base = `${path.basename(dbPath)}.`
  const resto = /^(\d+)\.restaurando\.tmp(-journal|-wal|-shm)?$/
  // The chosen backup (or its side files) is never a leftover, whatever its name looks like.
  const origen = rutaReal(desde)
  const delOrigen = (f: string): boolean =>
    ['', '-wal', '-shm', '-journal'].some((s) => rutaReal(f) === `${origen}${s}`) ||
    mismoArchivo(f, desde)
  for (const n of fs.readdirSync(dir)) {
    const pid = n.startsWith(base) ? resto.exec(n.slice(base.length))?.[1] : undefined
    const f = path.join(dir, n)
    if (pid && (Number(pid) === process.pid || !pidVivo(Number(pid))) && !delOrigen(f))
      fs.rmSync(f, { force: true })
  }
}

/**
 * True when the -wal beside the current file comes from another database: it is never
 * checkpointed (its pages would overwrite the file) but kept aside untouched with the file.
 */
function walDeOtra(dbPath: string): boolean {
  return (
    fs.existsSync(`${dbPath}-wal`) &&
    cabeceraSqlite(dbPath) &&
    verificarArchivo(dbPath).walAjeno === true
  )
}

function reemplazar(
  dbPath: string,
  desde: string,
  ops: OperacionesArchivo,
  ahora: Date
): Restaurado {
  const tmp = `${dbPath}.${process.pid}.restaurando.tmp`
  const wal = `${dbPath}-wal`
  const journal = `${dbPath}-journal`
  quitarRestos(dbPath, desde)
  const existe = fs.existsSync(dbPath)
  // Side files left without their database go aside too: SQLite would replay an old -wal over
  // the restored backup (a mix that never existed).
  const lateral = [wal, journal, `${dbPath}-shm`].some((f) => fs.existsSync(f))
  const aparte = existe || lateral ? nombreAparte(dbPath, ahora) : null
  const ajeno = existe && walDeOtra(dbPath)
  // A stray hot journal goes aside first: opening the file would roll it back into it.
  const journalAparte = aparte && fs.existsSync(journal) ? `${aparte}-journal` : null
  if (journalAparte) fs.renameSync(journal, journalAparte)
  let soltar: (() => void) | null = null
  try {
    soltar = existe && !ajeno && cabeceraSqlite(dbPath) ? tomarExclusivo(dbPath) : null
  } catch (e) {
    if (journalAparte) fs.renameSync(journalAparte, journal)
    throw nadaCambio('restaurar el respaldo')(e)
  }
  try {
    return cambiar(dbPath, { tmp, wal, journal, aparte, journalAparte, ajeno, existe }, desde, ops)
  } finally {
    soltar?.()
  }
}

interface Plan {
  tmp: string
  wal: string
  journal: string
  aparte: string | null
  journalAparte: string | null
  ajeno: boolean
  existe: boolean
}

function cambiar(dbPath: string, p: Plan, desde: string, ops: OperacionesArchivo): Restaurado {
  const { tmp, wal, aparte, ajeno } = p
  const walAparte = aparte !== null && fs.existsSync(wal) ? `${aparte}-wal` : null
  let walQuitado = false
  // Back to how it was: the old -wal and journal return, the copies made so far go. It never
  // throws past the error that made it run (a name too long fails here too).
  const deshacer = (): void => {
    try {
      fs.rmSync(tmp, { force: true })
      if (walQuitado) ops.enlazar(walAparte!, wal)
      if (walAparte) fs.rmSync(walAparte, { force: true })
      if (p.journalAparte) fs.renameSync(p.journalAparte, p.journal)
      if (aparte && p.existe) fs.rmSync(aparte, { force: true })
    } catch {
      // the set-aside copies hold the last commits: they stay
    }
  }
  try {
    copiaTemporal(desde, tmp, modoPara(dbPath), ops)
    if (aparte && p.existe) conservar(dbPath, aparte, ops)
    if (walAparte) {
      conservar(wal, walAparte, ops)
      // The old -wal must not meet the restored file: it is kept aside (above) and taken away.
      ops.borrar(wal)
      walQuitado = true
    }
    ops.renombrar(tmp, dbPath)
  } catch (error) {
    deshacer()
    throw nadaCambio('restaurar el respaldo')(error)
  }
  // The -wal's index goes with it (kept aside only as a courtesy); SQLite rebuilds it.
  const shm = `${dbPath}-shm`
  if (aparte && fs.existsSync(shm)) {
    try {
      fs.linkSync(shm, `${aparte}-shm`)
    } catch {
      // not needed to open the set-aside file
    }
  }
  fs.rmSync(shm, { force: true })
  if (!p.existe && aparte) {
    const puestos = ['-wal', '-shm', '-journal'].filter((s) => fs.existsSync(`${aparte}${s}`))
    return {
      copiaAnterior: null,
      aviso: `Los archivos auxiliares que quedaban sin su base de datos se dejaron aparte, sin mezclarlos con el respaldo: ${puestos.map((s) => `"${path.basename(aparte)}${s}"`).join(', ')}.`
    }
  }
  if (!ajeno) return { copiaAnterior: p.existe ? aparte : null }
  const n = path.basename(dbPath)
  return {
    copiaAnterior: aparte,
    aviso: `El archivo "${n}-wal" que estaba junto a "${n}" no le corresponde (viene de otra base de datos o está dañado): se dejó sin tocar junto a la copia anterior, como "${path.basename(aparte!)}-wal".`
  }
}
