import crypto from 'node:crypto'
import fs from 'node:fs'
import { RUTA_DESCARGAS } from '../../shared/sistema/contract'

/**
 * Files the core offers for download («Respaldar ahora»): too big for a string (V8 caps one near
 * 512 MB) or for a call's answer, so the host streams them from disk by a one-time id. An anchor
 * click cannot send the bridge's token, so the id itself is the capability: random, used once,
 * short-lived, and it names only a file the core registered here, never a path from a request.
 */
export interface Descarga {
  archivo: string
  /** The name the user is offered. */
  nombre: string
  bytes: number
  /** A folder made only for this file, removed once it is served (or expires). */
  temporal: string | null
}

/** Long enough for the page to click the link it was given; an anchor asks at once. */
export const PLAZO_DESCARGA_MS = 5 * 60_000

export { RUTA_DESCARGAS }

const vigentes = new Map<string, Descarga & { vence: number }>()

const ID = /^[0-9a-f]{64}$/

function soltar(d: Descarga): void {
  try {
    if (d.temporal) fs.rmSync(d.temporal, { recursive: true, force: true })
  } catch {
    // Still open elsewhere (Windows refuses to remove it): the system's temp folder keeps it.
  }
}

/** Drops the offers nobody took in time (and their temporary copies). */
function vencer(ahora: number): void {
  for (const [id, d] of vigentes)
    if (d.vence <= ahora) {
      vigentes.delete(id)
      soltar(d)
    }
}

/** Registers a file for one download; returns its id. */
export function ofrecerDescarga(d: Descarga, ahora = Date.now()): string {
  vencer(ahora)
  const id = crypto.randomBytes(32).toString('hex')
  vigentes.set(id, { ...d, vence: ahora + PLAZO_DESCARGA_MS })
  // Its temporary copy goes when the offer expires, even if nothing else is offered or asked
  // (a whole database: 733 MB at ×10). The timer does not keep the thread alive.
  if (d.temporal)
    setTimeout(
      () => vencer(Date.now()),
      Math.max(0, ahora + PLAZO_DESCARGA_MS - Date.now()) + 50
    ).unref()
  return id
}

/** Closing: every offer not taken is dropped, with its temporary copy. */
export function soltarDescargas(): void {
  for (const d of vigentes.values()) soltar(d)
  vigentes.clear()
}

/** The file for an id, once: null for an unknown, used or expired id (or a file now gone). */
export function tomarDescarga(id: string, ahora = Date.now()): Descarga | null {
  vencer(ahora)
  if (!ID.test(id)) return null
  const d = vigentes.get(id)
  vigentes.delete(id)
  if (!d) return null
  const { vence: _, ...descarga } = d
  if (!fs.existsSync(descarga.archivo)) return null
  return descarga
}

/** The id in a request's path (`/descargas/<id>`), or null when the path is anything else. */
export function idDeRuta(ruta: string): string | null {
  if (!ruta.startsWith(RUTA_DESCARGAS)) return null
  const id = ruta.slice(RUTA_DESCARGAS.length).split('?')[0] ?? ''
  return ID.test(id) ? id : null
}

/** The response headers: an attachment, so the browser (and Electron's will-download) saves it. */
export function cabecerasDescarga(d: Descarga): Record<string, string> {
  const ascii = d.nombre.replace(/[^\w.-]/g, '_')
  return {
    'content-type': 'application/vnd.sqlite3',
    'content-length': String(d.bytes),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.nombre)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  }
}

/**
 * The file as a stream, read a chunk at a time: memory stays the same whatever its size. Its
 * temporary folder goes when the stream closes, read to the end or not.
 */
export function leerDescarga(d: Descarga): fs.ReadStream {
  const flujo = fs.createReadStream(d.archivo)
  flujo.once('close', () => soltar(d))
  return flujo
}
