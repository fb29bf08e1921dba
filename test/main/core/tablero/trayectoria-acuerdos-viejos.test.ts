import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { apiObservada, pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { acuerdosDeRelleno, sesionesDeRelleno } from '../../../helpers/relleno'
import { accionDe } from '../../../helpers/trayectoria'
import { caller, entradaSesion } from '../../../helpers/sesiones'

/**
 * An acción reported in each of its 14 latest sessions (2015-2016) with no acuerdo taken there,
 * nor measurement, and many acuerdos and measurements in earlier years (5 acuerdos and one
 * measurement a session: 600 vs 3,000 sessions of 2000-2014). Its page shows 12 of each; before,
 * finding fewer than 13 since its 13th latest report, it read and sorted every acuerdo of the
 * acción (137,598 vs 687,198 SQLite steps; review of #13), and every measurement.
 */
async function armar(n: number): Promise<TestApp> {
  const t = await openTestApp()
  sesionesDeRelleno(t, n, 2000, 2014)
  acuerdosDeRelleno(t, 5)
  const accion = accionDe(t)
  const h = t.app.handle
  const codigo = h.prepare('select codigo from acciones where id = ?').pluck().get(accion)
  h.prepare('update acuerdos set accion_id = ?, accion_codigo = ?').run(accion, codigo)
  // And a measurement of its first indicador in each of those sessions.
  h.prepare(
    `insert into mediciones (id, sesion_id, indicador_id, accion_codigo, indicador_texto, tipo,
       valor, fecha_corte, created_at, updated_at)
     select 'm-' || s.id, s.id, (select id from indicadores where accion_id = ? order by orden
       limit 1), ?, 'i', 'numero', 1, s.fecha, s.created_at, s.created_at from sesiones s`
  ).run(accion, codigo)
  const api = caller(t)
  const [instancia] = await api.ok('instancia:listar', undefined)
  for (let i = 0; i < 14; i++) {
    const fecha = `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`
    const s = await api.ok('sesion:crear', entradaSesion(instancia!.id, fecha))
    await api.ok('avance:guardar', {
      sesionId: s.id,
      accionId: accion,
      estado: 'en_curso',
      porcentaje: i,
      reporte: `Reporte ${i}`
    })
  }
  return t
}
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

async function leer(x: TestApp) {
  const { api, sentencias } = apiObservada(x)
  const h = await api['trayectoria:obtener']({ accionId: accionDe(x) })
  return { h, sentencias }
}

/** The page's acuerdos as (session date, number), latest first as sorted by SQL. */
function esperados(x: TestApp): string[] {
  return (
    x.app.handle
      .prepare(
        `select s.fecha || ' ' || a.numero as k from acuerdos a join sesiones s on s.id = a.sesion_id
         order by s.fecha desc, s.created_at desc, a.numero desc limit 12`
      )
      .pluck()
      .all() as string[]
  ).reverse()
}

describe('acción page: old acuerdos, recent reports without acuerdos', () => {
  it('shows its 12 latest acuerdos and measurements, with the same SQLite work for 3,000 and 15,000 of them', async () => {
    const a = await leer(corta)
    const b = await leer(larga)
    const fechas = (x: TestApp, h: typeof a.h) => {
      const fecha = x.app.handle.prepare('select fecha from sesiones where id = ?').pluck()
      return h.acuerdos.map((c) => `${String(fecha.get(c.sesionId))} ${c.numero}`)
    }
    const medidas = (x: TestApp, h: typeof a.h) => {
      const ultimas = x.app.handle
        .prepare('select fecha from sesiones where fecha < ? order by fecha desc limit 12')
        .pluck()
        .all('2015-01-01') as string[]
      expect(h.indicadores[0]!.mediciones.map((m) => m.fecha)).toEqual(ultimas.reverse())
    }
    medidas(corta, a.h)
    medidas(larga, b.h)
    expect(fechas(corta, a.h)).toEqual(esperados(corta))
    expect(fechas(larga, b.h)).toEqual(esperados(larga))
    expect(b.h.hayMas).toBe(true)
    expect(b.sentencias.map((s) => s.sql)).toEqual(a.sentencias.map((s) => s.sql))
    const pa = pasosDeSqlite(corta.file, a.sentencias)
    const pb = pasosDeSqlite(larga.file, b.sentencias)
    console.log('VM steps, 600 / 3,000 old sessions', pa, pb)
    pb.forEach((p, k) => expect(p).toBeLessThanOrEqual(pa[k]! * 1.1 + 20))
  })
})
