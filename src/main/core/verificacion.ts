import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { explicar } from './causas'
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

/** What IT staff read when a -wal beside a database is not its own. */
export function mensajeWalAjeno(file: string): string {
  const n = path.basename(file)
  return `Junto al archivo está «${n}-wal», que no es suyo: es de otra base de datos (quedó al copiar archivos a esa carpeta, o de una base de datos anterior con el mismo nombre). El archivo, leído sin él, está en buen estado. Mueva «${n}-wal» y «${n}-shm» (si está) a otra carpeta, sin borrarlos hasta saber de dónde vienen, y vuelva a intentarlo.`
}

/**
 * SQLite applies whatever -wal lies beside a file (nothing in it names its database): one left by
 * another database replaces pages, and the file looks damaged or foreign. When the file read
 * alone (a copy, elsewhere) passes, the -wal is the cause.
 */
function walAjeno(file: string, nativeBinding?: string): boolean {
  const wal = `${file}-wal`
  if (!fs.existsSync(wal) || fs.statSync(wal).size === 0) return false
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-sin-wal-'))
  try {
    const solo = path.join(dir, 'solo.db')
    fs.copyFileSync(file, solo)
    return revisar(solo, nativeBinding).ok
  } catch {
    return false
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Checks a database file read-only: SQLite header, quick_check, schema version, row counts; a
 * stray -wal beside it is named as the cause when it is one.
 */
export function verificarArchivo(file: string, nativeBinding?: string): Verificacion {
  const v = revisar(file, nativeBinding)
  if (v.ok || !fs.existsSync(file) || !hasSqliteHeader(file) || !walAjeno(file, nativeBinding))
    return v
  return { ok: false, motivo: mensajeWalAjeno(file), schemaVersion: 0, filas: {}, walAjeno: true }
}

function revisar(file: string, nativeBinding?: string): Verificacion {
  const falla = (motivo: string): Verificacion => ({
    ok: false,
    motivo,
    schemaVersion: 0,
    filas: {}
  })
  if (!fs.existsSync(file)) return falla('El archivo no existe.')
  if (fs.statSync(file).size === 0 || !hasSqliteHeader(file))
    return falla('No es una base de datos SQLite.')
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f))
  let h: SqliteHandle | undefined
  try {
    h = openSqlite(file, { readonly: true, nativeBinding })
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
  } catch (e) {
    return falla(
      explicar(e, 'leer el archivo') ??
        `No se pudo leer (${e instanceof Error ? e.message : String(e)}).`
    )
  } finally {
    h?.close()
    for (const f of sideFiles) fs.rmSync(f, { force: true })
  }
}
