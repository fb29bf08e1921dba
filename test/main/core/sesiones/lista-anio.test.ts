import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppApi } from '../../../../src/main/core/api'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { observando } from '../../../helpers/sentencias'
import { pasosDeSqlite } from '../../../helpers/pasos-sqlite'
import { sesionesDeRelleno } from '../../../helpers/relleno'

/**
 * The sessions of one year: 60 of them in 2045 whether the file holds ten years (600 sessions)
 * or fifty (3,000). The year is read as a range of the date index, so SQLite does the same work
 * in both; before, every session was checked for its year (review of #13).
 */
let corta: TestApp
let larga: TestApp
beforeAll(async () => {
  corta = await openTestApp()
  sesionesDeRelleno(corta, 600, 2040, 2049)
  larga = await openTestApp()
  sesionesDeRelleno(larga, 3000, 2000, 2049)
}, 60_000)
afterAll(async () => {
  await corta?.close()
  await larga?.close()
})

async function delAnio(x: TestApp, conInstancia: boolean) {
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
  const [instancia] = await x.api['instancia:listar'](undefined)
  const filas = await api['sesion:listar']({
    anio: 2045,
    ...(conInstancia ? { instanciaId: instancia!.id } : {})
  })
  return { filas, sentencias }
}

describe('the sessions of one year', () => {
  it.each([false, true])('with instancia %s: the year’s sessions only, newest first', async (c) => {
    const { filas } = await delAnio(larga, c)
    expect(filas).toHaveLength(c ? 12 : 60)
    expect(filas.every((s) => s.fecha.startsWith('2045-') && s.anio === 2045)).toBe(true)
    const fechas = filas.map((s) => s.fecha)
    expect(fechas).toEqual([...fechas].sort().reverse())
  })

  it.each([false, true])(
    'with instancia %s: the same SQLite work with 600 and with 3,000 sessions',
    async (c) => {
      const [a, b] = [await delAnio(corta, c), await delAnio(larga, c)]
      expect(b.filas).toHaveLength(a.filas.length)
      const [pa, pb] = [
        pasosDeSqlite(corta.file, a.sentencias),
        pasosDeSqlite(larga.file, b.sentencias)
      ]
      console.log('VM steps', c, pa, pb)
      pb.forEach((pasos, k) => expect(pasos).toBeLessThanOrEqual(pa[k]! * 1.1 + 20))
    }
  )
})
