import { sql, type Kysely } from 'kysely'
import type pg from 'pg'
import type { Database } from '../schema'
import { describirDestino, type DestinoPostgres } from '../destino'
import { crearKyselyPostgres, crearPool } from './conexion'
import { explicarPostgres } from './errores'
import { DatabaseOpenError, type AppDatabase } from '../open'
import { LATEST_SCHEMA_VERSION } from '../migrations'
import { currentSchemaVersion, migrate } from '../migrator'
import { proteccionesFaltantesPostgres } from './esquema/protecciones'
import { seedPlanInicial } from '../../seed/plan-inicial'

// Any number the app alone uses: the lock taken while a server's schema is created or migrated.
const CANDADO_APERTURA = 7213_2026

const MENSAJE_SIN_PROTECCION_SERVIDOR =
  'La base del servidor perdió protecciones de la aplicación (actas aprobadas, historial de cambios o períodos cerrados): fue modificada fuera de la aplicación. No se abrió; consulte a informática (restaurar el último pg_dump).'

export interface OpcionesPostgres {
  seed?: boolean
  /** Connections kept open (the app's core needs few; a test's two clients each have theirs). */
  maximo?: number
}

/**
 * The first connection, which tells an unreachable server, a wrong password or a missing database
 * apart, in Spanish. 'preferido' tries TLS first and goes without only when the server has none,
 * as libpq's sslmode=prefer. Never falls back to a local file: the caller gets the error.
 */
export async function conectar(d: DestinoPostgres, maximo: number): Promise<pg.Pool> {
  const intentos = d.tls === 'preferido' ? [true, false] : [d.tls !== 'desactivado']
  let ultimo: unknown
  for (const conTls of intentos) {
    const pool = crearPool(d, conTls, maximo)
    try {
      const cliente = await pool.connect()
      cliente.release()
      return pool
    } catch (error) {
      await pool.end().catch(() => {})
      ultimo = error
      if (!/does not support SSL/i.test(String((error as Error)?.message))) break
    }
  }
  throw explicarPostgres(d, ultimo)
}

/** Tables of ours or of anyone else in the schema the app would use. */
async function tablasPresentes(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema()`.execute(db)
  return rows.map((r) => r.tablename)
}

/** Refuses a database of another application, or one from a newer version of this one. */
async function revisar(d: DestinoPostgres, db: Kysely<Database>): Promise<void> {
  const tablas = await tablasPresentes(db)
  if (tablas.length > 0 && !tablas.includes('schema_migrations')) {
    throw new DatabaseOpenError(
      'base_ajena',
      `La base «${d.base}» del servidor tiene tablas de otra aplicación. No se modificó; pida a informática una base vacía para Secretaría MITP.`
    )
  }
  if (!tablas.includes('schema_migrations')) return
  const version = await currentSchemaVersion(db)
  if (version > LATEST_SCHEMA_VERSION) {
    throw new DatabaseOpenError(
      'version_mas_nueva',
      `La base del servidor fue creada por una versión más nueva de Secretaría MITP (esquema ${version}; esta versión conoce hasta el ${LATEST_SCHEMA_VERSION}). Actualice la aplicación. No se modificó la base.`
    )
  }
}

/** Opens (migrating and seeding a new one) the app's database on a PostgreSQL server. */
export async function abrirPostgres(
  d: DestinoPostgres,
  opciones: OpcionesPostgres = {}
): Promise<AppDatabase> {
  const pool = await conectar(d, opciones.maximo ?? 10)
  const db = crearKyselyPostgres(pool)
  try {
    await revisar(d, db)
    const vacia = (await tablasPresentes(db)).length === 0
    // Two instances opening one new server at once must not both create or seed it.
    const { to } = await db.connection().execute(async (c) => {
      await sql`select pg_advisory_lock(${CANDADO_APERTURA})`.execute(c)
      try {
        const hecho = await migrate(c)
        if (
          (await proteccionesFaltantesPostgres(c as unknown as Kysely<unknown>, hecho.to)).length >
          0
        )
          throw new DatabaseOpenError('archivo_danado', MENSAJE_SIN_PROTECCION_SERVIDOR)
        if (opciones.seed !== false) await seedPlanInicial(c)
        return hecho
      } finally {
        await sql`select pg_advisory_unlock(${CANDADO_APERTURA})`.execute(c)
      }
    })
    return {
      db,
      handle: null,
      dialecto: 'postgres',
      path: describirDestino(d),
      schemaVersion: to,
      created: vacia,
      close: () => db.destroy()
    }
  } catch (error) {
    await db.destroy()
    throw error instanceof DatabaseOpenError ? error : explicarPostgres(d, error)
  }
}
