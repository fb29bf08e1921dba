import fs from 'node:fs'
import path from 'node:path'
import type { SqliteHandle } from './db/sqlite'
import { AppError } from './errors'
import { causaDe, explicar, MENSAJES_CAUSA } from './causas'
import { motivoDestinoProtegido } from './destino-protegido'
import { leerSinTocarAsync, verificarArchivo, type Verificacion } from './verificacion'
import { ARCHIVO_LATERAL, LATERAL, queEs } from './restaurar-destino'

export { verificarArchivo, type Verificacion }
export { restaurar, type OperacionesArchivo } from './restaurar'

/**
 * Backups with SQLite's online backup API: written under a temporary name, checked (integrity,
 * schema version, row counts), and only then renamed into place. Rotation keeps the newest 30
 * plus every backup taken before a migration.
 */
export type MotivoRespaldo = 'diario' | 'aprobacion' | 'manual' | `antes-de-migrar-v${number}`

export const CONSERVAR = 30
/** How long a backup may go without copying a page before it gives up (another program holds a lock). */
export const PLAZO_RESPALDO_MS = 30_000

export const MENSAJE_RESPALDO_DETENIDO = (segundos: number): string =>
  `El respaldo no avanzó en ${segundos} segundos: la base de datos está bloqueada por otro programa (otra copia de Secretaría MITP, un antivirus o un programa de sincronización). Ciérrelo y vuelva a intentarlo. No se escribió ningún respaldo.`

/** The same file, by name, through a link, or by inode. */
function mismoArchivo(a: string, b: string): boolean {
  try {
    if (fs.realpathSync(a) === fs.realpathSync(b)) return true
    const x = fs.statSync(a)
    const y = fs.statSync(b)
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    return path.resolve(a) === path.resolve(b)
  }
}

/** True when `file` holds (or has the side files of) a SQLite database. */
function esBaseDeDatos(file: string): boolean {
  if (fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-journal`)) return true
  try {
    const fd = fs.openSync(file, 'r')
    try {
      const cabecera = Buffer.alloc(16)
      fs.readSync(fd, cabecera, 0, 16, 0)
      return cabecera.toString('latin1') === 'SQLite format 3\u0000'
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    return false
  }
}

/**
 * Refuses a backup destination that is a database, so a backup chosen by hand (`cli backup
 * --out`) can never replace a live file (its stale -wal would corrupt the result) or its source.
 */
export function comprobarDestino(origen: string, destino: string): void {
  const rechazo = (motivo: string): AppError =>
    new AppError(
      'entrada_invalida',
      `No se puede respaldar en "${destino}": ${motivo}. No se escribió ningún respaldo.`
    )
  // Another database's side file: renamed over, it would replace that database's last commits.
  if (ARCHIVO_LATERAL.test(destino)) throw rechazo(LATERAL(path.basename(destino)))
  const st = fs.statSync(destino, { throwIfNoEntry: false })
  const no = st ? queEs(st) : null
  if (no) throw rechazo(no)
  // better-sqlite3 would say it in English ("Cannot save backup because the directory does not exist").
  if (!fs.statSync(path.dirname(destino), { throwIfNoEntry: false })?.isDirectory())
    throw rechazo(`la carpeta "${path.dirname(destino)}" no existe. Créela o elija otra`)
  // SQLite would say only that it cannot open the file: a read-only mount or folder is named.
  try {
    fs.accessSync(path.dirname(destino), fs.constants.W_OK)
  } catch {
    throw rechazo(
      `la carpeta "${path.dirname(destino)}" es de solo lectura (o no tiene permiso para escribir en ella). Elija otra carpeta`
    )
  }
  if (mismoArchivo(origen, destino))
    throw new AppError(
      'entrada_invalida',
      `${destino} es la misma base de datos que se respalda. Elija otro nombre. No se escribió ningún respaldo.`
    )
  if (esBaseDeDatos(destino))
    throw new AppError(
      'entrada_invalida',
      `Ya existe una base de datos en ${destino}; un respaldo no la reemplaza. Elija otro nombre (o bórrela usted si ya no sirve). No se escribió ningún respaldo.`
    )
}

/**
 * Copies the live database to `destino` through a checked temporary file. SQLite's online backup
 * retries for as long as the source is locked; it gives up after `plazoMs` without progress.
 */
export async function respaldar(
  handle: SqliteHandle,
  destino: string,
  plazoMs: number = PLAZO_RESPALDO_MS,
  /** Pages copied per step: few where the copy shares its thread with the screens' calls. */
  paginas = 100
): Promise<Verificacion> {
  const protegido = motivoDestinoProtegido(destino, handle.name)
  if (protegido) throw new AppError('entrada_invalida', protegido)
  const tmp = `${destino}.${process.pid}.tmp`
  const restos = [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]
  restos.forEach((f) => fs.rmSync(f, { force: true }))
  try {
    let quedan = Infinity
    let desde = Date.now()
    await handle.backup(tmp, {
      progress: ({ remainingPages }) => {
        if (remainingPages < quedan) {
          quedan = remainingPages
          desde = Date.now()
        } else if (Date.now() - desde > plazoMs)
          throw new AppError('ocupado', MENSAJE_RESPALDO_DETENIDO(Math.round(plazoMs / 1000)))
        return paginas
      }
    })
    const v = verificarArchivo(tmp)
    const esperado = (
      handle.prepare('select coalesce(max(version), 0) as v from schema_migrations').get() as {
        v: number
      }
    ).v
    if (!v.ok) throw new Error(`El respaldo no pasó la verificación: ${v.motivo}`)
    if (v.schemaVersion !== esperado)
      throw new Error('El respaldo no tiene la versión de esquema de la base de datos.')
    fs.renameSync(tmp, destino)
    return v
  } catch (e) {
    const causa = e instanceof AppError ? null : explicar(e, 'hacer el respaldo')
    throw causa ? new AppError('conflicto', `${causa} No se escribió ningún respaldo.`) : e
  } finally {
    restos.forEach((f) => fs.rmSync(f, { force: true }))
  }
}

/**
 * A backup of a database file this program does not have open (`cli backup`), read as the checks
 * read it: through a private copy when nobody has it open, so a read-only file (another user's,
 * or on read-only media) can be backed up without SQLite creating its -shm beside it.
 */
export function respaldarArchivo(origen: string, destino: string): Promise<Verificacion> {
  return leerSinTocarAsync(origen, (h) => respaldar(h, destino))
}

export interface Respaldo {
  archivo: string
  nombre: string
  fecha: string
  motivo: string
  bytes: number
}

/**
 * `secretaria-mitp-<date>-<time>[-<n>]-<reason>.db`: the second and later backups taken in the
 * same second carry their order (2, 3…), so none replaces another. A reason starts with a letter.
 */
const PATRON = /^secretaria-mitp-(\d{8})-(\d{6})(?:-(\d+))?-([a-z][a-z0-9-]*)\.db$/

export function listarRespaldos(dir: string): Respaldo[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .map((nombre) => ({ nombre, m: PATRON.exec(nombre) }))
    .filter((x): x is { nombre: string; m: RegExpExecArray } => x.m !== null)
    .map(({ nombre, m }) => ({
      // Newest first: by date and time, then by order within the same second.
      orden: `${m[1]}${m[2]}${(m[3] ?? '1').padStart(9, '0')}`,
      r: {
        archivo: path.join(dir, nombre),
        nombre,
        fecha: `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6)}T${m[2]!.slice(0, 2)}:${m[2]!.slice(2, 4)}:${m[2]!.slice(4)}Z`,
        motivo: m[4]!,
        bytes: fs.statSync(path.join(dir, nombre)).size
      }
    }))
    .sort((a, b) => b.orden.localeCompare(a.orden) || b.r.nombre.localeCompare(a.r.nombre))
    .map((x) => x.r)
}

const sello = (d: Date): string =>
  d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

/**
 * An automatic backup into `dir`. A daily one is skipped when today's exists. Returns the
 * file written, or null when none was needed.
 */
export async function respaldoAutomatico(
  handle: SqliteHandle,
  dir: string,
  motivo: MotivoRespaldo,
  ahora: Date = new Date(),
  paginas?: number
): Promise<string | null> {
  crearCarpeta(dir)
  const hoy = sello(ahora).slice(0, 8)
  if (
    motivo === 'diario' &&
    listarRespaldos(dir).some((r) => r.motivo === 'diario' && r.nombre.includes(`-${hoy}-`))
  )
    return null
  const destino = reservarNombre(dir, sello(ahora), motivo)
  try {
    await respaldar(handle, destino, PLAZO_RESPALDO_MS, paginas)
  } finally {
    fs.rmSync(`${destino}${RESERVA}`, { force: true })
  }
  rotarRespaldos(dir)
  return destino
}

/** The folder of automatic backups, or why it cannot be made, in Spanish (Node says it in English). */
function crearCarpeta(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
  } catch (e) {
    const causa = causaDe(e)
    const por =
      (e as NodeJS.ErrnoException).code === 'EEXIST'
        ? 'en su lugar hay un archivo, no una carpeta'
        : causa
          ? MENSAJES_CAUSA[causa]
          : 'el sistema no lo permitió'
    throw new AppError(
      'conflicto',
      `No se pudo crear la carpeta de respaldos "${dir}": ${por}. No se escribió ningún respaldo.`
    )
  }
}

/** Beside a backup's name while it is being written: the name is taken (never listed itself). */
const RESERVA = '.reservado'

/**
 * A name no other backup has, taken by creating its reservation exclusively: two backups in the
 * same second, even from two threads, get two files. The file itself appears only once checked.
 */
function reservarNombre(dir: string, marca: string, motivo: MotivoRespaldo): string {
  for (let n = 1; ; n++) {
    const destino = path.join(dir, `secretaria-mitp-${marca}${n > 1 ? `-${n}` : ''}-${motivo}.db`)
    if (fs.existsSync(destino)) continue
    try {
      fs.closeSync(fs.openSync(`${destino}${RESERVA}`, 'wx'))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue
      const causa = explicar(e, 'hacer el respaldo')
      throw causa ? new AppError('conflicto', `${causa} No se escribió ningún respaldo.`) : e
    }
    // Written (and its reservation let go) between the two looks: taken after all.
    if (!fs.existsSync(destino)) return destino
    fs.rmSync(`${destino}${RESERVA}`, { force: true })
  }
}

/** A reservation or a copy this old was left by a crash mid-backup (a backup never takes a day). */
const RESERVA_HUERFANA_MS = 24 * 60 * 60 * 1000

/** What a backup writes before it is checked: its reservation and its copy (a whole database). */
const A_MEDIAS = /^secretaria-mitp-.*\.db(\.reservado|\.\d+\.tmp(-journal|-wal|-shm)?)$/

/** Keeps the newest 30 backups, and every one taken before a migration. */
export function rotarRespaldos(dir: string, ahora = Date.now()): string[] {
  for (const f of fs.readdirSync(dir).filter((n) => A_MEDIAS.test(n))) {
    const archivo = path.join(dir, f)
    // Another thread's backup may let its reservation go meanwhile.
    const st = fs.statSync(archivo, { throwIfNoEntry: false })
    if (st && ahora - st.mtimeMs > RESERVA_HUERFANA_MS) fs.rmSync(archivo, { force: true })
  }
  const borrados: string[] = []
  const comunes = listarRespaldos(dir).filter((r) => !r.motivo.startsWith('antes-de-migrar'))
  for (const r of comunes.slice(CONSERVAR)) {
    fs.rmSync(r.archivo, { force: true })
    borrados.push(r.nombre)
  }
  return borrados
}

/** The newest backup that passes verification, for the recovery screen. */
export function ultimoRespaldoBueno(dir: string): Respaldo | null {
  return listarRespaldos(dir).find((r) => verificarArchivo(r.archivo).ok) ?? null
}
