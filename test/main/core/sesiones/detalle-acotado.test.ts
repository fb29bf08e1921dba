import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqliteHandle } from '../../../../src/main/core/db/sqlite'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { createAppApi } from '../../../../src/main/core/api'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { observando } from '../../../helpers/sentencias'
import { pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { construirHistoria, conLotes } from '../../../../scripts/bench/historia'
import { desdeDeNiveles } from '../../../../src/main/core/sesiones/historia'

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
const contando = (handle: SqliteHandle, l: Lectura): SqliteHandle =>
  observando(handle, ({ metodo, sql, params, resultado }) => {
    if (metodo !== 'all') return
    l.consultas++
    l.sentencias.push({ sql, params })
    l.maxParametros = Math.max(l.maxParametros, params.flat().length)
    l.filas += (resultado as unknown[]).length
  })

async function conHistoria(anios: number): Promise<TestApp> {
  const t = await openTestApp({ reloj: () => new Date('2030-06-01T15:00:00Z') })
  const api = createAppApi({ ...t.app, db: createKysely(conLotes(t.app.handle)) }, { version: 't' })
  await construirHistoria(api, t.app.handle, { porAnio: 4, anios, desde: 2015 })
  // An acción of the instancia never reported: its latest report is sought back in time, which
  // walked the instancia's whole history (review of #13); now one seek on avance_fechas.
  const q = (sql: string) => t.app.handle.prepare(sql).pluck().get() as string
  await t.api['accion:crear']({
    objetivoId: q('select id from objetivos order by codigo limit 1'),
    codigo: '1.1.z',
    texto: 'Acción agregada al plan sin reportes',
    instanciaId: q('select id from instancias order by orden limit 1'),
    responsables: ''
  })
  return t
}

/** The first instancia's sessions, in the order they were held. */
const sesionesDe = (t: TestApp) =>
  t.app.handle
    .prepare(
      `select s.id from sesiones s where s.instancia_id = (select id from instancias order by orden limit 1)
       order by s.fecha, s.created_at`
    )
    .pluck()
    .all() as string[]

/** Opens the latest session of the first instancia, counting what was read. */
const abrirUltima = (t: TestApp) => abrir(t, sesionesDe(t).at(-1)!)
/** Opens the session in the middle of the first instancia's history: years before and after it. */
const abrirMitad = (t: TestApp) => {
  const ids = sesionesDe(t)
  return abrir(t, ids[Math.floor(ids.length / 2)]!)
}

async function abrir(t: TestApp, id: string): Promise<{ lectura: Lectura; seguimiento: number }> {
  const lectura: Lectura = { consultas: 0, filas: 0, maxParametros: 0, sentencias: [] }
  const api = createAppApi(
    { ...t.app, db: createKysely(contando(t.app.handle, lectura)) },
    { version: 't', reloj: () => new Date('2030-06-01T15:00:00Z') }
  )
  const d = await api['sesion:obtener']({ id })
  expect(d.asistencia).toHaveLength(15)
  // Every acción reported before, but the one added without reports (sought, not found).
  expect(d.avances.filter((a) => a.anterior === null).map((a) => a.codigo)).toEqual(['1.1.z'])
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

  const cuales = [
    ['the latest session', abrirUltima],
    ['a session in the middle of the history', abrirMitad]
  ] as const

  it.each(cuales)(
    '%s: the same queries and about the same rows after 2 years (8 sessions) and after 8 (32)',
    async (_, abrirla) => {
      const a = await abrirla(corta)
      const b = await abrirla(larga)
      const resumen = (x: typeof a) => ({
        ...x,
        lectura: { ...x.lectura, sentencias: x.lectura.sentencias.length }
      })
      console.log('2 years', resumen(a), '8 years', resumen(b))
      expect(b.seguimiento).toBe(a.seguimiento)
      expect(b.lectura.consultas).toBe(a.lectura.consultas)
      // The rows the screen shows, plus a few more of follow-up history: never the years behind.
      expect(b.lectura.filas).toBeLessThanOrEqual(a.lectura.filas + 10)
      expect(b.lectura.maxParametros).toBeLessThanOrEqual(a.lectura.maxParametros)
    }
  )

  it.each(cuales)(
    '%s: SQLite does about the same work after 2 years and after 8, counted by SQLite itself',
    async (_, abrirla) => {
      // Each statement the service ran, run again by the sqlite3 shell over the same file, which
      // counts its virtual-machine steps: an aggregate over the whole history, or a range that
      // lost its lower bound, reads rows it does not return, and shows here.
      const medir = async (t: TestApp) => {
        const { lectura } = await abrirla(t)
        return pasosDeSqlite(t.file, lectura.sentencias)
      }
      const [a, b] = [await medir(corta), await medir(larga)]
      // The shell sees the whole file (its -wal included): reading every session costs more.
      const todas = [{ sql: 'select count(*) from sesiones where lugar is not null', params: [] }]
      const [[ca], [cb]] = [pasosDeSqlite(corta.file, todas), pasosDeSqlite(larga.file, todas)]
      expect(cb).toBeGreaterThan(3 * ca!)
      const suma = (xs: number[]) => xs.reduce((n, x) => n + x, 0)
      console.log('VM steps, 2 years', suma(a), a, '8 years', suma(b), b)
      expect(b).toHaveLength(a.length)
      // The same session shape takes the same steps (equal in practice): a little slack, no more.
      b.forEach((pasos, k) => expect(pasos).toBeLessThanOrEqual(a[k]! * 1.1 + 20))
    }
  )

  it.each(cuales)(
    '%s: reads the history through bounded index ranges, the same after 2 years and after 8',
    async (_, abrirla) => {
      const { lectura } = await abrirla(larga)
      const planes = lectura.sentencias.flatMap(({ sql, params }) =>
        (
          larga.app.handle.prepare(`explain query plan ${sql}`).all(...params) as {
            detail: string
          }[]
        ).map((r) => r.detail)
      )
      // A SCAN reads the whole table; only the small ones (the plan, the instancias) may be read so.
      const historicas =
        /^SCAN (sesiones|acuerdos|acuerdos_cierre|seguimientos|avances|mediciones|asistencias|puntos_tabla|[a-z])\b/
      expect(planes.filter((d) => historicas.test(d))).toEqual([])
      // Sessions are walked back from this one (a LIMIT stops the walk), or forward only among
      // the drafts; every later session, or every acuerdo closed after it, grows with the years.
      expect(planes.filter((d) => /^SEARCH sesiones .*\(instancia_id=\?\)$/.test(d))).toEqual([])
      expect(planes.filter((d) => /sesiones_instancia_orden_idx .*fecha>\?/.test(d))).toEqual([])
      expect(planes.filter((d) => /acuerdos_cierre_idx/.test(d))).toEqual([])
      expect(
        planes.some((d) =>
          /acuerdos_cierre_vida_idx \(instancia_id=\? AND nivel=\? AND abierto_en>\? AND abierto_en<\?\)/.test(
            d
          )
        )
      ).toBe(true)
      // The acuerdos those ranges hold: as many after 8 years as after 2, where the acuerdos
      // made before the session (and those closed after it) are four times more.
      const ultima = abrirla === abrirUltima
      const [a, b] = [enLosRangos(corta, ultima), enLosRangos(larga, ultima)]
      console.log('acuerdos read by the ranges', a, b)
      expect(b).toBeLessThanOrEqual(a + 5)
    }
  )
})

/** The acuerdos in the index ranges that opening the session reads (one per group of lifetimes). */
function enLosRangos(t: TestApp, ultima: boolean): number {
  const ids = sesionesDe(t)
  const s = t.app.handle
    .prepare('select instancia_id, fecha, created_at from sesiones where id = ?')
    .get(ultima ? ids.at(-1) : ids[Math.floor(ids.length / 2)]) as {
    instancia_id: string
    fecha: string
    created_at: string
  }
  const aqui = `${s.fecha} ${s.created_at}`
  return t.app.handle
    .prepare(
      `select count(*) from json_each(?) n join acuerdos_cierre c on c.instancia_id = ?
         and c.nivel = n.key and c.abierto_en >= n.value and c.abierto_en < ?`
    )
    .pluck()
    .get(JSON.stringify(desdeDeNiveles(s.fecha)), s.instancia_id, aqui) as number
}
