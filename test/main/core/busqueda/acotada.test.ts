import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import { VENTANA } from '../../../../src/main/core/busqueda/busqueda.service'

/**
 * A frequent word costs the same at any age: only its newest VENTANA matches are counted and
 * ranked, and the page says there are more. Before, every match was counted and ranked (198 ms
 * at ×10 history). The best match overall (an institución named by the word, the oldest row)
 * lies outside the window here: ranked with every match, it would come first.
 */
let t: TestApp
let api: ReturnType<typeof caller>
const MAS = 40
let institucionId = ''
beforeAll(async () => {
  t = await openTestApp()
  api = caller(t)
  institucionId = (await api.ok('institucion:crear', { sigla: 'QUI', nombre: 'Quimera Ozono' })).id
  for (let i = 0; i < VENTANA + MAS; i++)
    await api.ok('persona:crear', {
      nombre: `Persona ${i}`,
      cargo: `analista de la unidad quimera ${i}`,
      institucionId: null,
      correo: null,
      telefono: null
    })
}, 120_000)
afterAll(() => t.close())

describe('searching a word with more matches than the window', () => {
  it('counts only the window, and says there are more', async () => {
    const p = await api.ok('busqueda:buscar', { texto: 'quimera', limite: 20 })
    expect(p.masDe).toBe(VENTANA)
    expect(p.total).toBe(VENTANA)
    expect(p.porClase).toEqual({ plan: 0, acta: 0, persona: VENTANA, institucion: 0 })
    expect(p.resultados).toHaveLength(20)
  })

  it('ranks only the newest matches: the oldest, best one is left out, every page too', async () => {
    const vistos = new Set<string>()
    for (let desde = 0; desde < VENTANA + MAS; desde += 100) {
      const p = await api.ok('busqueda:buscar', { texto: 'quimera', limite: 100, desde })
      p.resultados.forEach((r) => vistos.add(r.id))
    }
    expect(vistos.size).toBe(VENTANA)
    expect(vistos.has(institucionId)).toBe(false)
    // The newest persona is in; the oldest ones (before the window) are not.
    const personas = t.app.handle
      .prepare('select id from personas order by id')
      .pluck()
      .all() as string[]
    expect(vistos.has(personas.at(-1)!)).toBe(true)
    expect(personas.slice(0, MAS).some((id) => vistos.has(id))).toBe(false)
  })

  it('is exact below the window: the institución named by the word comes first', async () => {
    // Classes are chosen within the window: the institución is not in it.
    const p = await api.ok('busqueda:buscar', { texto: 'quimera', clases: ['institucion'] })
    expect(p.resultados.map((r) => r.id)).toEqual([])
    const r = await api.ok('busqueda:buscar', { texto: 'ozono', limite: 5 })
    expect(r.masDe).toBeUndefined()
    expect(r.resultados[0]?.id).toBe(institucionId)
  })
})
