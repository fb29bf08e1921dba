import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../../../src/shared/api/contract'
import type { AcuerdoCursor } from '../../../../src/shared/acuerdos/contract'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { condicionAcuerdos } from '../../../../src/main/core/acuerdos/lista.service'
import { apiObservada, pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { acuerdosDeRelleno, sesionesDeRelleno } from '../../../helpers/relleno'

/**
 * The acuerdos list filtered by what lets few through (one persona, one institución: 40
 * acuerdos each; the 33 fulfilled ones) among 3,000 and among 15,000 acuerdos (600 and 3,000
 * sessions, all approved but the last ten): the first page and a deep one, and their totals,
 * cost SQLite the same work in both. Before (the plazo index walked until the page filled, and
 * every acuerdo counted), 5 times as much. An institución with more than a thousand (a fifth of
 * all) pages through its own index (migration 0020) at the same cost too.
 */
const [PERSONA, INSTITUCION, GRANDE] = ['pers-1', 'inst-1', 'inst-2']
const ESTADOS = ['en_curso', 'cumplido', 'pendiente'] as const

let corta: TestApp
let larga: TestApp
beforeAll(async () => {
  corta = await conAcuerdos(600)
  larga = await conAcuerdos(3000)
}, 120_000)
afterAll(async () => {
  await corta?.close()
  await larga?.close()
})

async function conAcuerdos(n: number): Promise<TestApp> {
  const t = await openTestApp()
  sesionesDeRelleno(t, n, 2015, 2024)
  acuerdosDeRelleno(t, 5)
  const db = t.app.handle
  const x = '2024-01-01T00:00:00.000Z'
  db.prepare(`insert into personas (id, nombre, created_at, updated_at) values (?, 'P', ?, ?)`).run(
    PERSONA,
    x,
    x
  )
  const institucion = db.prepare(
    `insert into instituciones (id, sigla, nombre, orden, created_at, updated_at)
     values (?, ?, ?, 90, ?, ?)`
  )
  institucion.run(INSTITUCION, 'I1', 'Una', x, x)
  institucion.run(GRANDE, 'I2', 'Grande', x, x)
  const sesiones = db
    .prepare('select id from sesiones order by fecha, id')
    .pluck()
    .all() as string[]
  const acuerdo = db.prepare('select id from acuerdos where sesion_id = ? and numero = ?').pluck()
  // The j-th of `m` spread over the history, its number in its session turning 1..5 (5: no plazo).
  const repartidos = (m: number, desfase: number) =>
    Array.from({ length: m }, (_, j) => ({
      sesion: Math.floor((j * (n - 10)) / m),
      id: acuerdo.get(sesiones[Math.floor((j * (n - 10)) / m)], ((j + desfase) % 5) + 1) as string
    }))
  db.transaction(() => {
    for (const { id } of repartidos(40, 0))
      db.prepare('update acuerdos set persona_id = ? where id = ?').run(PERSONA, id)
    for (const { id } of repartidos(40, 2))
      db.prepare('update acuerdos set institucion_id = ? where id = ?').run(INSTITUCION, id)
    db.prepare(
      'update acuerdos set institucion_id = ? where numero in (2, 5) and institucion_id is null'
    ).run(GRANDE)
    // Fulfilled in a later session's acta.
    for (const { sesion, id } of repartidos(30, 1))
      db.prepare(
        `insert into seguimientos (id, acuerdo_id, sesion_id, estado, nota, created_at, updated_at)
         values (?, ?, ?, 'cumplido', '', ?, ?)`
      ).run(`seg-${id}`, id, sesiones[sesion + 5], x, x)
    // The persona's: some under way, some fulfilled, one fulfilled only in a draft acta.
    const seguir = db.prepare(
      `insert or ignore into seguimientos (id, acuerdo_id, sesion_id, estado, nota, created_at,
         updated_at) values (?, ?, ?, ?, '', ?, ?)`
    )
    repartidos(40, 0).forEach(({ sesion, id }, j) => {
      if (j < 12) seguir.run(`seg-p-${id}`, id, sesiones[sesion + 5], ESTADOS[j % 3], x, x)
    })
    const [{ id: enBorrador }] = repartidos(40, 0).slice(-1)
    seguir.run('seg-borrador', enBorrador, sesiones[n - 1], 'cumplido', x, x)
    db.prepare(
      `update sesiones set estado = 'aprobada', hash = 'h', contenido_aprobado = '{}'
       where id not in (select id from sesiones order by fecha desc limit 10)`
    ).run()
  })()
  return t
}

type Filtro = Omit<Input<'acuerdo:listar'>, 'offset' | 'limit' | 'despuesDe'>

/** The filter in plain SQL over `a` and `s`: what the list must give, in its order. */
function esperados(t: TestApp, f: Filtro): AcuerdoCursor[] {
  const donde = f.personaId
    ? `a.persona_id = '${f.personaId}'`
    : f.institucionId
      ? `a.institucion_id = '${f.institucionId}'`
      : `exists (select 1 from seguimientos sg join sesiones sa on sa.id = sg.sesion_id
           where sg.acuerdo_id = a.id and sg.estado = 'cumplido' and sa.estado = 'aprobada')`
  return t.app.handle
    .prepare(
      `select a.plazo, s.fecha as sesionFecha, a.numero, a.id from acuerdos a
       join sesiones s on s.id = a.sesion_id where ${donde}
       order by a.plazo is null, a.plazo ${f.orden === 'plazo_desc' ? 'desc' : ''}, s.fecha,
         a.numero, a.id`
    )
    .all() as AcuerdoCursor[]
}

async function pagina(x: TestApp, f: Filtro, despuesDe?: AcuerdoCursor) {
  const { api, sentencias } = apiObservada(x)
  const r = await api['acuerdo:listar']({ ...f, limit: 10, ...(despuesDe ? { despuesDe } : {}) })
  return { r, sentencias }
}

const casos: [string, Filtro, number | null][] = [
  ['a persona, first page', { personaId: PERSONA }, null],
  ['a persona, a deep page (into those without plazo)', { personaId: PERSONA }, 0.75],
  [
    'an institución, latest plazo first, deep',
    { institucionId: INSTITUCION, orden: 'plazo_desc' },
    0.4
  ],
  ['the fulfilled ones, first page', { situacion: 'cumplido' }, null],
  ['the fulfilled ones, a deep page', { situacion: 'cumplido' }, 0.5],
  ['an institución with over a thousand, first page', { institucionId: GRANDE }, null],
  ['an institución with over a thousand, deep', { institucionId: GRANDE, orden: 'plazo_desc' }, 0.5]
]

describe('the acuerdos list, filtered by what lets few through', () => {
  it.each(casos)(
    '%s: the right rows, and the same SQLite work at both sizes',
    async (_, f, donde) => {
      const grande = f.institucionId === GRANDE
      const pasos: number[][] = []
      const sqls: string[][] = []
      for (const t of [corta, larga]) {
        const todos = esperados(t, f)
        if (grande) expect(todos.length).toBeGreaterThan(1000)
        else expect(todos.length).toBe(f.situacion ? 33 : 40)
        // Deep in the few: a row's position; in the many, a position proportional to history.
        const k = donde === null ? -1 : Math.floor(todos.length * donde)
        const { r, sentencias } = await pagina(t, f, k < 0 ? undefined : todos[k])
        expect(r.filas.map((a) => a.id)).toEqual(todos.slice(k + 1, k + 11).map((a) => a.id))
        expect([r.total, r.totalExacto]).toEqual(grande ? [1000, false] : [todos.length, true])
        sqls.push(sentencias.map((s) => s.sql))
        pasos.push(pasosDeSqlite(t.file, sentencias))
      }
      const [pa, pb] = pasos as [number[], number[]]
      console.log('VM steps', _, pa, pb)
      expect(sqls[1]).toEqual(sqls[0])
      pb.forEach((p, k) => expect(p).toBeLessThanOrEqual(pa[k]! * 1.1 + 50))
    }
  )
})

describe('a persona’s acuerdos by situación', () => {
  it.each(['abierto', 'cumplido', 'vencido', 'pendiente', 'en_curso'] as const)(
    '%s: read from the persona’s own, the same as from every open acuerdo',
    async (situacion) => {
      const f = { personaId: PERSONA, situacion }
      const r = await corta.api['acuerdo:listar']({ ...f, limit: 200 })
      const ids = async (porFila: boolean) =>
        (
          await corta.app.db
            .selectFrom('acuerdos as a')
            .innerJoin('sesiones as s', 's.id', 'a.sesion_id')
            .where(condicionAcuerdos(f, r.hoy, porFila))
            .select('a.id')
            .execute()
        ).map((a) => a.id)
      const [segunActas, porFila] = [await ids(false), await ids(true)]
      expect(r.filas.map((a) => a.id).sort()).toEqual([...segunActas].sort())
      expect([...porFila].sort()).toEqual([...segunActas].sort())
      expect([r.total, r.totalExacto]).toEqual([segunActas.length, true])
      expect(segunActas.length).toBeGreaterThan(0)
    }
  )
})
