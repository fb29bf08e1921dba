import pg from 'pg'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/core/db/migrations'
import { MENSAJE_APROBADA } from '../../../../src/main/core/sesiones/acta-guard'
import type { ServidorPostgres } from '../../../helpers/postgres-servidor'
import {
  bloqueDelReadme,
  CLAVE_ROL,
  appDe,
  archivoConActa,
  destinoDelRol,
  migrarAlServidor,
  psqlComoElReadme,
  servidorComoElReadme
} from '../../../helpers/postgres-readme'
import { caller } from '../../../helpers/sesiones'
import { tempDir } from '../../../helpers/db'

// README «Base de datos compartida (PostgreSQL, para informática)»: its blocks that create the
// role and the database, run as written by the superuser, are all the app needs. The app opens
// that database as the role (scram password, TLS verified with the CA): it migrates, seeds and
// writes through the API; a laptop's file moved there with the README's `migrar` keeps its
// approved acta sealed, in the API and in the server itself. And the role cannot do what it
// should not.

let servidor: ServidorPostgres
let ca: string
let dir: string
let limpiar: () => void

beforeAll(async () => {
  ;({ dir, cleanup: limpiar } = tempDir('mitp-pg-rol-'))
  const r = await servidorComoElReadme(dir)
  servidor = r.servidor
  ca = r.certs.ca
}, 120_000)

afterAll(async () => {
  await servidor?.detener()
  limpiar?.()
})

/** A connection of the role's own, as psql would have it (scram over TLS). */
async function comoRol<T>(f: (c: pg.Client) => Promise<T>, base = 'mitp'): Promise<T> {
  const c = new pg.Client({
    host: '127.0.0.1',
    port: servidor.puerto,
    user: 'mitp_app',
    password: CLAVE_ROL,
    database: base,
    ssl: { rejectUnauthorized: false }
  })
  await c.connect()
  try {
    return await f(c)
  } finally {
    await c.end()
  }
}

const codigoDe = (p: Promise<unknown>) =>
  p.then(
    () => 'sin error',
    (e: { code?: string }) => e.code
  )

/** IT drops the database and creates it again with the README's block (or a broken one). */
async function baseDeNuevo(sqlBase = bloqueDelReadme('mitp:crear-base')): Promise<void> {
  const admin = new pg.Client({ connectionString: servidor.url })
  await admin.connect()
  await admin.query('drop database if exists mitp with (force)')
  await admin.end()
  psqlComoElReadme(servidor, sqlBase, dir)
}

const tablasDelRol = () =>
  comoRol((c) =>
    c.query<{ esquema: string; dueno: string }>(
      `select distinct schemaname as esquema, tableowner as dueno from pg_tables
       where schemaname not in ('pg_catalog', 'information_schema')`
    )
  ).then((r) => r.rows)

describe('the README role and database suffice for the app', () => {
  it('opens a new database as the role: migrated, seeded, written; all in its schema', async () => {
    const t = appDe(await abrirPostgres(destinoDelRol(servidor, 'verificar', ca), { maximo: 2 }))
    try {
      expect(t.app.created).toBe(true)
      expect(t.app.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      const { ok } = caller(t)
      expect((await ok('plan:listar', undefined)).length).toBe(1)
      await ok('institucion:crear', { sigla: 'SENDA', nombre: 'Servicio Nacional' })
      expect((await ok('busqueda:buscar', { texto: 'SÉNDA' })).total).toBeGreaterThan(0)
    } finally {
      await t.close()
    }
    expect(await tablasDelRol()).toEqual([{ esquema: 'mitp', dueno: 'mitp_app' }])
    // A second notebook opens it: nothing to migrate, its protections found.
    const otra = await abrirPostgres(destinoDelRol(servidor, 'requerido'), { maximo: 1 })
    expect(otra.created).toBe(false)
    await otra.close()
  })

  it('without unaccent created by IT the role cannot open it; once created, it opens', async () => {
    const sinExtension = bloqueDelReadme('mitp:crear-base').replace(/^create extension.*$/im, '')
    await baseDeNuevo(sinExtension)
    await expect(abrirPostgres(destinoDelRol(servidor, 'requerido'))).rejects.toThrow(
      /El usuario «mitp_app» no tiene permiso.*La aplicación no usó ningún archivo local/
    )
    // Nothing half made: the schema is created in one transaction; only the empty list of
    // versions the app keeps remains, and the next open starts over.
    const quedan = await comoRol((c) =>
      c.query(
        'select tablename, (select count(*) from schema_migrations)::int as n from pg_tables where schemaname = $1',
        ['mitp']
      )
    )
    expect(quedan.rows).toEqual([{ tablename: 'schema_migrations', n: 0 }])
    psqlComoElReadme(servidor, '\\connect mitp\nCREATE EXTENSION unaccent SCHEMA mitp;\n', dir)
    const app = await abrirPostgres(destinoDelRol(servidor, 'requerido'), { maximo: 1 })
    expect(app.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await app.close()
  })

  it('with CREATE on the database instead, the app installs unaccent itself (not advised)', async () => {
    const conCreate = bloqueDelReadme('mitp:crear-base').replace(
      /^create extension.*$/im,
      'GRANT CREATE ON DATABASE mitp TO mitp_app;'
    )
    await baseDeNuevo(conCreate)
    const app = await abrirPostgres(destinoDelRol(servidor, 'requerido'), { maximo: 1 })
    await app.close()
    const r = await comoRol(async (c) => ({
      extension: (
        await c.query(`select n.nspname as esquema, r.rolname as dueno from pg_extension e
          join pg_namespace n on n.oid = e.extnamespace join pg_roles r on r.oid = e.extowner
          where e.extname = 'unaccent'`)
      ).rows,
      esquema: await codigoDe(c.query('create schema suyo'))
    }))
    // Why the README has IT create it: that privilege also lets the role make schemas.
    expect(r).toEqual({ extension: [{ esquema: 'mitp', dueno: 'mitp_app' }], esquema: 'sin error' })
  })

  it("moves a laptop's file with migrar as the role; the approved acta stays sealed", async () => {
    await baseDeNuevo()
    const { archivo, f } = await archivoConActa(dir)
    const r = await migrarAlServidor(servidor, archivo)
    expect(r.err).toBe('')
    expect(r.out).toMatch(/Verificado: las \d+ tablas tienen las mismas filas/)
    expect(r.code).toBe(0)
    const t = appDe(await abrirPostgres(destinoDelRol(servidor, 'verificar', ca), { maximo: 2 }))
    try {
      const { ok, call } = caller(t)
      const escrito = await ok('punto:actualizar', {
        id: f.borrador.punto,
        titulo: 'Cuenta',
        desarrollo: 'Escrito en el servidor.'
      })
      expect(escrito.desarrollo).toBe('Escrito en el servidor.')
      expect(
        await call('punto:actualizar', { id: f.aprobada.punto, titulo: 'X', desarrollo: 'X' })
      ).toEqual({ ok: false, error: { code: 'solo_lectura', message: MENSAJE_APROBADA } })
      // The server's own triggers refuse it too, on the role's own connection.
      await expect(
        sql`update puntos_tabla set desarrollo = 'X' where id = ${f.aprobada.punto}`.execute(
          t.app.db
        )
      ).rejects.toThrow(/aprobada/i)
    } finally {
      await t.close()
    }
  })
})

describe('what the role cannot do', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: servidor.url.replace(/\/postgres$/, '/mitp') })
    await admin.connect()
    await admin.query('create schema otra; create table otra.secreto (x text)')
    await admin.end()
  })

  it.each([
    ['create a database', 'create database otra_base'],
    ['create a role', 'create role intruso'],
    ['create a schema', 'create schema suyo'],
    ['create in public', 'create table public.t (x int)'],
    ['read another schema', 'select * from otra.secreto'],
    ['switch off every trigger of its session', 'set session_replication_role = replica'],
    ['install an extension', 'create extension pg_trgm']
  ])('cannot %s', async (_, sentencia) => {
    expect(await comoRol((c) => codigoDe(c.query(sentencia)))).toBe('42501')
  })

  it('is no superuser, and pg_hba lets it reach its database only', async () => {
    const r = await comoRol((c) =>
      c.query(
        'select rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls from pg_roles where rolname = current_user'
      )
    )
    expect(Object.values(r.rows[0] as object)).toEqual([false, false, false, false, false])
    expect(await codigoDe(comoRol(async () => {}, 'postgres'))).toBe('28000')
  })
})
