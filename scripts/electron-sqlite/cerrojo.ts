import fs from 'node:fs'
import path from 'node:path'

/**
 * One preparation at a time per project: two `npm run dev` at once would otherwise remove each
 * other's work folders and race on the renames. The lock names its process; a lock whose process
 * is gone (killed with SIGKILL, power cut) is taken over.
 */
export const CERROJO = '.build-electron.lock'

/** Blocks this thread: the preparation is synchronous from start to end. */
export function dormir(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export function vivo(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function dueno(archivo: string): number | null {
  try {
    return Number(JSON.parse(fs.readFileSync(archivo, 'utf8')).pid)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
    // Half-written by a process killed between open and write: nobody holds it.
    if (e instanceof SyntaxError) return 0
    throw e
  }
}

export class CerrojoOcupado extends Error {
  constructor(readonly pid: number) {
    super(`otra preparación (proceso ${pid}) sigue en curso`)
  }
}

export interface Espera {
  /** How long to wait for another live run before giving up, in ms. */
  maximo: number
  avisar: (linea: string) => void
}

/** Takes the lock (waiting for a live holder), and returns how to release it. */
export function tomarCerrojo(raiz: string, espera: Espera): () => void {
  const archivo = path.join(raiz, CERROJO)
  const hasta = Date.now() + espera.maximo
  let avisado = false
  for (;;) {
    try {
      const fd = fs.openSync(archivo, 'wx')
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, desde: new Date().toISOString() }))
      fs.closeSync(fd)
      return () => fs.rmSync(archivo, { force: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const pid = dueno(archivo)
    if (pid === null) continue
    if (!vivo(pid) || pid === process.pid) {
      quitarSiSigue(archivo, pid)
      continue
    }
    if (Date.now() > hasta) throw new CerrojoOcupado(pid)
    if (!avisado) espera.avisar(`Otra preparación (proceso ${pid}) está en curso; esperando…`)
    avisado = true
    dormir(250)
  }
}

/** Removes a dead run's lock, unless another run took it over meanwhile. */
function quitarSiSigue(archivo: string, pid: number): void {
  const aparte = `${archivo}.${process.pid}`
  try {
    fs.renameSync(archivo, aparte)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    throw e
  }
  const movido = dueno(aparte)
  // Moved a live run's fresh lock by mistake: put it back if the place is still free.
  if (movido !== pid && movido !== null && vivo(movido) && !fs.existsSync(archivo))
    fs.renameSync(aparte, archivo)
  fs.rmSync(aparte, { force: true })
}
