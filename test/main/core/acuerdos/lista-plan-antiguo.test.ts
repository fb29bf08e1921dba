import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../../../src/shared/api/contract'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { apiObservada, pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { acuerdosDeRelleno, sesionesDeRelleno } from '../../../helpers/relleno'

/**
 * The acuerdos list filtered by an OLD plan (period 2013-2014: 120 sessions, 600 acuerdos) while
 * later years, under a new plan copied from it, grow: 600 vs 3,000 later sessions (5 acuerdos
 * each, about the new plan's first acción). The old plan's list does not change, nor may its
 * cost. Before, `+a.accion_id` (kept for the plazo walk) also kept the capped count off the
 * acción index (57,168 vs 237,168 SQLite steps), and by plazo_desc the page walked every newer
 * plazo first (40,637 vs 194,237; review of #13).
 */
let corta: TestApp
let larga: TestApp
beforeAll(async () => {
  corta = await armar(600)
  larga = await armar(3000)
}, 120_000)
afterAll(async () => {
  await corta?.close()
  await larga?.close()
})

async function armar(n: number): Promise<TestApp> {
  const t = await openTestApp()
  const h = t.app.handle
  const p1 = h.prepare('select id from planes').pluck().get() as string
  sesionesDeRelleno(t, 120, 2013, 2014)
  acuerdosDeRelleno(t, 5)
  const p2 = await t.api['plan:copiar']({
    id: p1,
    nombre: 'Nuevo',
    periodoDesde: '2015-01-01',
    periodoHasta: '2040-12-31'
  })
  const nueva = h
    .prepare('select id, codigo from acciones where plan_id = ? order by codigo limit 1')
    .get(p2.id) as { id: string; codigo: string }
  const inst = h.prepare('select id from instancias order by orden').pluck().all() as string[]
  const sesion = h.prepare(`insert into sesiones (id, instancia_id, tipo, numero, anio, fecha,
      modalidad, estado, created_at, updated_at)
    values (?, ?, 'ordinaria', ?, ?, ?, 'presencial', 'borrador', ?, ?)`)
  const acuerdo = h.prepare(`insert into acuerdos (id, sesion_id, numero, texto, plazo, accion_id,
      accion_codigo, created_at, updated_at) values (?, ?, ?, 'x', ?, ?, ?, ?, ?)`)
  const dia = 86_400_000
  h.transaction(() => {
    for (let k = 0; k < n; k++) {
      const t0 = Date.UTC(2015, 0, 1) + Math.floor((k * 3650) / n) * dia
      const fecha = new Date(t0).toISOString().slice(0, 10)
      const sid = `01900000-0000-7000-c000-${String(k).padStart(12, '0')}`
      const c = `${fecha}T12:00:00.000Z`
      sesion.run(sid, inst[k % inst.length], 5000 + k, Number(fecha.slice(0, 4)), fecha, c, c)
      for (let j = 1; j <= 5; j++) {
        const plazo = j === 5 ? null : new Date(t0 + 10 * j * dia).toISOString().slice(0, 10)
        const id = `01900000-0000-7000-d000-${String(k * 10 + j).padStart(12, '0')}`
        acuerdo.run(id, sid, j, plazo, nueva.id, nueva.codigo, c, c)
      }
    }
  })()
  return t
}

const viejo = (t: TestApp) =>
  t.app.handle
    .prepare('select id from planes order by periodo_desde limit 1')
    .pluck()
    .get() as string

async function pagina(x: TestApp, f: Omit<Input<'acuerdo:listar'>, 'limit'>) {
  const { api, sentencias } = apiObservada(x)
  const r = await api['acuerdo:listar']({ ...f, limit: 25 })
  return { r, sentencias }
}

/** The old plan's first 25 acuerdos in the list's order, straight from SQL. */
function primeros(t: TestApp, desc: boolean): string[] {
  return t.app.handle
    .prepare(
      `select a.id from acuerdos a join sesiones s on s.id = a.sesion_id
       where a.accion_id in (select id from acciones where plan_id = ?)
       order by a.plazo is null, a.plazo ${desc ? 'desc' : 'asc'}, s.fecha, a.numero, a.id
       limit 25`
    )
    .pluck()
    .all(viejo(t)) as string[]
}

describe('acuerdos of an old plan', () => {
  it.each(['plazo', 'plazo_desc'] as const)(
    'by %s: the same page and SQLite work whatever came later',
    async (orden) => {
      const a = await pagina(corta, { planId: viejo(corta), orden })
      const b = await pagina(larga, { planId: viejo(larga), orden })
      expect([a.r.total, b.r.total, b.r.totalExacto]).toEqual([600, 600, true])
      expect(a.r.filas.map((f) => f.id)).toEqual(primeros(corta, orden === 'plazo_desc'))
      expect(b.r.filas.map((f) => f.id)).toEqual(a.r.filas.map((f) => f.id))
      expect(b.r.hayMas).toBe(true)
      const pa = pasosDeSqlite(corta.file, a.sentencias)
      const pb = pasosDeSqlite(larga.file, b.sentencias)
      console.log(orden, 'VM steps, 600 / 3,000 later sessions', pa, pb)
      pb.forEach((p, k) => expect(p).toBeLessThanOrEqual(pa[k]! * 1.1 + 20))
    }
  )
})
