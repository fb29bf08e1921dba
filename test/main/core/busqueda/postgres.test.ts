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
import { buscar } from '../../../../src/main/core/busqueda/busqueda.service'
import type { Database } from '../../../../src/main/core/db/schema'
import type { BusquedaPagina } from '../../../../src/shared/busqueda/contract'

// The search on PostgreSQL (#17) finds what it finds on SQLite: the same rows written to both
// (and then renamed, edited, deleted: the triggers keep each index), the same searches, the
// same results with the same destinations, counts and marked words. Accents and case ignored,
// the last word as a prefix, an acción's code as a phrase, nothing typed read as syntax.

const AHORA = '2026-01-01T00:00:00.000Z'
const s = { created_at: AHORA, updated_at: AHORA }

async function escribir(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('instituciones')
    .values({ id: 'i1', sigla: 'SENAME', nombre: 'Servicio Nacional de Menores', orden: 1, ...s })
    .execute()
  await db
    .insertInto('personas')
    .values([
      {
        id: 'p1',
        nombre: 'María José Núñez',
        cargo: 'Jefa de Protección',
        correo: 'mjn@x.cl',
        institucion_id: 'i1',
        ...s
      },
      { id: 'p2', nombre: 'Pedro Soto', cargo: 'Analista', institucion_id: null, ...s }
    ])
    .execute()
  await db
    .insertInto('planes')
    .values({ id: 'pl', nombre: 'Plan', periodo_desde: '2013', periodo_hasta: '2014', ...s })
    .execute()
  await db
    .insertInto('ejes')
    .values({
      id: 'e1',
      plan_id: 'pl',
      codigo: '2',
      nombre: 'Protección y reparación',
      orden: 1,
      ...s
    })
    .execute()
  await db
    .insertInto('objetivos')
    .values({
      id: 'o1',
      plan_id: 'pl',
      eje_id: 'e1',
      codigo: '2.1',
      texto: 'Proteger a niños y niñas víctimas de trata',
      orden: 1,
      ...s
    })
    .execute()
  await db
    .insertInto('acciones')
    .values([
      {
        id: 'a1',
        plan_id: 'pl',
        objetivo_id: 'o1',
        codigo: '2.1.c',
        texto: 'Capacitación en victimización secundaria',
        responsables: 'SENAME, PDI',
        orden: 1,
        ...s
      },
      {
        id: 'a2',
        plan_id: 'pl',
        objetivo_id: 'o1',
        codigo: '2.1.d',
        texto: 'Protocolo de derivación',
        responsables: '',
        orden: 2,
        ...s
      }
    ])
    .execute()
  await db
    .insertInto('instancias')
    .values({ id: 'in1', codigo: 'PREV', nombre: 'Subcomisión Prevención', orden: 1, ...s })
    .execute()
  await db
    .insertInto('sesiones')
    .values({
      id: 's1',
      instancia_id: 'in1',
      tipo: 'ordinaria',
      numero: 2,
      anio: 2014,
      fecha: '2014-06-11',
      modalidad: 'presencial',
      lugar: '',
      preside: '',
      estado: 'borrador',
      proxima_lugar: '',
      observaciones_aprobacion: 'Sin observaciones',
      ...s
    })
    .execute()
  await db
    .insertInto('puntos_tabla')
    .values({
      id: 'pt1',
      sesion_id: 's1',
      titulo: 'Cuenta de la acción 2.1.c',
      desarrollo:
        'Se informó sobre la PROTECCIÓN de víctimas; «trata» de personas (véase www.x.cl).',
      tipo: 'cuenta',
      orden: 1,
      ...s
    })
    .execute()
  await db
    .insertInto('acuerdos')
    .values([
      {
        id: 'ac1',
        sesion_id: 's1',
        numero: 1,
        texto: 'Enviar informe de protección',
        responsable: 'SENAME',
        ...s
      },
      {
        id: 'ac2',
        sesion_id: 's1',
        numero: 2,
        texto: 'Acuerdo que se borra: protección',
        responsable: '',
        ...s
      }
    ])
    .execute()
  // The triggers at work: an edit, a rename reaching the institución's people, a deletion.
  await db
    .updateTable('acciones')
    .set({ texto: 'Protocolo de derivación a protección' })
    .where('id', '=', 'a2')
    .execute()
  await db
    .updateTable('instituciones')
    .set({ nombre: 'Servicio de Protección Especializada' })
    .where('id', '=', 'i1')
    .execute()
  await db.deleteFrom('acuerdos').where('id', '=', 'ac2').execute()
}

const BUSQUEDAS = [
  'proteccion',
  'PROTECCIÓN',
  'prot',
  'protección especializada',
  'sename',
  'nunez maria',
  'niñas',
  'victimizacion secundaria',
  'trata a',
  '2.1.c',
  '2.1',
  'informe protec',
  'derivacion',
  '"NEAR(protección -x*)" OR',
  'mjn',
  'zzzz',
  'a'
]

/** A page as comparable: each result with its place, destination and marked words, sorted. */
const comparable = (p: BusquedaPagina) => ({
  total: p.total,
  porClase: p.porClase,
  resultados: p.resultados
    .map((r) => ({
      tipo: r.tipo,
      id: r.id,
      titulo: r.titulo,
      lugar: r.lugar,
      destino: r.destino,
      marcadas: r.fragmentos
        .filter((f) => f.marca)
        .map((f) => f.texto.toLowerCase())
        .sort()
    }))
    .sort((a, b) => a.id.localeCompare(b.id))
})

let servidor: ServidorPostgres
let pgDb: Kysely<Database>
let app: AppDatabase
let dir: string

beforeAll(async () => {
  servidor = await iniciarPostgres()
  const admin = new pg.Client({ connectionString: servidor.url })
  await admin.connect()
  await admin.query('create database busqueda')
  await admin.end()
  const pool = new pg.Pool({ connectionString: servidor.url.replace(/\/postgres$/, '/busqueda') })
  pgDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  await crearTablas(pgDb as Kysely<unknown>)
  await crearBusqueda(pgDb as Kysely<unknown>)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mitp-pg-busqueda-'))
  app = await openAppDatabase(path.join(dir, 'app.db'), { seed: false })
  await escribir(app.db)
  await escribir(pgDb)
}, 120_000)

afterAll(async () => {
  await pgDb?.destroy()
  await app?.close()
  await servidor?.detener()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('search on PostgreSQL (#17)', () => {
  it('keeps one entry per indexed row, as on SQLite', async () => {
    const q = sql<{ tipo: string; n: number }>`select tipo, count(*) as n from busqueda_filas
      group by tipo order by tipo`
    const enPg = (await q.execute(pgDb)).rows.map((r) => ({ ...r, n: Number(r.n) }))
    expect(enPg).toEqual((await q.execute(app.db)).rows)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from busqueda`.execute(pgDb)
    expect(rows[0]!.n).toBe(enPg.reduce((s, r) => s + r.n, 0))
  })

  it.each(BUSQUEDAS)('finds for «%s» what SQLite finds', async (texto) => {
    const enSqlite = comparable(await buscar(app.db, { texto, limite: 100 }))
    const enPg = comparable(await buscar(pgDb, { texto, limite: 100 }))
    expect(enPg).toEqual(enSqlite)
  })

  it('ranks a title match above a body match, as bm25 does', async () => {
    const r = await buscar(pgDb, { texto: 'protección', limite: 100 })
    expect(r.resultados.length).toBeGreaterThan(4)
    const primero = r.resultados[0]!
    expect(['eje', 'accion', 'acuerdo', 'institucion']).toContain(primero.tipo)
    expect(r.resultados.at(-1)!.tipo).not.toBe('eje')
  })

  it('finds as one types, accents and case aside', async () => {
    for (const texto of ['p', 'pr', 'pro', 'prot', 'PROTECC', 'protecci', 'protección']) {
      const r = await buscar(pgDb, { texto, limite: 100 })
      const ids = r.resultados.map((x) => x.id)
      if (texto.length >= 2) expect(ids, texto).toContain('e1')
      else expect(ids, texto).not.toContain('e1')
    }
  })
})
