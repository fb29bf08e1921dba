import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { AppError } from './errors'
import { explicar } from './causas'

/**
 * Who has a database file open, told through small files beside it: each program that opens the
 * file (the app, the bridge) writes `<archivo>.en-uso-<pid>-<n>` and removes it on closing; a
 * restore writes `<archivo>.restaurando` (created exclusively). Each side writes its own file
 * first and then looks for the other's, so a restore and an opening can never both go ahead. A
 * file left by a program that died (its process is gone on this computer) does not count.
 */
interface Marca {
  pid: number
  equipo: string
  desde: string
  /** The PID namespace (Linux: /proc/self/ns/pid) and boot the pid belongs to. */
  espacio?: string
  arranque?: string
  /** The mark's file name, for the message (not written). */
  archivo?: string
}

function leerSistema(file: string, enlace: boolean): string | undefined {
  try {
    return enlace ? fs.readlinkSync(file) : fs.readFileSync(file, 'utf8').trim()
  } catch {
    return undefined
  }
}
const ESPACIO = leerSistema('/proc/self/ns/pid', true)
const ARRANQUE = leerSistema('/proc/sys/kernel/random/boot_id', false)

const propia = (): Marca => ({
  pid: process.pid,
  equipo: os.hostname(),
  desde: new Date().toISOString(),
  ...(ESPACIO ? { espacio: ESPACIO } : {}),
  ...(ARRANQUE ? { arranque: ARRANQUE } : {})
})

/**
 * True while the process that wrote the mark still runs. Its pid means something only where it
 * was written: another computer's mark always counts (we cannot look; the message names the file
 * so IT can delete it after a crash), and so does one from another PID namespace on this computer
 * (a container sharing the folder: its pid, looked up here, could be anyone or no one). A mark
 * from an earlier boot of this computer is dead whatever its pid.
 */
function viva(m: Marca): boolean {
  if (m.equipo !== os.hostname()) return true
  if (m.arranque && ARRANQUE && m.arranque !== ARRANQUE) return false
  if (m.espacio && ESPACIO && m.espacio !== ESPACIO) return true
  return pidVivo(m.pid)
}

/** True while a process with this pid runs on this computer (in this PID namespace). */
export function pidVivo(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function leer(file: string): Marca | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Marca>
    return typeof m.pid === 'number' && typeof m.equipo === 'string' ? (m as Marca) : null
  } catch {
    return null
  }
}

/** The live marks of programs that have `dbPath` open; stale ones are removed on the way. */
export function quienesUsan(ruta: string, excepto?: string): Marca[] {
  const dbPath = rutaReal(ruta)
  const dir = path.dirname(dbPath)
  const prefijo = `${path.basename(dbPath)}.en-uso-`
  let nombres: string[]
  try {
    nombres = fs.readdirSync(dir).filter((n) => n.startsWith(prefijo))
  } catch {
    return []
  }
  const vivas: Marca[] = []
  for (const n of nombres) {
    const f = path.join(dir, n)
    if (f === excepto) continue
    const m = leer(f)
    // A mark being written right now reads empty: count it, to be safe.
    if (!m) vivas.push({ pid: 0, equipo: '?', desde: '' })
    else if (viva(m)) vivas.push({ ...m, archivo: n })
    else fs.rmSync(f, { force: true })
  }
  return vivas
}

const deOtroEquipo = (m: Marca | undefined): boolean =>
  !!m && m.pid > 0 && m.equipo !== os.hostname()

export const MENSAJE_EN_USO = (quien: Marca[]): string =>
  `La base de datos está abierta en Secretaría MITP${quien[0] && quien[0].pid > 0 ? ` (proceso ${quien[0].pid}${deOtroEquipo(quien[0]) ? ` en el equipo ${quien[0].equipo}` : ''})` : ''}. Cierre la aplicación (y el modo navegador) antes de restaurar un respaldo.${deOtroEquipo(quien[0]) && quien[0]!.archivo ? ` Desde aquí no se puede saber si sigue abierta en ese equipo: si ese equipo se apagó o la aplicación se cerró mal, borre el archivo ${quien[0]!.archivo} (junto a la base de datos) y vuelva a intentarlo.` : ''} No se modificó nada.`

/**
 * The file a path names, links followed, so every name of one file shares its marks and a
 * restore replaces the file, not a link to it. A missing file: its folder's real path.
 */
export function rutaReal(ruta: string): string {
  try {
    return fs.realpathSync(ruta)
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(ruta)), path.basename(ruta))
    } catch {
      return path.resolve(ruta)
    }
  }
}

/** Far longer than a restore takes (a copy and a rename): a mark this old was left behind. */
export const MARCA_VIEJA_MS = 60 * 60_000

/**
 * Why the app does not open: a restore's mark, named. One from another computer or too old may
 * be left behind, but is never deleted for the user (that computer may really be restoring).
 */
export function mensajeRestaurando(file: string, m: Marca): string {
  const edad = Date.now() - Date.parse(m.desde)
  const vieja = Number.isFinite(edad) && edad > MARCA_VIEJA_MS
  const otro = deOtroEquipo(m)
  const base = `Se está restaurando un respaldo sobre esta base de datos${otro ? ` desde el equipo ${m.equipo}` : ''} (lo indica el archivo ${file}${m.desde ? `, del ${m.desde.slice(0, 16).replace('T', ' ')} UTC` : ''}).`
  if (!otro && !vieja) return `${base} Espere a que termine y vuelva a abrir la aplicación.`
  const duda = otro
    ? 'Desde aquí no se puede saber si ese equipo sigue restaurando'
    : 'Ese archivo es de hace más de una hora: la restauración probablemente se interrumpió'
  return `${base} ${duda}. Si no hay ninguna restauración en curso (el equipo se apagó o la aplicación se cerró mal), borre el archivo ${file} y vuelva a abrir la aplicación; si la hay, espere a que termine.`
}

/**
 * Marks `dbPath` as open by this program; the returned function removes the mark. Where the mark
 * cannot be written (a full disk) the file still opens: a restore could not be written there either.
 */
export function marcarEnUso(ruta: string): () => void {
  const dbPath = rutaReal(ruta)
  const file = `${dbPath}.en-uso-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  const soltar = (): void => fs.rmSync(file, { force: true })
  try {
    fs.writeFileSync(file, JSON.stringify(propia()), { flag: 'wx' })
  } catch {
    soltar()
  }
  const restauracion = leer(`${dbPath}.restaurando`)
  if (restauracion && viva(restauracion)) {
    soltar()
    throw new AppError('conflicto', mensajeRestaurando(`${dbPath}.restaurando`, restauracion))
  }
  return soltar
}

/** How long an empty mark may be another restore's, between its creation and its write. */
export const MARCA_RECIEN_MS = 5_000

/** A mark written a moment ago: one that reads empty may be another restore's, still being written. */
function recien(file: string): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false })
  return !!st && Date.now() - st.mtimeMs < MARCA_RECIEN_MS
}

const noSeRestauro = (e: unknown): AppError =>
  new AppError(
    'conflicto',
    `${explicar(e, 'restaurar el respaldo') ?? `No se pudo restaurar el respaldo (${String(e)}).`} No se modificó nada.`
  )

/**
 * Takes the restore's mark, refusing while anyone has the file open; returns its release. A mark
 * whose writer is gone, or that is empty or unreadable (a full disk cut its write), is stale.
 * `escribir` is replaceable so tests can make the write fail as a full disk does.
 */
export function tomarParaRestaurar(
  ruta: string,
  escribir: (fd: number, datos: string) => void = (fd, datos) => void fs.writeSync(fd, datos)
): () => void {
  const dbPath = rutaReal(ruta)
  const file = `${dbPath}.restaurando`
  const previa = leer(file)
  if (fs.existsSync(file) && !(previa && viva(previa)) && !(!previa && recien(file)))
    fs.rmSync(file, { force: true })
  let fd: number
  try {
    fd = fs.openSync(file, 'wx')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AppError(
        'conflicto',
        `Ya se está restaurando un respaldo sobre esta base de datos. Si no es así (la aplicación se cerró mal), borre el archivo ${file} y vuelva a intentarlo.`
      )
    // A read-only folder, say: nothing was touched yet, and the message says so.
    throw noSeRestauro(e)
  }
  try {
    escribir(fd, JSON.stringify(propia()))
  } catch (e) {
    // An empty mark left behind would refuse every later restore.
    fs.closeSync(fd)
    fs.rmSync(file, { force: true })
    throw noSeRestauro(e)
  }
  fs.closeSync(fd)
  const soltar = (): void => fs.rmSync(file, { force: true })
  const quien = quienesUsan(dbPath)
  if (quien.length > 0) {
    soltar()
    throw new AppError('conflicto', MENSAJE_EN_USO(quien))
  }
  return soltar
}
