import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppApi } from '../../../../src/main/core/api'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller, entradaSesion } from '../../../helpers/sesiones'
import { observando } from '../../../helpers/sentencias'
import { pasosDeSqlite } from '../../../helpers/pasos-sqlite'

/**
 * The list of every acuerdo, unfiltered, reads its first page by walking the plazo index
 * (migration 0018) and takes its total from SQLite's count of the table: the same work with 4
 * times as many acuerdos, counted by SQLite itself. Before, it joined every acuerdo to its
 * session to count them and sorted them all for the page.
 */
async function conAcuerdos(sesiones: number): Promise<TestApp> {
  const t = await openTestApp()
  const api = caller(t)
  const [instancia] = await api.ok('instancia:listar', undefined)
  for (let i = 0; i < sesiones; i++) {
    const anio = 2015 + Math.floor(i / 12)
    const mes = String((i % 12) + 1).padStart(2, '0')
    const s = await api.ok('sesion:crear', entradaSesion(instancia!.id, `${anio}-${mes}-10`))
    for (let k = 0; k < 5; k++)
      await api.ok('acuerdo:crear', {
        sesionId: s.id,
        texto: `Acuerdo ${k + 1} de la sesión ${i + 1}`,
        institucionId: null,
        personaId: null,
        // Some without plazo (last in the list); the others due in the month after.
        plazo: k === 4 ? null : `${anio}-${mes}-${String(20 + k).padStart(2, '0')}`,
        accionId: null
      })
  }
  return t
}

async function primeraPagina(t: TestApp, orden?: 'plazo_desc') {
  const sentencias: { sql: string; params: unknown[] }[] = []
  const api = createAppApi(
    {
      ...t.app,
      db: createKysely(
        observando(t.app.handle, ({ sql, params }) => sentencias.push({ sql, params }))
      )
    },
    { version: 't' }
  )
  const r = await api['acuerdo:listar']({ limit: 50, ...(orden ? { orden } : {}) })
  // The follow-ups of the page's acuerdos are read by their ids: the page and its total only.
  const lista = sentencias.filter(
    ({ sql }) => /from "acuerdos"/.test(sql) && !/json_each/.test(sql)
  )
  return { r, lista }
}

describe('the list of every acuerdo, unfiltered', () => {
  let corta: TestApp
  let larga: TestApp
  beforeAll(async () => {
    corta = await conAcuerdos(10)
    larga = await conAcuerdos(40)
  }, 120_000)
  afterAll(async () => {
    await corta?.close()
    await larga?.close()
  })

  it('gives the page by plazo, those without one last, and the exact total', async () => {
    const { r } = await primeraPagina(larga)
    expect(r.total).toBe(200)
    const plazos = r.filas.map((a) => a.plazo)
    expect(plazos).toEqual([...plazos].sort())
    expect(plazos[0]).toBe('2015-01-20')
    const todos = await larga.api['acuerdo:listar']({ limit: 200 })
    expect(todos.filas.slice(-40).every((a) => a.plazo === null)).toBe(true)
    const desc = await primeraPagina(larga, 'plazo_desc')
    expect(desc.r.filas[0]!.plazo).toBe('2018-04-23')
  })

  it.each([undefined, 'plazo_desc' as const])(
    'orden %s: SQLite does the same work with 50 acuerdos as with 200',
    async (orden) => {
      const [a, b] = [await primeraPagina(corta, orden), await primeraPagina(larga, orden)]
      expect(b.lista).toHaveLength(2)
      const [pa, pb] = [pasosDeSqlite(corta.file, a.lista), pasosDeSqlite(larga.file, b.lista)]
      console.log('VM steps', orden ?? 'plazo', pa, pb)
      pb.forEach((pasos, k) => expect(pasos).toBeLessThanOrEqual(pa[k]! * 1.1 + 20))
      const plan = (
        larga.app.handle
          .prepare(`explain query plan ${b.lista.find(({ sql }) => /order by/.test(sql))!.sql}`)
          .all(
            ...(b.lista.find(({ sql }) => /order by/.test(sql))!.params.flat() as unknown[])
          ) as {
          detail: string
        }[]
      ).map((p) => p.detail)
      expect(plan[0]).toMatch(/^SCAN a USING INDEX acuerdos_plazo(_desc)?_idx$/)
    }
  )
})
