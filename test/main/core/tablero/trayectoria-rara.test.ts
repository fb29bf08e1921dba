import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppApi } from '../../../../src/main/core/api'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { TRAYECTORIA_PAGINA } from '../../../../src/shared/tablero/contract'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { accionDe, reportesSobreAccion } from '../../../helpers/trayectoria'
import { observando } from '../../../helpers/sentencias'
import { pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { sesionesDeRelleno } from '../../../helpers/relleno'

/**
 * An acción reported on rarely: 14 reports (2015–2016), then years of other sessions of every
 * instancia (600, ten years of the roundtable, and 3,000). Its page reads its own rows by its
 * keys, not every session since its 13th latest report: the same SQLite work with 5 times the
 * history. Before, it walked all the sessions since then (review of #13).
 */
const REPORTES = 14
let corta: TestApp
let larga: TestApp
beforeAll(async () => {
  corta = await conHistoria(600)
  larga = await conHistoria(3000)
}, 120_000)
afterAll(async () => {
  await corta?.close()
  await larga?.close()
})

async function conHistoria(sesiones: number): Promise<TestApp> {
  const t = await openTestApp()
  await reportesSobreAccion(t, REPORTES)
  sesionesDeRelleno(t, sesiones, 2015, 2024)
  return t
}

async function leer(x: TestApp) {
  const sentencias: { sql: string; params: unknown[] }[] = []
  const api = createAppApi(
    {
      ...x.app,
      db: createKysely(
        observando(x.app.handle, ({ sql, params }) => sentencias.push({ sql, params }))
      )
    },
    { version: 't' }
  )
  const h = await api['trayectoria:obtener']({ accionId: accionDe(x) })
  return { h, sentencias }
}

describe("a rarely reported acción's page", () => {
  it('gives its latest reports, sessions and acuerdos', async () => {
    const { h } = await leer(larga)
    const ultimos = Array.from({ length: TRAYECTORIA_PAGINA }, (_, k) => REPORTES - 12 + k)
    expect(h.avances.map((a) => a.porcentaje)).toEqual(ultimos)
    expect(h.sesiones.map((s) => s.fecha)).toEqual(h.avances.map((a) => a.fecha))
    expect(h.sesiones.every((s) => s.temas.join() === 'avance,acuerdos')).toBe(true)
    expect(h.acuerdos.map((a) => a.texto)).toEqual(
      ultimos.map((i) => `Acuerdo sobre la acción ${i}`)
    )
    expect(h.hayMas).toBe(true)
  })

  it('does the same work with 600 and with 3,000 sessions, counted by SQLite itself', async () => {
    const [a, b] = [await leer(corta), await leer(larga)]
    // The same page (ids aside: each file has its own).
    const vista = (h: typeof a.h) => [
      h.avances.map((x) => [x.fecha, x.porcentaje]),
      h.sesiones.map((x) => [x.fecha, x.temas]),
      h.acuerdos.map((x) => x.texto),
      h.hayMas
    ]
    expect(vista(b.h)).toEqual(vista(a.h))
    expect(b.sentencias.map((s) => s.sql)).toEqual(a.sentencias.map((s) => s.sql))
    const [pa, pb] = [
      pasosDeSqlite(corta.file, a.sentencias),
      pasosDeSqlite(larga.file, b.sentencias)
    ]
    console.log('VM steps', pa, pb)
    pb.forEach((pasos, k) => expect(pasos).toBeLessThanOrEqual(pa[k]! * 1.1 + 20))
  })
})
