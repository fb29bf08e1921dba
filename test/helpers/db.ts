import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  openAppDatabase,
  type AppDatabaseSqlite,
  type OpenAppDatabaseOptions
} from '../../src/main/core/db/open'
import { abrirPostgres } from '../../src/main/core/db/postgres/abrir'
import { basePostgresDePrueba, urlPostgresDePrueba } from './postgres-pruebas'
import { createAppApi } from '../../src/main/core/api'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/main/core/db/schema'
import type { ApiHandlers } from '../../src/shared/api/contract'
import type { PdfPrinter } from '../../src/main/core/actas/documentos/archivo'
import type { Evento } from '../../src/shared/api/eventos'

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'mitp-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

export interface TestApp {
  /**
   * Typed as the file's: the tests that reach for the SQLite connection (`handle`) or the file
   * are the ones vitest.postgres.config.mts leaves out of the PostgreSQL run.
   */
  app: AppDatabaseSqlite
  api: ApiHandlers
  file: string
  close: () => Promise<void>
  /** Another connection to the same database (a second person at another computer). */
  otraConexion?: () => Promise<AppDatabaseSqlite>
}

/** In the PostgreSQL run, a database of the test's own on the test server. */
async function abrirDePrueba(
  options: OpenAppDatabaseOptions,
  file: string
): Promise<{
  app: AppDatabaseSqlite
  borrar: () => Promise<void>
  otra: () => Promise<AppDatabaseSqlite>
}> {
  const url = urlPostgresDePrueba()
  if (!url)
    return {
      app: await openAppDatabase(file, options),
      borrar: async () => {},
      otra: () => openAppDatabase(file, { seed: false })
    }
  const { destino, borrar } = await basePostgresDePrueba(url, options.seed !== false)
  const abrir = (seed: boolean) =>
    abrirPostgres(destino, { seed, maximo: 4 }) as unknown as Promise<AppDatabaseSqlite>
  return { app: await abrir(options.seed !== false), borrar, otra: () => abrir(false) }
}

/** A real database file, migrated and seeded, with the API over it. */
export async function openTestApp(
  options: OpenAppDatabaseOptions & {
    printPdf?: PdfPrinter
    reloj?: () => Date
    /** Where the core's events (task progress) go; dropped unless given. */
    alEvento?: (evento: Evento) => void
  } = {}
): Promise<TestApp> {
  const { dir, cleanup } = tempDir()
  const file = path.join(dir, 'mitp.db')
  const { app, borrar, otra } = await abrirDePrueba(options, file)
  const api = createAppApi(app, {
    version: 'test',
    printPdf: options.printPdf ?? null,
    ...(options.reloj ? { reloj: options.reloj } : {}),
    ...(options.alEvento ? { alEvento: options.alEvento } : {})
  })
  const t: TestApp = {
    app,
    api,
    file,
    otraConexion: otra,
    // Closes whichever database the test holds at the end (it may have reopened the file).
    close: async () => {
      await t.app.close()
      await borrar()
      cleanup()
    }
  }
  return t
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Every row of every table, in a stable order: compare two to prove nothing was written. */
export async function dbSnapshot(db: Kysely<Database>): Promise<string> {
  // kysely's catalog reader: SQLite's sqlite_master or PostgreSQL's, the same tables by name.
  const tables = (await db.introspection.getTables())
    .filter((t) => !t.isView && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort()
  const parts: unknown[] = []
  for (const name of tables) {
    parts.push(name, (await sql`select * from ${sql.table(name)} order by 1`.execute(db)).rows)
  }
  return JSON.stringify(parts)
}
