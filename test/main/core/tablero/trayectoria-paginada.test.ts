import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppApi } from '../../../../src/main/core/api'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { TRAYECTORIA_MAXIMO, TRAYECTORIA_PAGINA } from '../../../../src/shared/tablero/contract'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { accionDe, reportesSobreAccion } from '../../../helpers/trayectoria'
import { observando } from '../../../helpers/sentencias'
import { pasosDeSqlite } from '../../../helpers/pasos-sqlite'

/**
 * An acción's page gives the latest reports, not its whole story: 30 sessions reported on it and
 * the page has the latest TRAYECTORIA_PAGINA, saying there are more; «Ver más» asks for more.
 * The reports are walked back from the newest along avance_fechas' index: no sort of them all.
 */
const N = 30
let t: TestApp
let larga: TestApp
let accionId = ''
beforeAll(async () => {
  t = await conReportes(N)
  larga = await conReportes(3 * N)
  accionId = accionDe(t)
}, 120_000)
afterAll(async () => {
  await t.close()
  await larga.close()
})

/** A file where `n` sessions, a month apart, reported on one acción and took an acuerdo on it. */
async function conReportes(n: number): Promise<TestApp> {
  const t = await openTestApp()
  await reportesSobreAccion(t, n)
  return t
}

/** Every statement the page runs, and what they were given. */
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

describe("an acción's page, paged", () => {
  it('gives the latest reports and sessions first, and says there are more', async () => {
    const h = await t.api['trayectoria:obtener']({ accionId })
    expect(h.limite).toBe(TRAYECTORIA_PAGINA)
    expect(h.hayMas).toBe(true)
    const ultimos = Array.from({ length: TRAYECTORIA_PAGINA }, (_, k) => N - TRAYECTORIA_PAGINA + k)
    expect(h.avances.map((a) => a.porcentaje)).toEqual(ultimos)
    expect(h.sesiones).toHaveLength(TRAYECTORIA_PAGINA)
    expect(h.sesiones.map((s) => s.fecha)).toEqual(h.avances.map((a) => a.fecha))
  })

  it('gives more when asked, and says when there are no more', async () => {
    const h = await t.api['trayectoria:obtener']({ accionId, limite: TRAYECTORIA_MAXIMO })
    expect(h.hayMas).toBe(false)
    expect(h.avances.map((a) => a.porcentaje)).toEqual(Array.from({ length: N }, (_, k) => k))
  })

  it('walks the reports back along the index, sorting none of them', async () => {
    const { sentencias } = await leer(t)
    const reportes = sentencias.filter(({ sql }) => /from "avance_fechas" as "f"/.test(sql))
    expect(reportes).toHaveLength(1)
    const plan = (
      t.app.handle
        .prepare(`explain query plan ${reportes[0]!.sql}`)
        .all(...(reportes[0]!.params.flat() as unknown[])) as { detail: string }[]
    ).map((r) => r.detail)
    expect(plan[0]).toMatch(
      /^SEARCH f USING (COVERING )?INDEX avance_fechas_ultimo_idx \(accion_id=\?\)$/
    )
    expect(plan.filter((d) => /TEMP B-TREE|^SCAN/.test(d))).toEqual([])
  })

  it('does the same work with three times the history, counted by SQLite itself', async () => {
    const [a, b] = [await leer(t), await leer(larga)]
    expect(b.h.avances).toHaveLength(a.h.avances.length)
    expect(b.h.acuerdos).toHaveLength(TRAYECTORIA_PAGINA)
    expect(b.sentencias).toHaveLength(a.sentencias.length)
    const [pa, pb] = [pasosDeSqlite(t.file, a.sentencias), pasosDeSqlite(larga.file, b.sentencias)]
    console.log('VM steps', pa, pb)
    pb.forEach((pasos, k) => expect(pasos).toBeLessThanOrEqual(pa[k]! * 1.1 + 20))
  })
})
