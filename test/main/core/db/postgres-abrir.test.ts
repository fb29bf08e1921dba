import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { DatabaseOpenError } from '../../../../src/main/core/db/open'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { createAppApi } from '../../../../src/main/core/api'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { destinoDe } from '../../../helpers/postgres-pruebas'

// Opening the app's database on a real server (postgres/abrir.ts): a new one is created once,
// whoever opens it first; anything the app did not make, or made newer, or with a protection
// gone, is refused in Spanish before a write; the actor of a call reaches the history.

let servidor: ServidorPostgres
let n = 0

async function consulta<T extends pg.QueryResultRow>(base: string, texto: string) {
  const c = new pg.Client({ connectionString: servidor.url.replace(/\/postgres$/, `/${base}`) })
  await c.connect()
  try {
    return (await c.query<T>(texto)).rows
  } finally {
    await c.end()
  }
}

async function nuevaBase(): Promise<string> {
  const base = `abrir_${++n}`
  await consulta('postgres', `create database ${base}`)
  return base
}

const abrir = (base: string) => abrirPostgres(destinoDe(servidor.url, base), { maximo: 3 })

async function rechazo(base: string): Promise<DatabaseOpenError> {
  const e = await abrir(base).then(
    () => null,
    (error: unknown) => error
  )
  expect(e).toBeInstanceOf(DatabaseOpenError)
  return e as DatabaseOpenError
}

beforeAll(async () => {
  servidor = await iniciarPostgres()
}, 60_000)
afterAll(() => servidor?.detener())

describe('the app database on a PostgreSQL server', () => {
  it('creates and seeds a new one once, at the latest version, and reopens it unchanged', async () => {
    const base = await nuevaBase()
    const app = await abrir(base)
    expect(app.dialecto).toBe('postgres')
    expect(app.created).toBe(true)
    expect(app.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(app.path).toBe(`postgres://mitp@127.0.0.1:${servidor.puerto}/${base}`)
    await app.close()
    const otra = await abrir(base)
    expect(otra.created).toBe(false)
    await otra.close()
    const versiones = await consulta<{ v: number }>(
      base,
      'select version as v from schema_migrations'
    )
    expect(versiones.map((r) => r.v).sort((a, b) => a - b)).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1)
    )
    expect(await consulta(base, 'select id from planes')).toHaveLength(1)
  })

  it('is created once when several open an empty database at the same moment', async () => {
    const base = await nuevaBase()
    const apps = await Promise.all([abrir(base), abrir(base), abrir(base), abrir(base)])
    expect(apps.filter((a) => a.created).length).toBeGreaterThanOrEqual(1)
    for (const a of apps) await a.close()
    expect(await consulta(base, 'select id from planes')).toHaveLength(1)
    expect(await consulta(base, 'select id from ejes')).toHaveLength(
      (await consulta<{ n: number }>(base, 'select count(distinct id) as n from ejes'))[0]!.n
    )
  })

  it("refuses another application's database and writes nothing to it", async () => {
    const base = await nuevaBase()
    await consulta(base, 'create table clientes (id int)')
    const e = await rechazo(base)
    expect(e.reason).toBe('base_ajena')
    expect(e.message).toMatch(/otra aplicación/)
    const tablas = await consulta<{ t: string }>(
      base,
      "select tablename as t from pg_tables where schemaname = 'public'"
    )
    expect(tablas.map((r) => r.t)).toEqual(['clientes'])
  })

  it('refuses a database of a newer version of the app', async () => {
    const base = await nuevaBase()
    await (await abrir(base)).close()
    await consulta(
      base,
      `insert into schema_migrations values (${LATEST_SCHEMA_VERSION + 1}, 'futura', '2030-01-01')`
    )
    const e = await rechazo(base)
    expect(e.reason).toBe('version_mas_nueva')
    expect(e.message).toMatch(/versión más nueva/)
  })

  it('refuses a database whose protecting trigger was dropped or disabled outside the app', async () => {
    const base = await nuevaBase()
    await (await abrir(base)).close()
    await consulta(base, 'alter table sesiones disable trigger historial_sesiones_update')
    expect((await rechazo(base)).reason).toBe('archivo_danado')
    await consulta(base, 'alter table sesiones enable trigger historial_sesiones_update')
    await (await abrir(base)).close()
    await consulta(base, 'drop trigger sellos_acuerdos_delete on acuerdos')
    const e = await rechazo(base)
    expect(e.reason).toBe('archivo_danado')
    expect(e.message).toMatch(/perdió protecciones/)
  })

  it('says in Spanish that a server is unreachable, and that no local file was used', async () => {
    const e = await abrirPostgres({ ...destinoDe(servidor.url, 'x'), puerto: 1 }).then(
      () => null,
      (error: unknown) => error as DatabaseOpenError
    )
    expect(e?.reason).toBe('servidor_inalcanzable')
    expect(e?.message).toMatch(/rechazó la conexión.*ningún archivo local/s)
  })

  it('records who made a write, from the call, in the history', async () => {
    const base = await nuevaBase()
    const app = await abrir(base)
    try {
      const api = createAppApi(app, { version: 'test' })
      await api['perfil:guardar']({ nombre: 'Ana Pérez', institucion: 'SERNAM' })
      const i = await api['institucion:crear']({ sigla: 'XYZ', nombre: 'Institución de prueba' })
      const filas = await consulta<{ actor: string; institucion: string; canal: string }>(
        base,
        `select actor, institucion, canal from historial where tabla = 'instituciones' and fila_id = '${i.id}'`
      )
      expect(filas).toEqual([
        { actor: 'Ana Pérez', institucion: 'SERNAM', canal: 'institucion:crear' }
      ])
    } finally {
      await app.close()
    }
  })
})
