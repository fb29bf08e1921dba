import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servirBaseDatos } from '../../../../src/main/core/base-datos/handlers'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { tempDir } from '../../../helpers/db'

// «Probar conexión» through the channel the page calls, against a real PostgreSQL server.

let servidor: ServidorPostgres
const dir = tempDir('mitp-probar-')

beforeAll(async () => {
  servidor = await iniciarPostgres()
  const c = new pg.Client({ connectionString: servidor.url })
  await c.connect()
  await c.query('create database vacia')
  await c.query('create database usada')
  await c.end()
}, 60_000)
afterAll(async () => {
  await servidor?.detener()
  dir.cleanup()
})

const probar = (cambios: Record<string, unknown>) =>
  servirBaseDatos(
    {
      archivo: `${dir.dir}/base-datos.json`,
      cifrado: null,
      enUso: () => 'archivo.db',
      reiniciar: null,
      elegirArchivo: null
    },
    () => {}
  )('conexion:probar', {
    host: '127.0.0.1',
    puerto: servidor.puerto,
    base: 'vacia',
    usuario: 'mitp',
    tls: 'preferido',
    ca: null,
    clave: '',
    ...cambios
  })!

describe('«Probar conexión» against a real server', () => {
  it('finds an empty database, and changes nothing in it', async () => {
    expect(await probar({})).toEqual({
      ok: true,
      value: {
        ok: true,
        version: null,
        mensaje: 'Conexión correcta: base vacía, se preparará al usar.'
      }
    })
    // Still empty: the test neither migrates nor seeds.
    expect(await probar({})).toMatchObject({ value: { version: null } })
  })

  it('reads the schema version of a database the app has used', async () => {
    const app = await abrirPostgres({
      tipo: 'postgres',
      host: '127.0.0.1',
      puerto: servidor.puerto,
      base: 'usada',
      usuario: 'mitp',
      tls: 'desactivado'
    })
    await app.close()
    expect(await probar({ base: 'usada', tls: 'desactivado' })).toEqual({
      ok: true,
      value: {
        ok: true,
        version: LATEST_SCHEMA_VERSION,
        mensaje: `Conexión correcta: la base tiene el esquema de Secretaría MITP versión ${LATEST_SCHEMA_VERSION}.`
      }
    })
  })

  it('says in Spanish that nothing answers on a wrong port', async () => {
    const r = await probar({ puerto: servidor.puerto === 1 ? 2 : 1 })
    expect(r).toMatchObject({ ok: true, value: { ok: false, version: null } })
    const { mensaje } = (r as { value: { mensaje: string } }).value
    expect(mensaje).toMatch(/^El servidor 127\.0\.0\.1:\d+ rechazó la conexión/)
    expect(mensaje).toContain('La aplicación no usó ningún archivo local en su lugar.')
  })

  it('says in Spanish that the database does not exist', async () => {
    const r = await probar({ base: 'no_existe' })
    expect(r).toMatchObject({ ok: true, value: { ok: false, version: null } })
    expect((r as { value: { mensaje: string } }).value.mensaje).toMatch(
      /^La base «no_existe» no existe en el servidor 127\.0\.0\.1:\d+\./
    )
  })
})
