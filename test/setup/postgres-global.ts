import pg from 'pg'
import { iniciarPostgres } from '../helpers/postgres-servidor'
import { destinoDe, PLANTILLAS, VARIABLE_POSTGRES } from '../helpers/postgres-pruebas'
import { abrirPostgres } from '../../src/main/core/db/postgres/abrir'

/**
 * Starts the real server for the PostgreSQL run and makes its two templates (migrated, seeded or
 * not) through the app's own open; the test processes read its address from the environment.
 */
async function plantillas(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    for (const [sembrada, nombre] of [
      [true, PLANTILLAS.sembrada],
      [false, PLANTILLAS.vacia]
    ] as const) {
      await admin.query(`create database ${nombre}`)
      const app = await abrirPostgres(destinoDe(url, nombre), { seed: sembrada, maximo: 2 })
      await app.close()
    }
  } finally {
    await admin.end()
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const servidor = await iniciarPostgres()
  try {
    await plantillas(servidor.url)
  } catch (error) {
    await servidor.detener()
    throw error
  }
  process.env[VARIABLE_POSTGRES] = servidor.url
  return () => servidor.detener()
}
