import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emparejarMetas } from '../../../../src/main/core/plan/comparar.service'
import type { Accion, PlanArbol } from '../../../../src/shared/domain/plan'
import { openTestApp, type TestApp } from '../../../helpers/db'

// "Comparar períodos" says a meta moved its plazo only for the meta it really is: metas are
// paired by their text, not by their place, so reordering or adding one moves nothing.

type Meta = Accion['metas'][number]
const meta = (id: string, texto: string, plazo: string | null): Meta => ({
  id,
  accionId: 'a',
  texto,
  plazo,
  orden: 0,
  rotulo: null
})

describe('pairing the metas of an acción across periods', () => {
  const diseno = meta(
    '1',
    'Contar con el diseño de una metodología a diciembre de 2013.',
    '2013-12-31'
  )
  const informe = meta('2', 'Generar informe anual acerca del fenómeno.', null)
  it('by the same text, whatever their order', () => {
    const despues = [
      { ...informe, id: '4' },
      { ...diseno, id: '3' }
    ]
    expect(emparejarMetas([diseno, informe], despues).map(([a, b]) => [a.id, b.id])).toEqual([
      ['2', '4'],
      ['1', '3']
    ])
  })
  it('a reworded meta with most of its words; a new one and a rewritten one pair with nothing', () => {
    const nueva = meta('5', 'Capacitar a 200 fiscales en 2016.', null)
    const reescrita = meta('6', 'Publicar un boletín semestral de datos.', null)
    const retocada = meta(
      '7',
      'Contar con el diseño de una metodología a diciembre de 2016.',
      '2016-12-31'
    )
    const pares = emparejarMetas([diseno, informe], [nueva, retocada, reescrita])
    expect(pares.map(([a, b]) => [a.id, b.id])).toEqual([['1', '7']])
  })
})

let t: TestApp
let copia: PlanArbol
const de = (a: PlanArbol, codigo: string) =>
  a.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones)).find((x) => x.codigo === codigo)!

beforeAll(async () => {
  t = await openTestApp()
  const [plan] = await t.api['plan:listar'](undefined)
  const nuevo = await t.api['plan:copiar']({
    id: plan!.id,
    nombre: 'Plan 2015-2016',
    periodoDesde: '2015-01-01',
    periodoHasta: '2016-12-31'
  })
  copia = await t.api['plan:arbol']({ planId: nuevo.id })
})
afterAll(() => t?.close())

const comparar = async (codigo: string) => {
  const [plan] = await t.api['plan:listar'](undefined)
  const c = await t.api['periodos:comparar']({ anteriorId: plan!.id, posteriorId: copia.plan.id })
  return c.cambios.find((x) => x.codigo === codigo)
}

describe('Comparar períodos on a copied plan', () => {
  it('metas only reordered (4.2.b): no plazo moved', async () => {
    const b = de(copia, '4.2.b')
    expect(b.metas).toHaveLength(2)
    await t.api['meta:mover']({ id: b.metas[1]!.id, direccion: 'arriba' })
    expect((await comparar('4.2.b'))?.plazos ?? []).toEqual([])
  })
  it('a meta added at the top of 4.2.c moves no plazo; a real change is the one reported', async () => {
    const c = de(copia, '4.2.c')
    await t.api['meta:crear']({
      accionId: c.id,
      texto: 'Meta nueva al inicio.',
      plazo: '2016-03-31'
    })
    const nueva = (await t.api['plan:arbol']({ planId: copia.plan.id })).ejes
      .flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
      .find((x) => x.codigo === '4.2.c')!
      .metas.find((m) => m.texto === 'Meta nueva al inicio.')!
    for (let i = 0; i < 3; i++) await t.api['meta:mover']({ id: nueva.id, direccion: 'arriba' })
    expect((await comparar('4.2.c'))?.plazos ?? []).toEqual([])
    const original = c.metas[0]!
    await t.api['meta:actualizar']({ id: original.id, texto: original.texto, plazo: '2016-06-30' })
    expect((await comparar('4.2.c'))?.plazos).toEqual([
      { meta: original.texto, antes: original.plazo, despues: '2016-06-30' }
    ])
  })
})
