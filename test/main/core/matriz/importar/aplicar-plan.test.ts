import { describe, expect, it } from 'vitest'
import { aplicarMatriz, GUARDANDO } from '../../../../../src/main/core/matriz/importar/aplicar'
import type { PlanArbol } from '../../../../../src/shared/domain/plan'
import { type TestApp } from '../../../../helpers/db'
import { foto } from '../../../../helpers/consulta'
import { cadaPrueba, NO_EXISTE } from '../../../../helpers/respuestas'
import { lecturas } from './aplicando'

/**
 * Applying a read workbook as a whole: the plan itself writes nothing (spacing aside), an unknown
 * plan is refused with nothing written, a new plan period gets every row in the workbook order,
 * and the work reports each acción saved, stops on a cancel with nothing kept and marks its
 * point of no return. In process, on the read structure.
 */
let t: TestApp
cadaPrueba((nueva) => void (t = nueva))
const { arbol, cargar } = lecturas(() => t)

describe('aplicarMatriz', () => {
  it('writes nothing when the workbook is the plan itself, spacing aside', async () => {
    const { plan, leida, accion: a } = await cargar()
    a('1.1.a').texto = ` ${a('1.1.a').texto}\n`
    leida.glosario[0]!.nombre = `${leida.glosario[0]!.nombre}  `
    const antes = await foto(t)
    expect(await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })).toBe(
      plan.plan.id
    )
    expect(await foto(t)).toBe(antes)
  })

  it('refuses an unknown plan and writes nothing', async () => {
    const { leida } = await cargar()
    const antes = await foto(t)
    await expect(
      aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: NO_EXISTE })
    ).rejects.toMatchObject({
      code: 'no_encontrado',
      message: 'El plan no existe o fue eliminado.'
    })
    expect(await foto(t)).toBe(antes)
  })

  it('creates a new plan period with every row, in the workbook order', async () => {
    const { plan, leida } = await cargar()
    const id = await aplicarMatriz(t.app.db, leida, {
      modo: 'nuevo',
      nombre: 'Plan 2015-2016',
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31'
    })
    expect(id).not.toBe(plan.plan.id)
    const nuevo = await arbol(id)
    expect(nuevo.plan).toEqual({
      id,
      nombre: 'Plan 2015-2016',
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31',
      cerradoAt: null
    })
    const forma = (p: PlanArbol) =>
      p.ejes.map((e) => [
        e.codigo,
        e.nombre,
        e.orden,
        e.objetivos.map((o) => [
          o.codigo,
          o.texto,
          o.orden,
          o.acciones.map((a) => [
            a.codigo,
            a.texto,
            a.orden,
            a.responsables,
            a.instanciaId,
            a.metas.map((m) => [m.texto, m.plazo, m.orden]),
            // The kind of an indicador is derived again from its text (the seed typed it).
            a.indicadores.map((i) => [i.texto, i.orden])
          ])
        ])
      ])
    expect(forma(nuevo)).toEqual(forma(plan))
    // The old plan is untouched.
    expect(await arbol(plan.plan.id)).toEqual(plan)
  })

  it('reports each acción saved, stops on a cancel with nothing kept, and marks its point of no return', async () => {
    const { plan, leida, accion: a } = await cargar()
    a('1.1.a').texto = 'Cambio.'
    const pasos: [number, string][] = []
    const motivos: string[] = []
    await aplicarMatriz(
      t.app.db,
      leida,
      { modo: 'actualizar', planId: plan.plan.id },
      { progreso: (f, d) => pasos.push([f, d]), sinRetorno: (m) => motivos.push(m) }
    )
    expect(pasos[0]).toEqual([0.5 + 0.45 / 25, 'Guardando la acción 1.1.a (1 de 25)'])
    expect(pasos[24]).toEqual([0.95, 'Guardando la acción 4.2.d (25 de 25)'])
    expect(pasos.slice(25)).toEqual([
      [0.95, 'Guardando'],
      [0.95, 'Guardando los cambios']
    ])
    expect(motivos).toEqual([GUARDANDO])

    const c = new AbortController()
    a('1.1.b').texto = 'Otro cambio.'
    const antes = await foto(t)
    let n = 0
    await expect(
      aplicarMatriz(
        t.app.db,
        leida,
        { modo: 'actualizar', planId: plan.plan.id },
        { signal: c.signal, progreso: () => ++n === 3 && c.abort() }
      )
    ).rejects.toMatchObject({
      code: 'cancelado',
      message: 'Operación cancelada. No se escribió nada.'
    })
    expect(n).toBe(3)
    expect(await foto(t)).toBe(antes)
    // Without a point-of-no-return hook, a cancel that came during the last step still stops it.
    const tarde = new AbortController()
    await expect(
      aplicarMatriz(
        t.app.db,
        leida,
        { modo: 'actualizar', planId: plan.plan.id },
        { signal: tarde.signal, progreso: (_f, d) => d === 'Guardando' && tarde.abort() }
      )
    ).rejects.toMatchObject({ code: 'cancelado' })
    expect(await foto(t)).toBe(antes)
  })
})
