import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqliteHandle } from '../../../../src/main/core/db/sqlite'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { createAppApi } from '../../../../src/main/core/api'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { construirHistoria, conLotes } from '../../../../scripts/bench/historia'

/**
 * Opening a session reads what its screen shows, not its instancia's history: the same session
 * shape (15 members, the usual agenda, every acción reported, five acuerdos followed up) opened
 * after 2 and after 8 years of sessions takes the same queries and about the same rows.
 */

interface Lectura {
  consultas: number
  filas: number
  maxParametros: number
  /** Each statement run, with its parameters, to ask SQLite how it reads the tables. */
  sentencias: { sql: string; params: unknown[] }[]
}

/** The handle, counting what kysely asks of it: statements, rows returned, bound parameters. */
function contando(handle: SqliteHandle, l: Lectura): SqliteHandle {
  return new Proxy(handle, {
    get(target, prop) {
      if (prop === 'prepare')
        return (sql: string) => {
          const stmt = target.prepare(sql)
          return new Proxy(stmt, {
            get(s, p) {
              const v = Reflect.get(s, p) as unknown
              if (p === 'all')
                return (...params: unknown[]) => {
                  l.consultas++
                  l.sentencias.push({ sql, params })
                  l.maxParametros = Math.max(l.maxParametros, params.flat().length)
                  const rows = (v as (...a: unknown[]) => unknown[]).apply(s, params)
                  l.filas += rows.length
                  return rows
                }
              return typeof v === 'function' ? (v as () => unknown).bind(s) : v
            }
          })
        }
      const v = Reflect.get(target, prop) as unknown
      return typeof v === 'function' ? (v as () => unknown).bind(target) : v
    }
  })
}

async function conHistoria(anios: number): Promise<TestApp> {
  const t = await openTestApp({ reloj: () => new Date('2030-06-01T15:00:00Z') })
  const api = createAppApi({ ...t.app, db: createKysely(conLotes(t.app.handle)) }, { version: 't' })
  await construirHistoria(api, t.app.handle, { porAnio: 4, anios, desde: 2015 })
  return t
}

/** Opens the latest session of the first instancia, counting what was read. */
async function abrirUltima(t: TestApp): Promise<{ lectura: Lectura; seguimiento: number }> {
  const id = t.app.handle
    .prepare(
      `select s.id from sesiones s join instancias i on i.id = s.instancia_id
       order by i.orden, s.fecha desc limit 1`
    )
    .pluck()
    .get() as string
  const lectura: Lectura = { consultas: 0, filas: 0, maxParametros: 0, sentencias: [] }
  const api = createAppApi(
    { ...t.app, db: createKysely(contando(t.app.handle, lectura)) },
    { version: 't', reloj: () => new Date('2030-06-01T15:00:00Z') }
  )
  const d = await api['sesion:obtener']({ id })
  expect(d.asistencia).toHaveLength(15)
  expect(d.avances.every((a) => a.anterior !== null)).toBe(true)
  return { lectura, seguimiento: d.seguimiento.length }
}

describe('sesion:obtener reads a bounded number of rows', () => {
  let corta: TestApp
  let larga: TestApp
  beforeAll(async () => {
    corta = await conHistoria(2)
    larga = await conHistoria(8)
  }, 240_000)
  afterAll(async () => {
    await corta?.close()
    await larga?.close()
  })

  it('the same queries and about the same rows after 2 years (8 sessions) and after 8 (32)', async () => {
    const a = await abrirUltima(corta)
    const b = await abrirUltima(larga)
    const resumen = (x: typeof a) => ({
      ...x,
      lectura: { ...x.lectura, sentencias: x.lectura.sentencias.length }
    })
    console.log('2 years', resumen(a), '10 years', resumen(b))
    expect(b.seguimiento).toBe(a.seguimiento)
    expect(b.lectura.consultas).toBe(a.lectura.consultas)
    // The rows the screen shows, plus a few more of follow-up history: never the years behind.
    expect(b.lectura.filas).toBeLessThanOrEqual(a.lectura.filas + 10)
    expect(b.lectura.maxParametros).toBeLessThanOrEqual(a.lectura.maxParametros)
  })
  it('reads the history through indexes: no statement scans a table that grows with the years', async () => {
    const { lectura } = await abrirUltima(larga)
    const planes = lectura.sentencias.flatMap(({ sql, params }) =>
      (
        larga.app.handle.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]
      ).map((r) => r.detail)
    )
    // A SCAN reads the whole table; only the small ones (the plan, the instancias) may be read so.
    const historicas =
      /^SCAN (sesiones|acuerdos|acuerdos_cierre|seguimientos|avances|mediciones|asistencias|puntos_tabla|[a-z])\b/
    expect(planes.filter((d) => historicas.test(d))).toEqual([])
    expect(planes.some((d) => /acuerdos_cierre_idx \(cerrado_en>\?\)/.test(d))).toBe(true)
    // The acuerdos that range starts from (open, or closed at or after the newest session): as
    // many after 8 years as after 2, where the earlier acuerdos of the instancia are four times more.
    const desdeLaUltima = (t: TestApp) =>
      t.app.handle
        .prepare(
          `select count(*) from acuerdos_cierre where cerrado_en >= (
             select fecha || ' ' || created_at from sesiones order by fecha desc limit 1)`
        )
        .pluck()
        .get() as number
    const [a, b] = [desdeLaUltima(corta), desdeLaUltima(larga)]
    console.log('acuerdos read by the range', a, b)
    expect(b).toBeLessThanOrEqual(a + 5)
  })
})
