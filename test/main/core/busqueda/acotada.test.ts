import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller, ordinarias } from '../../../helpers/sesiones'
import { VENTANA } from '../../../../src/main/core/busqueda/busqueda.service'

/**
 * A frequent word costs the same at any age: of the actas' matches (what grows with the years)
 * only the newest VENTANA are counted and ranked, and the page says there are more. Before, every
 * match was counted and ranked (198 ms at ×10 history). The plan's, people's and instituciones'
 * matches do not grow with the years: they are always all found, ranked with the window, and a
 * filter by their class finds them, however old (the window alone lost them: they are the oldest
 * rows of the index).
 */
let t: TestApp
let api: ReturnType<typeof caller>
const MAS = 40
let institucionId = ''
let accionId = ''
const puntos: string[] = []
beforeAll(async () => {
  t = await openTestApp()
  api = caller(t)
  institucionId = (await api.ok('institucion:crear', { sigla: 'QUI', nombre: 'Quimera Ozono' })).id
  accionId = t.app.handle
    .prepare("select id from acciones where codigo = '1.1.a'")
    .pluck()
    .get() as string
  const { accion } = await api.ok('accion:obtener', { id: accionId })
  await api.ok('accion:actualizar', { ...accion, texto: 'Difundir la quimera del plan' })
  const instancia = t.app.handle
    .prepare("select id from instancias where codigo = 'PREVENCION'")
    .pluck()
    .get() as string
  const s = await ordinarias(t, instancia)('2015-03-10')
  // The word in each punto's body: a title (the acción's, the institución's) weighs more.
  for (let i = 0; i < VENTANA + MAS; i++) {
    const { id } = await api.ok('punto:crear', { sesionId: s.id, titulo: `Punto ${i}` })
    await api.ok('punto:actualizar', { id, titulo: `Punto ${i}`, desarrollo: 'De la quimera.' })
    puntos.push(id)
  }
}, 120_000)
afterAll(() => t.close())

describe('searching a word with more matches in the actas than the window', () => {
  it('counts only the window of the actas, and all of the rest', async () => {
    const p = await api.ok('busqueda:buscar', { texto: 'quimera', limite: 20 })
    expect(p.masDe).toBe(VENTANA)
    expect(p.porClase).toEqual({ plan: 1, acta: VENTANA, persona: 0, institucion: 1 })
    expect(p.total).toBe(VENTANA + 2)
    expect(p.resultados).toHaveLength(20)
    // Named in their titles, the oldest rows of the index rank first.
    expect(
      p.resultados
        .slice(0, 2)
        .map((r) => r.id)
        .sort()
    ).toEqual([institucionId, accionId].sort())
  })

  it('filtered by a class that does not grow, finds it however old, and says no "más de"', async () => {
    const inst = await api.ok('busqueda:buscar', { texto: 'quimera', clases: ['institucion'] })
    expect(inst.resultados.map((r) => r.id)).toEqual([institucionId])
    expect(inst.masDe).toBeUndefined()
    const plan = await api.ok('busqueda:buscar', { texto: 'quimera', clases: ['plan'] })
    expect(plan.resultados.map((r) => r.id)).toEqual([accionId])
    expect(plan.total).toBe(1)
  })

  it('ranks only the newest matches of the actas: the oldest are left out, every page too', async () => {
    const vistos = new Set<string>()
    for (let desde = 0; desde < VENTANA + MAS; desde += 100) {
      const p = await api.ok('busqueda:buscar', {
        texto: 'quimera',
        clases: ['acta'],
        limite: 100,
        desde
      })
      p.resultados.forEach((r) => vistos.add(r.id))
    }
    expect(vistos.size).toBe(VENTANA)
    expect(vistos.has(puntos.at(-1)!)).toBe(true)
    expect(puntos.slice(0, MAS).some((id) => vistos.has(id))).toBe(false)
  })
})
