import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// The service reads and writes `.mitp` files by path; the API moves them as base64 (the page
// downloads what it exports, and hands over the file the user picked), so each call works in a
// private temporary folder, removed afterwards.

/** A file name safe in any folder, from what the user's file was called. */
export function nombreSeguro(nombre: string): string {
  const base = path
    .basename(nombre.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '-')
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
  return base || 'paquete.mitp'
}

/** Runs `f` with a fresh temporary folder, removed afterwards whatever happens. */
export async function enCarpetaTemporal<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-paquete-'))
  try {
    return await f(dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The package the user picked, written under its own name (the service's messages name it). */
export function escribirRecibido(dir: string, archivo: string, base64: string): string {
  const ruta = path.join(dir, nombreSeguro(archivo))
  fs.writeFileSync(ruta, Buffer.from(base64, 'base64'))
  return ruta
}

const paraNombre = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40) || 'socio'

const marca = (d: Date): string =>
  d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13)

/** `paquete-<from>-para-<to>-<date>.mitp`: who sent it to whom, told apart on a USB stick. */
export function nombrePaquete(de: string, para: string, ahora: Date): string {
  return `paquete-${paraNombre(de)}-para-${paraNombre(para)}-${marca(ahora)}.mitp`
}

/**
 * Where the automatic backup before an import goes: the backups folder beside the database
 * (the app's own «respaldos», listed by the recovery screen), named as its backups are.
 */
export function destinoRespaldo(dbPath: string, ahora: Date): string {
  const dir = path.join(path.dirname(path.resolve(dbPath)), 'respaldos')
  fs.mkdirSync(dir, { recursive: true })
  const sello = ahora.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  // Two imports in the same second each keep the state before them.
  for (let n = 1; ; n++) {
    const destino = path.join(
      dir,
      `secretaria-mitp-${sello}-antes-de-paquete${n > 1 ? `-${n}` : ''}.db`
    )
    if (!fs.existsSync(destino)) return destino
  }
}
