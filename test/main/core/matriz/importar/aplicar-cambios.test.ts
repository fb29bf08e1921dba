import { describe, expect, it } from 'vitest'
import { aplicarMatriz } from '../../../../../src/main/core/matriz/importar/aplicar'
import type { TestApp } from '../../../../helpers/db'
import { cadaPrueba } from '../../../../helpers/respuestas'
import { accion, lecturas } from './aplicando'
import { leidaDe } from './leida'

/**
 * Applying a read workbook, what changed: rows renamed, reordered and moved (objetivos to another
 * eje, ejes reordered) touch only those; metas and indicadores stay in line by position, derived
 * again only from changed text; glossary siglas are added at the end and renamed, ignoring case.
 * What did not change keeps its stamp. In process, on the read structure.
 */
let t: TestApp
cadaPrueba((nueva) => void (t = nueva))
const { arbol, fila, tombstones, cargar } = lecturas(() => t)

describe('aplicarMatriz', () => {
  it('renames, reorders and moves rows, touching only those', async () => {
    const { plan, leida, objetivo: o } = await cargar()
    const e1 = plan.ejes[0]!
    leida.ejes[0]!.nombre = 'PREVENCIÓN (nuevo nombre)'
    o('1.2').texto = 'Objetivo editado.'
    // 1.1.b before 1.1.a; 1.1.e moved under 1.2 (its code kept).
    const [x, y] = o('1.1').acciones.splice(0, 2)
    o('1.1').acciones.unshift(y!, x!)
    const movida = o('1.1').acciones.pop()!
    o('1.2').acciones.push(movida)
    // Objetivos 2.1 and 1.2 untouched in the workbook except as said.
    const antes = {
      c: await fila('acciones', accion(plan, '1.1.c').id),
      o21: await fila('objetivos', plan.ejes[1]!.objetivos[0]!.id),
      e2: await fila('ejes', plan.ejes[1]!.id)
    }
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const despues = await arbol()
    expect(despues.ejes[0]!).toMatchObject({ id: e1.id, nombre: 'PREVENCIÓN (nuevo nombre)' })
    const o11 = despues.ejes[0]!.objetivos[0]!
    const o12 = despues.ejes[0]!.objetivos[1]!
    expect(o12).toMatchObject({ codigo: '1.2', texto: 'Objetivo editado.' })
    expect(o11.acciones.map((z) => [z.codigo, z.orden])).toEqual([
      ['1.1.b', 1],
      ['1.1.a', 2],
      ['1.1.c', 3],
      ['1.1.d', 4]
    ])
    expect(o12.acciones.map((z) => [z.codigo, z.orden]).at(-1)).toEqual(['1.1.e', 5])
    expect(accion(despues, '1.1.e').id).toBe(accion(plan, '1.1.e').id)
    expect(await fila('acciones', accion(plan, '1.1.c').id)).toEqual(antes.c)
    expect(await fila('objetivos', plan.ejes[1]!.objetivos[0]!.id)).toEqual(antes.o21)
    expect(await fila('ejes', plan.ejes[1]!.id)).toEqual(antes.e2)
    expect(await tombstones()).toEqual([])
  })

  it('moves an objetivo to another eje and reorders ejes', async () => {
    const { plan, leida } = await cargar()
    const [e1, e2] = leida.ejes
    leida.ejes.splice(0, 2, e2!, e1!)
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    expect((await arbol()).ejes.map((e) => [e.codigo, e.orden])).toEqual([
      ['2', 1],
      ['1', 2],
      ['3', 3],
      ['4', 4]
    ])
    // An objetivo whose code stays but sits under another eje in the workbook follows it.
    const { leida: l2, objetivo } = leidaDe(await arbol())
    const o21 = objetivo('2.1')
    l2.ejes[0]!.objetivos = []
    l2.ejes[1]!.objetivos.push(o21)
    await aplicarMatriz(t.app.db, l2, { modo: 'actualizar', planId: plan.plan.id })
    const p = await arbol()
    expect(p.ejes.find((e) => e.codigo === '1')!.objetivos.map((o) => [o.codigo, o.orden])).toEqual(
      [
        ['1.1', 1],
        ['1.2', 2],
        ['2.1', 3]
      ]
    )
    expect(p.ejes.find((e) => e.codigo === '2')!.objetivos).toEqual([])
  })

  it('keeps metas and indicadores in line by position, deriving again only from changed text', async () => {
    const { plan, leida, accion: a } = await cargar()
    const antes = accion(plan, '1.1.a')
    expect(antes.indicadores).toHaveLength(3)
    // A deadline typed by hand survives when the meta's text stays.
    const b = accion(plan, '1.1.b').metas[0]!
    await t.api['meta:actualizar']({ id: b.id, texto: b.texto, plazo: '2014-05-05' })
    a('1.1.b').texto = 'Texto nuevo.'
    a('1.1.a').metas = ['Nueva primera meta al segundo semestre de 2015.', antes.metas[0]!.texto]
    a('1.1.a').indicadores = [antes.indicadores[1]!.texto, 'Número de talleres']
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const d = accion(await arbol(), '1.1.a')
    expect(d.metas.map((m) => [m.id === antes.metas[0]!.id, m.texto, m.plazo, m.orden])).toEqual([
      [true, 'Nueva primera meta al segundo semestre de 2015.', '2015-12-31', 1],
      [false, antes.metas[0]!.texto, antes.metas[0]!.plazo, 2]
    ])
    expect(d.indicadores.map((i) => [i.texto, i.tipo, i.orden])).toEqual([
      [antes.indicadores[1]!.texto, antes.indicadores[1]!.tipo, 1],
      ['Número de talleres', 'conteo', 2]
    ])
    expect(d.indicadores[0]!.id).toBe(antes.indicadores[0]!.id)
    expect(await tombstones()).toEqual([`indicadores:${antes.indicadores[2]!.id}`])
    expect(antes.metas[0]!.plazo).not.toBeNull()
    expect(accion(await arbol(), '1.1.b')).toMatchObject({ texto: 'Texto nuevo.' })
    expect((await fila('metas', b.id)).plazo).toBe('2014-05-05')
  })

  it('adds siglas at the end of the glossary and renames others, ignoring case', async () => {
    const { plan, leida, glosario } = await cargar()
    const sernam = glosario.find((g) => g.sigla === 'SERNAM')!
    leida.glosario = [
      { sigla: 'sernam', nombre: 'Servicio Nacional de la Mujer y la Equidad de Género' },
      { sigla: 'OIM', nombre: 'Organización Internacional para las Migraciones' },
      { sigla: 'ACNUR', nombre: 'Alto Comisionado' }
    ]
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const despues = await t.api['institucion:listar'](undefined)
    expect(despues.find((g) => g.id === sernam.id)).toEqual({
      ...sernam,
      nombre: 'Servicio Nacional de la Mujer y la Equidad de Género'
    })
    expect(despues.slice(-2).map((g) => [g.sigla, g.nombre, g.orden])).toEqual([
      ['OIM', 'Organización Internacional para las Migraciones', glosario.length + 1],
      ['ACNUR', 'Alto Comisionado', glosario.length + 2]
    ])
    expect(despues).toHaveLength(glosario.length + 2)
  })
})
