import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { explicar, MENSAJES_CAUSA } from './causas'
import { walAjeno } from './db/diagnostico'
import {
  hasSqliteHeader,
  openSqlite,
  quickCheck,
  tableExists,
  type SqliteHandle
} from './db/sqlite'

const TABLAS = ['planes', 'acciones', 'sesiones', 'acuerdos'] as const

export interface Verificacion {
  ok: boolean
  motivo: string | null
  schemaVersion: number
  filas: Record<string, number>
  /** The file is fine; a -wal beside it from another database is what fails (see walAjeno). */
  walAjeno?: true
}

/**
 * Checks a database file read-only: SQLite header, quick_check, schema version, row counts; a
 * stray -wal beside it is named as the cause when it is one.
 */
export function verificarArchivo(file: string, nativeBinding?: string): Verificacion {
  const v = revisar(file, nativeBinding)
  // Not for a newer version's file: its own -wal would be taken for a stray one.
  const ajeno =
    v.ok || v.schemaVersion > 0 || !esArchivo(file) || !cabeceraLegible(file)
      ? null
      : walAjeno(file, 'revisar')
  return ajeno ? { ok: false, motivo: ajeno, schemaVersion: 0, filas: {}, walAjeno: true } : v
}

/** An unreadable file (another user's) has no header to look at: revisar already said why. */
function cabeceraLegible(file: string): boolean {
  try {
    return hasSqliteHeader(file)
  } catch {
    return false
  }
}

function esArchivo(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function revisar(file: string, nativeBinding?: string): Verificacion {
  const falla = (motivo: string): Verificacion => ({
    ok: false,
    motivo,
    schemaVersion: 0,
    filas: {}
  })
  try {
    const st = fs.statSync(file)
    if (st.isDirectory()) return falla(`No se pudo leer el archivo: ${MENSAJES_CAUSA.es_carpeta}.`)
    if (st.size === 0 || !hasSqliteHeader(file)) return falla('No es una base de datos SQLite.')
    return leerSinTocar(file, nativeBinding, (h) => contar(h, falla))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return falla('El archivo no existe.')
    // A folder in the path that is a file, a link loop, a name too long, no permission: named.
    return falla(
      explicar(e, 'leer el archivo') ??
        `No se pudo leer (${e instanceof Error ? e.message : String(e)}).`
    )
  }
}

function contar(h: SqliteHandle, falla: (motivo: string) => Verificacion): Verificacion {
  const check = quickCheck(h)
  if (check !== 'ok') return falla(`Está dañada (${check}).`)
  if (!tableExists(h, 'schema_migrations'))
    return falla('No es una base de datos de Secretaría MITP.')
  const v = (
    h.prepare('select coalesce(max(version), 0) as v from schema_migrations').get() as {
      v: number
    }
  ).v
  if (v > LATEST_SCHEMA_VERSION)
    return { ...falla(`Fue escrita por una versión más nueva (esquema ${v}).`), schemaVersion: v }
  const filas: Record<string, number> = {}
  for (const t of TABLAS)
    filas[t] = tableExists(h, t)
      ? (h.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n
      : 0
  return { ok: true, motivo: null, schemaVersion: v, filas }
}

/**
 * Runs `look` over the file opened read-only, writing nothing beside it: SQLite reading a WAL file
 * in place creates a -shm there (and a -wal), which read-only media refuse (and which would be
 * left behind where they are allowed). Where a -shm already exists, the file is open (or was, by
 * a program that died) and is read in place, under its locks. Otherwise nobody has it open: it
 * is read through a private copy of it and its -wal in the temporary folder (or in place, if that
 * copy cannot be made); side files SQLite created in place are removed again.
 */
export function leerSinTocar<T>(
  file: string,
  nativeBinding: string | undefined,
  look: (h: SqliteHandle) => T
): T {
  const lugar = lugarDeLectura(file)
  try {
    return abrirYVer(lugar.ruta, nativeBinding, look)
  } finally {
    lugar.soltar()
  }
}

/** leerSinTocar for a look that is asynchronous (kysely): the copy stays until it has finished. */
export async function leerSinTocarAsync<T>(
  file: string,
  look: (h: SqliteHandle) => Promise<T>
): Promise<T> {
  const lugar = lugarDeLectura(file)
  try {
    const h = openSqlite(lugar.ruta, { readonly: true })
    try {
      return await look(h)
    } finally {
      h.close()
    }
  } finally {
    lugar.soltar()
  }
}

/** Where to read `file` from (a private copy, or the file itself) and how to clean up after. */
function lugarDeLectura(file: string): { ruta: string; soltar: () => void } {
  if (!fs.existsSync(`${file}-shm`)) {
    const dir = copiaPrivada(file)
    if (dir)
      return {
        ruta: path.join(dir, 'copia.db'),
        soltar: () => fs.rmSync(dir, { recursive: true, force: true })
      }
  }
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f))
  return { ruta: file, soltar: () => sideFiles.forEach((f) => fs.rmSync(f, { force: true })) }
}

/** The file and its -wal copied to a fresh temporary folder, or null when that failed. */
function copiaPrivada(file: string): string | null {
  let dir: string | null = null
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-verificar-'))
    fs.copyFileSync(file, path.join(dir, 'copia.db'))
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, path.join(dir, 'copia.db-wal'))
    return dir
  } catch {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
    return null
  }
}

function abrirYVer<T>(
  file: string,
  nativeBinding: string | undefined,
  look: (h: SqliteHandle) => T
): T {
  const h = openSqlite(file, { readonly: true, nativeBinding })
  try {
    return look(h)
  } finally {
    h.close()
  }
}
