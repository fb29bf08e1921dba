import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas } from '../../../helpers/consulta'
import { caller } from '../../../helpers/sesiones'
import { sembrarDemo } from '../../../../src/main/core/seed/demo'

/**
 * An acción's code ("1.1.a") is no word of the index: searching it finds the acción (and any
 * text that cites the code), never every row holding a "1" and an "a" somewhere.
 */
let t: TestApp
let api: ReturnType<typeof caller>
beforeAll(async () => {
  t = await openTestApp()
  await sembrarDemo(t.api)
  api = caller(t)
}, 120_000)
afterAll(() => t.close())

const acciones = () =>
  filas<{ id: string; codigo: string }>(t, 'select id, codigo from acciones order by codigo')

describe('search by an acción code', () => {
  it('finds the acción of each seeded code first, and only texts citing the code', async () => {
    const todas = await acciones()
    for (const codigo of ['1.1.a', '2.1.c']) {
      const accion = todas.find((a) => a.codigo === codigo)!
      expect(accion, codigo).toBeDefined()
      const r = await api.ok('busqueda:buscar', { texto: ` ${codigo.toUpperCase()} `, limite: 100 })
      expect(r.resultados[0]?.id, codigo).toBe(accion.id)
      expect(r.total).toBe(r.resultados.length)
      // Every other hit cites the code, its pieces together.
      const cita = new RegExp(codigo.split('.').join('\\W+'), 'i')
      for (const x of r.resultados.slice(1))
        expect(x.fragmentos.map((f) => f.texto).join(''), codigo).toMatch(cita)
    }
  })

  it('a code’s start lists its acciones, by code, and pages past them', async () => {
    const todas = await acciones()
    const de11 = todas.filter((a) => a.codigo.startsWith('1.1.')).map((a) => a.id)
    expect(de11.length).toBeGreaterThan(1)
    const r = await api.ok('busqueda:buscar', { texto: '1.1', limite: 100 })
    expect(r.resultados.slice(0, de11.length).map((x) => x.id)).toEqual(de11)
    const segunda = await api.ok('busqueda:buscar', { texto: '1.1', limite: 1, desde: 1 })
    expect(segunda.resultados.map((x) => x.id)).toEqual([r.resultados[1]!.id])
    // Out of the plan's class, the acciones by code are not there.
    const actas = await api.ok('busqueda:buscar', { texto: '1.1.a', clases: ['acta'] })
    expect(actas.resultados.every((x) => x.clase === 'acta')).toBe(true)
  })
})
