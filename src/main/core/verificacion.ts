import fs from 'node:fs'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { explicar } from './causas'
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
    v.ok || v.schemaVersion > 0 || !fs.existsSync(file) || !hasSqliteHeader(file)
      ? null
      : walAjeno(file, 'revisar')
  return ajeno ? { ok: false, motivo: ajeno, schemaVersion: 0, filas: {}, walAjeno: true } : v
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
