import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import {
  derivadas,
  ESCENARIO,
  ejecutar,
  evento,
  historial,
  resultado
} from '../../../helpers/disparadores'
import { openAppDatabase, type AppDatabaseSqlite } from '../../../../src/main/core/db/open'
import { crearTablas } from '../../../../src/main/core/db/postgres/esquema/tablas'
import { crearHistorial } from '../../../../src/main/core/db/postgres/esquema/historial'
import { crearSellos } from '../../../../src/main/core/db/postgres/esquema/sellos'
import {
  crearProtecciones,
  proteccionesFaltantesPostgres
} from '../../../../src/main/core/db/postgres/esquema/protecciones'
import { escribir, leer } from '../../../../src/main/core/intercambio/hlc'

// The PostgreSQL triggers (#17) are SQLite's at the latest version, but the search's: the same
// names, events and columns, read from both catalogs; and the same work, compared row by row
// after the same writes on both (the history, the exchange's stamps, the derived tables), and the
// same refusals (approved actas, closed periods, the history's own rows).

let servidor: ServidorPostgres
let pgDb: Kysely<unknown>
let lite: AppDatabaseSqlite
let liteDb: Kysely<unknown>
let dir: string

beforeAll(async () => {
  servidor = await iniciarPostgres()
  const admin = new pg.Client({ connectionString: servidor.url })
  await admin.connect()
  await admin.query('create database disparadores')
  await admin.end()
  const url = servidor.url.replace(/\/postgres$/, '/disparadores')
  pgDb = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) })
  })
  await crearTablas(pgDb)
  await crearSellos(pgDb)
  await crearHistorial(pgDb)
  await crearProtecciones(pgDb)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-pg-disparadores-'))
  lite = await openAppDatabase(path.join(dir, 'app.db'), { seed: false })
  liteDb = lite.db as unknown as Kysely<unknown>
}, 120_000)

afterAll(async () => {
  await pgDb?.destroy()
  await lite?.close()
  await servidor?.detener()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

async function disparadoresSqlite(): Promise<Record<string, string>> {
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master
    where type = 'trigger' and name not like 'busqueda%'`.execute(liteDb)
  return Object.fromEntries(rows.map((r) => evento(r.sql)))
}

async function disparadoresPostgres(): Promise<Record<string, string>> {
  const { rows } = await sql<{ def: string }>`select pg_get_triggerdef(oid) as def
    from pg_trigger where not tgisinternal and tgname not like 'busqueda%'`.execute(pgDb)
  return Object.fromEntries(rows.map((r) => evento(r.def)))
}

describe('los disparadores de PostgreSQL son los de SQLite', () => {
  it('los mismos nombres, momentos, eventos, columnas y tablas', async () => {
    const enSqlite = await disparadoresSqlite()
    const enPostgres = await disparadoresPostgres()
    expect(Object.keys(enSqlite).length).toBeGreaterThan(150)
    // Beside SQLite's, only the truncate a row trigger cannot see.
    expect(enPostgres).toEqual({
      ...enSqlite,
      historial_sin_truncate: 'before truncate on historial'
    })
  })

  it('proteccionesFaltantesPostgres nota uno borrado o desactivado', async () => {
    expect(await proteccionesFaltantesPostgres(pgDb, 21)).toEqual([])
    const faltan = await pgDb
      .transaction()
      .execute(async (trx) => {
        await sql`drop trigger acuerdos_sellada_upd on acuerdos`.execute(trx)
        await sql`alter table planes disable trigger historial_planes_insert`.execute(trx)
        await sql`drop trigger sellos_metas_delete on metas`.execute(trx)
        throw await proteccionesFaltantesPostgres(trx, 21)
      })
      .catch((e: unknown) => e)
    expect(faltan).toEqual([
      'acuerdos_sellada_upd',
      'historial_planes_insert',
      'sellos_metas_delete'
    ])
    expect(await proteccionesFaltantesPostgres(pgDb, 21)).toEqual([])
  })
})

describe('las mismas escrituras dejan lo mismo en ambas', () => {
  beforeAll(async () => {
    await ejecutar(liteDb, 'sqlite', ESCENARIO)
    await ejecutar(pgDb, 'postgres', ESCENARIO)
  })

  it('el historial: quién, cuándo, antes y después, enlaces', async () => {
    const enSqlite = await historial(liteDb)
    expect(enSqlite.length).toBeGreaterThan(30)
    expect(await historial(pgDb)).toEqual(enSqlite)
    const { rows } = await sql<{ antes: string; despues: string }>`select antes, despues
      from historial where tabla = 'app_settings' and operacion = 'modificar'`.execute(pgDb)
    expect(JSON.parse(rows[0]!.despues).value).toHaveLength(500)
  })

  it('las tablas derivadas y los sellos', async () => {
    expect(await derivadas(pgDb)).toEqual(await derivadas(liteDb))
  })

  it('los sellos tienen la forma de hlc.ts y avanzan tras el mayor', async () => {
    const { rows: inst } = await sql<{ id: string }>`select id from instalacion`.execute(pgDb)
    const { rows } = await sql<{ sello: string }>`select sello from sellos`.execute(pgDb)
    for (const { sello } of rows) {
      expect(escribir(leer(sello))).toBe(sello)
      expect(leer(sello).instalacion).toBe(inst[0]!.id)
    }
    const mayor = rows
      .map((r) => r.sello)
      .sort()
      .at(-1)!
    const cambio = sql`update metas set texto = 'Meta nueva' where id = 'm1'`
    await cambio.execute(pgDb)
    await cambio.execute(liteDb)
    const { rows: nuevo } = await sql<{ sello: string }>`select sello from sellos
      where tabla = 'metas' and fila_id = 'm1' and campo = 'texto'`.execute(pgDb)
    expect(nuevo[0]!.sello > mayor).toBe(true)
  })

  it('dos escritores a la vez: el que confirma después sella después', async () => {
    const url = servidor.url.replace(/\/postgres$/, '/disparadores')
    const [a, b] = [
      new pg.Client({ connectionString: url }),
      new pg.Client({ connectionString: url })
    ]
    await Promise.all([a.connect(), b.connect()])
    const T = '2026-01-01T00:00:00.000Z'
    const nueva = (id: string) => `insert into instituciones (id, sigla, nombre, orden, created_at,
      updated_at) values ('${id}', '${id}', '${id}', 9, '${T}', '${T}')`
    try {
      await a.query('begin')
      await b.query('begin')
      await a.query(nueva('iB'))
      let listo = false
      const segundo = b.query(nueva('iA')).then(() => (listo = true))
      await new Promise((r) => setTimeout(r, 300))
      // B waits for A: otherwise it would read the same largest stamp as A.
      expect(listo).toBe(false)
      await a.query('commit')
      await segundo
      await b.query('commit')
    } finally {
      await Promise.all([a.end(), b.end()])
    }
    const { rows } = await sql<{ fila_id: string }>`select fila_id from sellos
      where tabla = 'instituciones' and fila_id in ('iA', 'iB') order by sello`.execute(pgDb)
    expect(rows.map((r) => r.fila_id)).toEqual(['iB', 'iA'])
    for (const id of ['iB', 'iA']) await sql.raw(nueva(id)).execute(liteDb)
  })

  it('mitp_sello sigue a un sello futuro, lleva el contador y se desborda como hlc.ts', async () => {
    const sello = (mayor: string | null) =>
      sql<{ s: string }>`select mitp_sello('yo', ${mayor}) as s`.execute(pgDb).then(
        (r) => r.rows[0]!.s,
        (e: Error) => e.message
      )
    expect(await sello('9999999999999-000a-otra')).toBe('9999999999999-000b-yo')
    expect(await sello('9999999999999-00zz-otra')).toBe('9999999999999-0100-yo')
    expect(await sello('9999999999999-zzzz-otra')).toBe('El reloj lógico se desbordó.')
    expect(await sello('ayer')).toBe('Sello de tiempo inválido: «ayer».')
    const antes = Date.now()
    const hoy = leer(await sello('0000000000001-0005-otra'))
    expect(hoy.contador).toBe(0)
    expect(hoy.ms).toBeGreaterThanOrEqual(antes - 5)
    expect(hoy.ms).toBeLessThanOrEqual(Date.now() + 5)
    expect(leer(await sello(null)).instalacion).toBe('yo')
  })
})

/** Each statement, on both: the same result ('ok' or the refusal's text), as expected. */
async function enAmbas(casos: readonly (readonly [RawBuilder<unknown>, string])[]) {
  for (const [s, esperado] of casos) {
    const texto = s.compile(liteDb).sql.replace(/\s+/g, ' ')
    expect(await resultado(liteDb, s), `SQLite: ${texto}`).toBe(esperado)
    expect(await resultado(pgDb, s), `PostgreSQL: ${texto}`).toBe(esperado)
  }
}

describe('las mismas negativas en ambas', () => {
  it('el historial no se modifica ni se borra', async () => {
    await enAmbas([
      [sql`update historial set actor = 'otro'`, 'historial_inmutable'],
      [sql`delete from historial where tabla = 'ejes'`, 'historial_inmutable']
    ])
    expect(await resultado(pgDb, sql`truncate historial`)).toBe('historial_inmutable')
    const error = await sql`delete from historial`.execute(pgDb).catch((e: unknown) => e)
    // What the core recognises: the text of the refusal, under PL/pgSQL's raise_exception.
    expect(error).toMatchObject({ code: 'P0001', message: 'historial_inmutable' })
  })

  it('un acta aprobada: sus filas no cambian; se aprueba solo con su sello', async () => {
    const T = '2026-06-01T00:00:00.000Z'
    await enAmbas([
      [sql`update sesiones set estado = 'aprobada' where id = 's2'`, 'acta_sin_sello'],
      [
        sql`update sesiones set estado = 'aprobada', hash = 'h', contenido_aprobado = '{}'
          where id = 's1'`,
        'ok'
      ],
      [sql`update sesiones set lugar = 'Otra' where id = 's1'`, 'acta_aprobada'],
      [sql`delete from sesiones where id = 's1'`, 'acta_aprobada'],
      [sql`update asistencias set nombre = 'Otra' where id = 'as1'`, 'acta_aprobada'],
      // A link to another row is cleared when that row goes (FK set null).
      [sql`update asistencias set persona_id = null where id = 'as1'`, 'ok'],
      [sql`delete from puntos_tabla where sesion_id = 's1'`, 'acta_aprobada'],
      [sql`update avances set reporte = 'x' where id = 'av1'`, 'acta_aprobada'],
      [sql`update avances set accion_id = 'a1' where id = 'av1'`, 'ok'],
      [sql`delete from mediciones where id = 'me1'`, 'acta_aprobada'],
      [
        sql`insert into acuerdos (id, sesion_id, numero, texto, created_at, updated_at)
          values ('ac9', 's1', 9, 'Tarde', ${T}, ${T})`,
        'acta_aprobada'
      ],
      [sql`update acuerdos set sesion_id = 's1' where id = 'ac2'`, 'acta_aprobada'],
      [
        sql`insert into fe_erratas (id, sesion_id, texto, fecha, created_at, updated_at)
          values ('fe1', 's1', 'Donde dice', '2026-06-01', ${T}, ${T})`,
        'ok'
      ],
      [sql`update fe_erratas set texto = 'Otro' where id = 'fe1'`, 'acta_aprobada'],
      [sql`delete from fe_erratas where id = 'fe1'`, 'acta_aprobada'],
      [
        sql`insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, estado,
          created_at, updated_at) values ('s9', 'n1', 'ordinaria', 9, 2026, '2026-07-01',
          'presencial', 'aprobada', ${T}, ${T})`,
        'acta_sin_sello'
      ]
    ])
  })

  it('un período cerrado: su plan, ejes, objetivos, acciones, metas e indicadores', async () => {
    const T = '2026-06-01T00:00:00.000Z'
    await enAmbas([
      [sql`update planes set cerrado_at = ${T} where id = 'p1'`, 'ok'],
      [sql`update planes set nombre = 'Otro' where id = 'p1'`, 'plan_cerrado'],
      [sql`delete from planes where id = 'p1'`, 'plan_cerrado'],
      [sql`update ejes set nombre = 'Otro' where id = 'e1'`, 'plan_cerrado'],
      [sql`delete from objetivos where id = 'o1'`, 'plan_cerrado'],
      [sql`update acciones set texto = 'Otra' where id = 'a1'`, 'plan_cerrado'],
      [sql`update acciones set instancia_id = null where id = 'a1'`, 'ok'],
      [sql`update acciones set instancia_id = 'n1' where id = 'a1'`, 'plan_cerrado'],
      [
        sql`insert into metas (id, accion_id, texto, orden, created_at, updated_at)
          values ('m9', 'a1', 'Meta', 9, ${T}, ${T})`,
        'plan_cerrado'
      ],
      [sql`update indicadores set meta_valor = 3 where id = 'd1'`, 'plan_cerrado'],
      [sql`delete from metas where id = 'm1'`, 'plan_cerrado']
    ])
    // The refusals wrote nothing; the writes allowed, the same on both.
    expect(await historial(pgDb)).toEqual(await historial(liteDb))
    expect(await derivadas(pgDb)).toEqual(await derivadas(liteDb))
  })
})
