import { describe, expect, it } from 'vitest'
import { aplicarMatriz } from '../../../../../src/main/core/matriz/importar/aplicar'
import type { TestApp } from '../../../../helpers/db'
import { cadaPrueba } from '../../../../helpers/respuestas'
import { acciones, accion, lecturas } from './aplicando'
import { leidaDe } from './leida'

/**
 * Applying a read workbook, rows that come and go: new rows are added with their instancia taken
 * from the responsables, what the workbook no longer names is deleted with a tombstone, and the
 * instancia changes only when the responsables change and name another one. In process, on the
 * read structure.
 */
let t: TestApp
cadaPrueba((nueva) => void (t = nueva))
const { arbol, instancia, tombstones, cargar } = lecturas(() => t)

describe('aplicarMatriz', () => {
  it('adds new rows with their instancia from the responsables, and deletes what is gone', async () => {
    const { plan, leida, objetivo: o } = await cargar()
    const quitadoEje = leida.ejes.pop()!
    const quitadaAccion = o('1.2').acciones.pop()!
    leida.ejes.push({
      codigo: '5',
      nombre: 'SEGUIMIENTO',
      objetivos: [
        {
          codigo: '5.1',
          texto: 'Dar seguimiento.',
          acciones: [
            {
              codigo: '5.1.a',
              texto: 'Informe anual.',
              responsables: 'Subcomision CONTROL, Coordinador: MININT',
              metas: ['Informe al primer trimestre de 2016.'],
              indicadores: ['Número de informes', '(Casos atendidos / Casos derivados) * 100'],
              fila: 40
            },
            {
              codigo: '5.1.b',
              texto: 'Sin instancia.',
              responsables: 'Nadie en particular',
              metas: [],
              indicadores: [],
              fila: 41
            },
            {
              codigo: '5.1.c',
              texto: 'Por nombre.',
              responsables: 'La Mesa de asistencia a víctimas',
              metas: [],
              indicadores: [],
              fila: 42
            }
          ]
        }
      ]
    })
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const p = await arbol()
    expect(p.ejes.map((e) => [e.codigo, e.orden])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['5', 4]
    ])
    const e5 = p.ejes.at(-1)!
    expect(e5).toMatchObject({ nombre: 'SEGUIMIENTO', planId: plan.plan.id })
    expect(e5.objetivos.map((x) => [x.codigo, x.texto, x.orden])).toEqual([
      ['5.1', 'Dar seguimiento.', 1]
    ])
    const [a, b, c] = e5.objetivos[0]!.acciones
    expect(a).toMatchObject({
      codigo: '5.1.a',
      texto: 'Informe anual.',
      orden: 1,
      responsables: 'Subcomision CONTROL, Coordinador: MININT',
      instanciaId: await instancia('CONTROL')
    })
    expect(a!.metas.map((m) => [m.texto, m.plazo, m.orden])).toEqual([
      ['Informe al primer trimestre de 2016.', '2016-03-31', 1]
    ])
    expect(a!.indicadores.map((i) => [i.tipo, i.numerador, i.denominador, i.orden])).toEqual([
      ['conteo', null, null, 1],
      ['porcentaje', 'Casos atendidos', 'Casos derivados', 2]
    ])
    expect([b!.orden, b!.instanciaId]).toEqual([2, null])
    // "Subcomisión Asistencia a Víctimas" is named by the last word of its name.
    expect([c!.orden, c!.instanciaId]).toEqual([3, await instancia('ASISTENCIA')])

    const idsQuitados = [
      ...quitadoEje.objetivos.flatMap((x) => x.acciones.map((z) => accion(plan, z.codigo).id)),
      accion(plan, quitadaAccion.codigo).id
    ]
    expect(acciones(p).map((z) => z.codigo)).not.toContain(quitadaAccion.codigo)
    const muertos = await tombstones()
    for (const id of idsQuitados) expect(muertos).toContain(`acciones:${id}`)
    expect(muertos).toContain(`ejes:${plan.ejes[3]!.id}`)
    for (const x of plan.ejes[3]!.objetivos) expect(muertos).toContain(`objetivos:${x.id}`)
    expect(muertos).toHaveLength(idsQuitados.length + 1 + plan.ejes[3]!.objetivos.length)
  })

  it('changes the instancia only when the responsables change and name another one', async () => {
    const { plan, leida, accion: a } = await cargar()
    const prevencion = await instancia('PREVENCION')
    expect(accion(plan, '1.1.a').instanciaId).toBe(prevencion)
    a('1.1.a').responsables = 'Mesa RAV'
    a('1.1.b').responsables = 'Nadie que se reconozca'
    a('1.1.c').texto = 'Texto nuevo.'
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const p = await arbol()
    expect(accion(p, '1.1.a')).toMatchObject({
      responsables: 'Mesa RAV',
      instanciaId: await instancia('RAV')
    })
    expect(accion(p, '1.1.b')).toMatchObject({
      responsables: 'Nadie que se reconozca',
      instanciaId: prevencion
    })
    // A change of text alone keeps the instancia a person chose, even one the cell does not name.
    await t.app.db
      .updateTable('acciones')
      .set({ instancia_id: await instancia('MITP') })
      .where('id', '=', accion(plan, '1.1.d').id)
      .execute()
    const { leida: l2, accion: a2 } = leidaDe(await arbol(), leida.glosario)
    a2('1.1.d').texto = 'Otro texto.'
    await aplicarMatriz(t.app.db, l2, { modo: 'actualizar', planId: plan.plan.id })
    expect(accion(await arbol(), '1.1.d')).toMatchObject({
      texto: 'Otro texto.',
      instanciaId: await instancia('MITP')
    })
    expect(accion(await arbol(), '1.1.c').texto).toBe('Texto nuevo.')
  })
})
