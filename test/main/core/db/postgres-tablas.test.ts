import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { openAppDatabase, type AppDatabase } from '../../../../src/main/core/db/open'
import { crearTablas } from '../../../../src/main/core/db/postgres/esquema/tablas'
import { crearBusqueda } from '../../../../src/main/core/db/postgres/esquema/busqueda'

// The PostgreSQL schema (#17) is the SQLite one at its latest version, table by table: the same
// tables, columns (type, NOT NULL, default), keys, foreign keys with their ON DELETE, and the
// same index names. Read from both catalogs, so a column or index added to one is missed here.

interface Columna {
  nombre: string
  tipo: string
  noNulo: boolean
  defecto: string | null
}

interface Esquema {
  tablas: string[]
  columnas: Record<string, Columna[]>
  indices: string[]
  claves: Record<string, string[]>
  foraneas: Record<string, string[]>
}

// SQLite's declared types as this schema maps them (tablas.ts).
const TIPOS: Record<string, string> = {
  text: 'text',
  integer: 'integer',
  real: 'double precision',
  '': 'text'
}
const ACCIONES: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT'
}
// FTS5's own tables have no counterpart: busqueda.ts makes an ordinary table instead.
const SOLO_SQLITE = new Set(['schema_migrations', 'busqueda'])
const SOLO_POSTGRES = new Set(['busqueda'])

const porTabla = <T extends { tabla: string }>(filas: T[], f: (r: T) => string) =>
  filas.reduce<Record<string, string[]>>((acc, r) => {
    ;(acc[r.tabla] ??= []).push(f(r))
    acc[r.tabla]!.sort()
    return acc
  }, {})

async function esquemaSqlite(db: Kysely<unknown>): Promise<Esquema> {
  const { rows: t } = await sql<{ name: string }>`select name from pragma_table_list
    where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(db)
  const tablas = t.map((r) => r.name).filter((n) => !SOLO_SQLITE.has(n))
  const columnas: Record<string, Columna[]> = {}
  const indices: string[] = []
  const claves: { tabla: string; k: string }[] = []
  const foraneas: { tabla: string; k: string }[] = []
  for (const tabla of tablas) {
    const { rows: cs } = await sql<{
      name: string
      type: string
      notnull: number
      pk: number
      dflt_value: string | null
    }>`select * from pragma_table_xinfo(${tabla}) where hidden <> 1 order by cid`.execute(db)
    columnas[tabla] = cs.map((c) => ({
      nombre: c.name,
      tipo: TIPOS[c.type.toLowerCase()] ?? c.type,
      // A primary key is never null on PostgreSQL; SQLite only lets it be so by an old bug.
      noNulo: c.notnull === 1 || c.pk > 0,
      defecto: c.dflt_value
    }))
    const pk = cs.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    claves.push({ tabla, k: `pk(${pk.map((c) => c.name).join(',')})` })
    const { rows: ix } = await sql<{ name: string; origin: string }>`select name, origin
      from pragma_index_list(${tabla})`.execute(db)
    for (const i of ix) {
      if (i.origin === 'c') indices.push(i.name)
      if (i.origin !== 'u') continue
      const { rows: ic } = await sql<{ name: string }>`select name from pragma_index_info(${i.name})
        order by seqno`.execute(db)
      claves.push({ tabla, k: `u(${ic.map((c) => c.name).join(',')})` })
    }
    const { rows: fk } = await sql<{ table: string; from: string; to: string; on_delete: string }>`
      select * from pragma_foreign_key_list(${tabla})`.execute(db)
    for (const f of fk) foraneas.push({ tabla, k: `${f.from}>${f.table}.${f.to} ${f.on_delete}` })
  }
  return {
    tablas: tablas.sort(),
    columnas,
    indices: indices.sort(),
    claves: porTabla(claves, (r) => r.k),
    foraneas: porTabla(foraneas, (r) => r.k)
  }
}

async function esquemaPostgres(db: Kysely<unknown>): Promise<Esquema> {
  const { rows: t } = await sql<{ tabla: string }>`select table_name as tabla
    from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
    db
  )
  const tablas = t.map((r) => r.tabla).filter((n) => !SOLO_POSTGRES.has(n))
  const { rows: cs } = await sql<{
    tabla: string
    nombre: string
    tipo: string
    nulo: string
    defecto: string | null
    colacion: string | null
  }>`select table_name as tabla, column_name as nombre, data_type as tipo, is_nullable as nulo,
      column_default as defecto, collation_name as colacion
    from information_schema.columns where table_schema = 'public'
    order by table_name, ordinal_position`.execute(db)
  const columnas: Record<string, Columna[]> = {}
  for (const c of cs.filter((c) => tablas.includes(c.tabla))) {
    // Every text column sorts bytewise, as SQLite's (tablas.ts).
    if (c.tipo === 'text') expect(c.colacion, `${c.tabla}.${c.nombre}`).toBe('C')
    ;(columnas[c.tabla] ??= []).push({
      nombre: c.nombre,
      tipo: c.tipo,
      noNulo: c.nulo === 'NO',
      defecto: c.defecto?.replace(/::text$/, '') ?? null
    })
  }
  const { rows: ix } = await sql<{ nombre: string; tabla: string }>`select i.relname as nombre,
      t.relname as tabla
    from pg_index x join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = i.relnamespace
    where n.nspname = 'public'
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`.execute(db)
  const { rows: k } = await sql<{
    tabla: string
    tipo: string
    cols: string[]
    ref: string | null
    refcols: string[] | null
    borrar: string
  }>`select r.relname as tabla, k.contype as tipo, f.relname as ref, k.confdeltype as borrar,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(n, o)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o) as cols,
      array(select a.attname::text from unnest(k.confkey) with ordinality u(n, o)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o) as refcols
    from pg_constraint k join pg_class r on r.oid = k.conrelid
      left join pg_class f on f.oid = k.confrelid
    where k.contype in ('p', 'u', 'f') and r.relnamespace = 'public'::regnamespace`.execute(db)
  const mias = k.filter((r) => tablas.includes(r.tabla))
  const clave = (r: (typeof k)[number]) => `${r.tipo === 'p' ? 'pk' : 'u'}(${r.cols.join(',')})`
  const foranea = (r: (typeof k)[number]) =>
    `${r.cols.join(',')}>${r.ref}.${r.refcols!.join(',')} ${ACCIONES[r.borrar]}`
  return {
    tablas: tablas.sort(),
    columnas,
    indices: ix
      .filter((r) => tablas.includes(r.tabla))
      .map((r) => r.nombre)
      .sort(),
    claves: porTabla(
      mias.filter((r) => r.tipo !== 'f'),
      clave
    ),
    foraneas: porTabla(
      mias.filter((r) => r.tipo === 'f'),
      foranea
    )
  }
}

let servidor: ServidorPostgres
let pgDb: Kysely<unknown>
let app: AppDatabase
let dir: string

beforeAll(async () => {
  servidor = await iniciarPostgres()
  const admin = new pg.Client({ connectionString: servidor.url })
  await admin.connect()
  await admin.query('create database tablas')
  await admin.end()
  const pool = new pg.Pool({ connectionString: servidor.url.replace(/\/postgres$/, '/tablas') })
  pgDb = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) })
  await crearTablas(pgDb)
  await crearBusqueda(pgDb)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-pg-tablas-'))
  app = await openAppDatabase(path.join(dir, 'app.db'), { seed: false })
}, 120_000)

afterAll(async () => {
  await pgDb?.destroy()
  await app?.close()
  await servidor?.detener()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('PostgreSQL schema (#17) against SQLite at its latest version', () => {
  let lite: Esquema
  let pgs: Esquema
  beforeAll(async () => {
    lite = await esquemaSqlite(app.db as Kysely<unknown>)
    pgs = await esquemaPostgres(pgDb)
  })

  it('has the same tables', () => {
    expect(lite.tablas.length).toBeGreaterThan(25)
    expect(pgs.tablas).toEqual(lite.tablas)
  })

  it('has the same columns, in each table: type, NOT NULL and default', () => {
    for (const t of lite.tablas) expect(pgs.columnas[t], t).toEqual(lite.columnas[t])
  })

  it('has the same index names', () => {
    expect(lite.indices.length).toBeGreaterThan(30)
    expect(pgs.indices).toEqual(lite.indices)
  })

  it('has the same primary keys and unique keys', () => {
    expect(pgs.claves).toEqual(lite.claves)
  })

  it('has the same foreign keys, with the same ON DELETE', () => {
    expect(pgs.foraneas).toEqual(lite.foraneas)
  })

  it("holds this installation's one row (0014), with a uuid v7 id", async () => {
    const { rows } = await sql<{ id: string; nombre: string }>`select id, nombre
      from instalacion`.execute(pgDb)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
  })

  it("computes an acuerdo's nivel (0009) as SQLite does, from its two dates", async () => {
    await sql`insert into instancias (id, codigo, nombre, orden, created_at, updated_at)
      values ('in', 'I', 'I', 1, '', '')`.execute(pgDb)
    await sql`insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad,
        created_at, updated_at) values ('s', 'in', 'ordinaria', 1, 2014, '2014-01-01',
        'presencial', '', '')`.execute(pgDb)
    await sql`insert into acuerdos (id, sesion_id, numero, texto, created_at, updated_at)
      values ('a', 's', 1, 'x', '', '')`.execute(pgDb)
    await sql`insert into acuerdos_cierre (acuerdo_id, cerrado_en) values ('a', '~')`.execute(pgDb)
    const desde = '2014-01-10 2014-01-10T10:00:00.000Z'
    const hastas = [0, 1, 2, 3, 4, 5, 8, 9, 16, 17, 365, 2000, 400000, 1100000, -30].map((d) => {
      const f = new Date(Date.UTC(2014, 0, 10 + d)).toISOString().slice(0, 10)
      return `${f} ${f}T08:00:00.000Z`
    })
    const pares: [string | null, string][] = [
      ...hastas.map((h): [string, string] => [desde, h]),
      [desde, '~'],
      [null, '~'],
      [null, hastas[3]!]
    ]
    for (const [abierto, cerrado] of pares) {
      await sql`update acuerdos_cierre set abierto_en = ${abierto}, cerrado_en = ${cerrado}`.execute(
        pgDb
      )
      const { rows } = await sql<{
        nivel: number | null
      }>`select nivel from acuerdos_cierre`.execute(pgDb)
      const { rows: esperado } = await sql<{ nivel: number | null }>`select case
          when ${cerrado} = '~' then 21
          else min(20, cast(ceil(log2(max(1, julianday(substr(${cerrado}, 1, 10))
            - julianday(substr(${abierto}, 1, 10))))) as integer)) end as nivel`.execute(app.db)
      expect(rows[0]!.nivel, `${abierto} → ${cerrado}`).toBe(esperado[0]!.nivel)
    }
  })
})
