import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../../../src/shared/api/contract'
import type { AcuerdoCursor } from '../../../../src/shared/acuerdos/contract'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { apiObservada, pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { acuerdosDeRelleno, sesionesDeRelleno } from '../../../helpers/relleno'

/**
 * The list of acuerdos with 3,000 and with 15,000 of them (600 and 3,000 sessions of 5): a page
 * deep in the list, asked for after a row of the previous one (`despuesDe`), and the list
 * filtered by plan or situación, cost SQLite the same work in both. Before, a deep page walked
 * every earlier row (OFFSET) and a filtered list counted every acuerdo it let through.
 */
let corta: TestApp
let larga: TestApp
beforeAll(async () => {
  corta = await conAcuerdos(600)
  larga = await conAcuerdos(3000)
}, 60_000)
afterAll(async () => {
  await corta?.close()
  await larga?.close()
})

async function conAcuerdos(sesiones: number): Promise<TestApp> {
  const t = await openTestApp()
  sesionesDeRelleno(t, sesiones, 2015, 2024)
  acuerdosDeRelleno(t, 5)
  return t
}

type Filtro = Omit<Input<'acuerdo:listar'>, 'offset' | 'limit' | 'despuesDe'>
const planDe = (t: TestApp) =>
  t.app.handle
    .prepare('select plan_id from acciones order by codigo limit 1')
    .pluck()
    .get() as string

/** The list's order straight from SQL: the `n`-th acuerdo (from 0), as a cursor. */
function enPosicion(t: TestApp, n: number, desc = false): AcuerdoCursor {
  return t.app.handle
    .prepare(
      `select a.plazo, s.fecha as sesionFecha, a.numero, a.id from acuerdos a
       join sesiones s on s.id = a.sesion_id
       order by a.plazo is null, a.plazo ${desc ? 'desc' : ''}, s.fecha, a.numero, a.id
       limit 1 offset ?`
    )
    .get(n) as AcuerdoCursor
}

async function pagina(x: TestApp, f: Filtro, despuesDe?: AcuerdoCursor) {
  const { api, sentencias } = apiObservada(x)
  const r = await api['acuerdo:listar']({ ...f, limit: 25, ...(despuesDe ? { despuesDe } : {}) })
  return { r, sentencias }
}

describe('the list of acuerdos, paged after a row', () => {
  it('gives the rows that follow the cursor in the list’s order', async () => {
    const n = Math.floor(15000 * 0.7)
    const { r } = await pagina(larga, {}, enPosicion(larga, n))
    expect(r.filas.map((a) => a.id)).toEqual(
      Array.from({ length: 25 }, (_, k) => enPosicion(larga, n + 1 + k).id)
    )
    expect(r.hayMas).toBe(true)
    expect(r.total).toBe(15000)
    // Across the end of those with a plazo, into those without.
    const borde = await pagina(larga, {}, enPosicion(larga, 12000 - 10))
    expect(borde.r.filas.map((a) => a.plazo === null)).toEqual(
      Array.from({ length: 25 }, (_, k) => k >= 9)
    )
  })

  it('pages through a whole filtered list after each page’s last row, as by offset', async () => {
    for (const orden of ['plazo', 'plazo_desc'] as const) {
      const f = { planId: planDe(corta), orden, limit: 200 }
      const porCursor: string[] = []
      const porOffset: string[] = []
      let despuesDe: AcuerdoCursor | undefined
      for (let hayMas = true; hayMas;) {
        const r = await corta.api['acuerdo:listar']({ ...f, ...(despuesDe ? { despuesDe } : {}) })
        const o = await corta.api['acuerdo:listar']({ ...f, offset: porOffset.length })
        porCursor.push(...r.filas.map((a) => a.id))
        porOffset.push(...o.filas.map((a) => a.id))
        const u = r.filas.at(-1)!
        despuesDe = { plazo: u.plazo, sesionFecha: u.sesionFecha, numero: u.numero, id: u.id }
        hayMas = r.hayMas
      }
      expect(porCursor).toHaveLength(3000)
      expect(porCursor).toEqual(porOffset)
    }
  })

  it('counts a filter that lets most through only up to its cap', async () => {
    const { r } = await pagina(larga, { planId: planDe(larga), situacion: 'abierto' })
    expect([r.total, r.totalExacto, r.hayMas, r.filas.length]).toEqual([1000, false, true, 25])
  })

  const casos: [string, (t: TestApp) => Filtro, number | null][] = [
    ['a deep page', () => ({}), 0.7],
    ['a deep page, latest plazo first', () => ({ orden: 'plazo_desc' }), 0.7],
    ['the first page of a plan', (t) => ({ planId: planDe(t) }), null],
    ['a deep page of a plan', (t) => ({ planId: planDe(t) }), 0.7],
    ['a deep page of those without plazo (the last fifth)', () => ({}), 0.9]
  ]
  it.each(casos)('%s: the same SQLite work with 3,000 and 15,000 acuerdos', async (_, f, donde) => {
    const desc = f(corta).orden === 'plazo_desc'
    const cursor = (t: TestApp, total: number) =>
      donde === null ? undefined : enPosicion(t, Math.floor(total * donde), desc)
    const a = await pagina(corta, f(corta), cursor(corta, 3000))
    const b = await pagina(larga, f(larga), cursor(larga, 15000))
    expect(b.r.filas).toHaveLength(25)
    // Every acuerdo is about the plan's acción: the page starts right after the cursor.
    if (donde !== null)
      expect(b.r.filas[0]!.id).toBe(enPosicion(larga, Math.floor(15000 * donde) + 1, desc).id)
    expect(b.sentencias.map((s) => s.sql)).toEqual(a.sentencias.map((s) => s.sql))
    const [pa, pb] = [
      pasosDeSqlite(corta.file, a.sentencias),
      pasosDeSqlite(larga.file, b.sentencias)
    ]
    console.log('VM steps', _, pa, pb)
    // The count and the page: the list's own statements.
    const propias = (sql: string) => /\bacuerdos\b/.test(sql) && !/json_each/.test(sql)
    const lista = b.sentencias.flatMap(({ sql }, k) => (propias(sql) ? [k] : []))
    expect(lista.length).toBeGreaterThanOrEqual(2)
    for (const k of lista) expect(pb[k]).toBeLessThanOrEqual(pa[k]! * 1.1 + 20)
    // The rest read the page's sessions and follow-ups by their keys: bounded by its 25 rows.
    pb.forEach((pasos) => expect(pasos).toBeLessThanOrEqual(25_000))
  })
})
