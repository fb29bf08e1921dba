import { hoyChile } from '../../../shared/domain/fechas'
import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from './schema'
import { MENSAJE_SIN_PROTECCION, proteccionesFaltantes } from './protecciones'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { currentSchemaVersion, ensureMigrationsTable, migrate } from './migrator'
import { respaldoAutomatico } from '../respaldos'
import {
  createKysely,
  hasSqliteHeader,
  inspectReadonly,
  openSqlite,
  quickCheck,
  tableExists,
  type SqliteHandle,
  type SqliteOpenOptions
} from './sqlite'
import { seedPlanInicial } from '../seed/plan-inicial'
import { causaDe } from '../causas'
import { porCausa, sinPermiso, walAjeno } from './diagnostico'

export type OpenFailure =
  | 'ruta_invalida'
  | 'no_es_base_de_datos'
  | 'archivo_danado'
  | 'version_mas_nueva'
  | 'base_ajena'
  | 'sin_permiso'
  | 'wal_ajeno'
  | 'en_uso'
  | 'servidor_inalcanzable'
  | 'credenciales'
  | 'fallo_servidor'

/** Why a database file could not be opened, in words for the user. Nothing was written. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    message: string
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

interface AppDatabaseBase {
  db: Kysely<Database>
  /** The file, or the server's postgres://user@host:port/database (never with a password). */
  path: string
  schemaVersion: number
  created: boolean
  close(): Promise<void>
}

export interface AppDatabaseSqlite extends AppDatabaseBase {
  dialecto: 'sqlite'
  handle: SqliteHandle
}

/** On a PostgreSQL server (#17) there is no file: backups are the server's (pg_dump). */
export interface AppDatabasePostgres extends AppDatabaseBase {
  dialecto: 'postgres'
  handle: null
}

export type AppDatabase = AppDatabaseSqlite | AppDatabasePostgres

export interface OpenAppDatabaseOptions extends Pick<SqliteOpenOptions, 'nativeBinding'> {
  /** Seed the 2013-2014 plan into a new file (default true). */
  seed?: boolean
  /** Where to keep a backup taken before migrating an existing file. */
  respaldosDir?: string
}

/**
 * Opens (or creates) the app's database: inspects an existing file read-only first, refusing
 * a damaged, foreign or newer file before anything is written to it; then migrates and seeds.
 */
export async function openAppDatabase(
  file: string,
  options: OpenAppDatabaseOptions = {}
): Promise<AppDatabaseSqlite> {
  const full = path.resolve(file)
  const exists = inspectPath(full)
  // True when this open ran the day's integrity check (and it passed): stamped below.
  const revisada = exists && inspectExisting(full, options)

  let handle: SqliteHandle
  try {
    handle = openSqlite(full, { nativeBinding: options.nativeBinding })
  } catch (error) {
    throw explicado(full, error)
  }
  const db = createKysely(handle)
  try {
    if (exists && options.respaldosDir) {
      await ensureMigrationsTable(db)
      const from = await currentSchemaVersion(db)
      if (from < LATEST_SCHEMA_VERSION)
        await respaldoAutomatico(handle, options.respaldosDir, `antes-de-migrar-v${from}`)
    }
    const { to } = await migrate(db)
    if (revisada) handle.pragma(`user_version = ${diaDeHoy()}`)
    // A file whose protecting triggers were dropped outside the app is not opened for writing.
    if ((await proteccionesFaltantes(db, to)).length > 0)
      throw new DatabaseOpenError('archivo_danado', MENSAJE_SIN_PROTECCION)
    if (options.seed !== false) await seedPlanInicial(db)
    return {
      db,
      handle,
      dialecto: 'sqlite',
      path: full,
      schemaVersion: to,
      created: !exists,
      close: () => db.destroy()
    }
  } catch (error) {
    await db.destroy()
    throw explicado(full, error)
  }
}

/** A full disk, a lock or a permission met while opening, said in Spanish; others unchanged. */
function explicado(full: string, error: unknown): unknown {
  if (error instanceof DatabaseOpenError) return error
  const mensaje = porCausa(full, error)
  if (!mensaje) return error
  const causa = causaDe(error)
  return new DatabaseOpenError(
    causa === 'sin_permiso' ? 'sin_permiso' : causa === 'bloqueado' ? 'en_uso' : 'ruta_invalida',
    mensaje
  )
}

function inspectPath(full: string): boolean {
  const dir = path.dirname(full)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new DatabaseOpenError('ruta_invalida', `La carpeta "${dir}" no existe.`)
  }
  if (fs.existsSync(full) && !fs.statSync(full).isFile()) {
    throw new DatabaseOpenError('ruta_invalida', `"${full}" no es un archivo.`)
  }
  const permiso = sinPermiso(full)
  if (permiso) throw new DatabaseOpenError('sin_permiso', permiso)
  return fs.existsSync(full) && fs.statSync(full).size > 0
}

/**
 * The file is looked at through SQLite only. Opening and closing it with `fs` in this process
 * would drop every POSIX lock SQLite holds on it for the other threads' connections (locks
 * belong to the process), and another program could then delete the live -wal with the
 * acknowledged writes in it. The header is read with `fs` only once SQLite has refused it.
 */
function inspectExisting(full: string, options: OpenAppDatabaseOptions): boolean {
  try {
    return inspectReadonly(full, options, (handle) => inspectSchema(full, handle))
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB' && !hasSqliteHeader(full)) {
      throw new DatabaseOpenError(
        'no_es_base_de_datos',
        `"${full}" no es una base de datos SQLite. No se modificó el archivo.`
      )
    }
    // A lock, a permission, a full disk: said by its cause. A stray -wal makes a sound file
    // look damaged or foreign: said as what it is.
    const explicacion = explicado(full, error)
    if (explicacion !== error) throw explicacion
    const ajeno =
      error instanceof DatabaseOpenError && error.reason === 'version_mas_nueva'
        ? null
        : walAjeno(full)
    if (ajeno) throw new DatabaseOpenError('wal_ajeno', ajeno)
    if (error instanceof DatabaseOpenError) throw error
    throw new DatabaseOpenError(
      'archivo_danado',
      `La base de datos "${full}" está dañada (${error instanceof Error ? error.message : String(error)}). No se modificó el archivo; restaure un respaldo.`
    )
  }
}

/**
 * quick_check reads every page (163 ms on 6,000 sessions, 400 times a bare open): it runs on the
 * first open of each day, and the day it passed is kept in the file's header (user_version, which
 * nothing else uses). A backup is checked on its own when written and before it is restored.
 */
// Chile's day, not UTC's: the check would otherwise come back at 20:00 or 21:00, mid-evening.
const diaDeHoy = (): number => Number(hoyChile().replaceAll('-', ''))

/** Refuses a damaged, foreign or newer file; true when it ran the day's quick_check. */
function inspectSchema(full: string, handle: SqliteHandle): boolean {
  const revisar = handle.pragma('user_version', { simple: true }) !== diaDeHoy()
  if (revisar) {
    const check = quickCheck(handle)
    if (check !== 'ok') throw new Error(check)
  }
  if (!tableExists(handle, 'schema_migrations')) {
    const tables = handle
      .prepare("select count(*) as n from sqlite_master where type = 'table'")
      .get() as {
      n: number
    }
    if (tables.n > 0) {
      throw new DatabaseOpenError(
        'base_ajena',
        `"${full}" es una base de datos de otra aplicación. No se modificó el archivo.`
      )
    }
    return revisar
  }
  const row = handle
    .prepare('select coalesce(max(version), 0) as v from schema_migrations')
    .get() as {
    v: number
  }
  if (row.v > LATEST_SCHEMA_VERSION) {
    throw new DatabaseOpenError(
      'version_mas_nueva',
      `La base de datos fue creada por una versión más nueva de Secretaría MITP (esquema ${row.v}; esta versión conoce hasta el ${LATEST_SCHEMA_VERSION}). Actualice la aplicación. No se modificó el archivo.`
    )
  }
  return revisar
}
