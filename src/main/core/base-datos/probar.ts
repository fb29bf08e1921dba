import { sql } from 'kysely'
import type { DestinoPostgres } from '../db/destino'
import { DatabaseOpenError } from '../db/open'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { currentSchemaVersion } from '../db/migrator'
import { conectar } from '../db/postgres/abrir'
import { crearKyselyPostgres } from '../db/postgres/conexion'
import { explicarPostgres } from '../db/postgres/errores'
import type { ResultadoPrueba } from '../../../shared/base-datos/contract'

/**
 * «Probar conexión»: connects with exactly these settings and says what it found, changing
 * nothing (no migration, no seed): the version of the app's schema, an empty database that
 * the app would prepare, or why it could not connect, in the words opening would use.
 */
export async function probarConexion(d: DestinoPostgres): Promise<ResultadoPrueba> {
  let pool
  try {
    pool = await conectar(d, 1)
  } catch (e) {
    return fallo(e instanceof DatabaseOpenError ? e : explicarPostgres(d, e))
  }
  const db = crearKyselyPostgres(pool)
  try {
    const { rows } = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = current_schema()`.execute(db)
    const tablas = rows.map((r) => r.tablename)
    if (tablas.length === 0)
      return {
        ok: true,
        version: null,
        mensaje: 'Conexión correcta: base vacía, se preparará al usar.'
      }
    if (!tablas.includes('schema_migrations'))
      return {
        ok: false,
        version: null,
        mensaje: `La conexión funciona, pero la base «${d.base}» tiene tablas de otra aplicación: la aplicación no la usará. Pida a informática una base vacía para Secretaría MITP.`
      }
    const version = await currentSchemaVersion(db)
    if (version > LATEST_SCHEMA_VERSION)
      return {
        ok: false,
        version,
        mensaje: `La conexión funciona, pero la base tiene el esquema versión ${version}, de una versión más nueva de la aplicación (esta conoce hasta la ${LATEST_SCHEMA_VERSION}). Actualice la aplicación.`
      }
    const pendiente =
      version < LATEST_SCHEMA_VERSION
        ? ` Se actualizará a la ${LATEST_SCHEMA_VERSION} al usarla.`
        : ''
    return {
      ok: true,
      version,
      mensaje: `Conexión correcta: la base tiene el esquema de Secretaría MITP versión ${version}.${pendiente}`
    }
  } catch (e) {
    return fallo(explicarPostgres(d, e))
  } finally {
    await db.destroy()
  }
}

const fallo = (e: DatabaseOpenError): ResultadoPrueba => ({
  ok: false,
  version: null,
  mensaje: e.message
})
