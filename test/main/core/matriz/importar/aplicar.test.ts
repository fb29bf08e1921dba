import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { aplicarMatriz, GUARDANDO } from '../../../../../src/main/core/matriz/importar/aplicar'
import type { PlanArbol } from '../../../../../src/shared/domain/plan'
import { dbSnapshot, openTestApp, type TestApp } from '../../../../helpers/db'
import { leidaDe } from './leida'

/**
 * Applying a read workbook, row by row: what changes is written, what did not change keeps its
 * stamp, what the workbook no longer names is deleted with a tombstone. In process, on the
 * read structure, so each rule is checked on its own.
 */
let t: TestApp
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(() => t.close())

const NO_EXISTE = '01a22b25-0000-7000-8000-000000000000'
const arbol = (planId?: string): Promise<PlanArbol> => t.api['plan:arbol'](planId ? { planId } : {})
const acciones = (p: PlanArbol) => p.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
const accion = (p: PlanArbol, codigo: string) => acciones(p).find((a) => a.codigo === codigo)!
const fila = (tabla: 'acciones' | 'ejes' | 'objetivos' | 'metas' | 'indicadores', id: string) =>
  t.app.db.selectFrom(tabla).selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const instancia = async (codigo: string) =>
  (await t.api['instancia:listar'](undefined)).find((i) => i.codigo === codigo)!.id
const tombstones = async () =>
  (await t.app.db.selectFrom('tombstones').select(['id', 'tabla']).execute()).map(
    (x) => `${x.tabla}:${x.id}`
  )

async function cargar() {
  const plan = await arbol()
  const glosario = await t.api['institucion:listar'](undefined)
  return { plan, glosario, ...leidaDe(plan, glosario) }
}

describe('aplicarMatriz', () => {
  it('writes nothing when the workbook is the plan itself, spacing aside', async () => {
    const { plan, leida, accion: a } = await cargar()
    a('1.1.a').texto = ` ${a('1.1.a').texto}\n`
    leida.glosario[0]!.nombre = `${leida.glosario[0]!.nombre}  `
    const antes = await dbSnapshot(t.app.db)
    expect(await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })).toBe(
      plan.plan.id
    )
    expect(await dbSnapshot(t.app.db)).toBe(antes)
  })

  it('refuses an unknown plan and writes nothing', async () => {
    const { leida } = await cargar()
    const antes = await dbSnapshot(t.app.db)
    await expect(
      aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: NO_EXISTE })
    ).rejects.toMatchObject({
      code: 'no_encontrado',
      message: 'El plan no existe o fue eliminado.'
    })
    expect(await dbSnapshot(t.app.db)).toBe(antes)
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
    const antes = await dbSnapshot(t.app.db)
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
    expect(await dbSnapshot(t.app.db)).toBe(antes)
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
    expect(await dbSnapshot(t.app.db)).toBe(antes)
  })
})
