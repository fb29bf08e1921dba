import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import type { PlanArbol } from '../../../../src/shared/domain/plan'
import {
  cadaPrueba,
  type Caller,
  NO_EXISTE,
  conflicto,
  noExiste
} from '../../../helpers/respuestas'

/**
 * The plan's services read back field by field: what each call returns, what lands in the
 * database, and each refusal's Spanish message and field. Everything runs inside `it` so that
 * mutation testing's per-test coverage sees it.
 */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

const arbol = (planId?: string): Promise<PlanArbol> =>
  api.ok('plan:arbol', planId ? { planId } : {})
const acciones = (a: PlanArbol) => a.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
const accion = (a: PlanArbol, codigo: string) => acciones(a).find((x) => x.codigo === codigo)!
const objetivo = (a: PlanArbol, codigo: string) =>
  a.ejes.flatMap((e) => e.objetivos).find((x) => x.codigo === codigo)!

/** A second plan, older than the seeded one, with one eje: there is no channel to create plans. */
async function planAntiguo(): Promise<string> {
  const stamp = '2010-01-01T00:00:00.000Z'
  const id = '01a22b25-0000-7000-8000-0000000000aa'
  await t.app.db
    .insertInto('planes')
    .values({
      id,
      nombre: 'Plan 2010',
      periodo_desde: '2010-01-01',
      periodo_hasta: '2012-12-31',
      created_at: stamp,
      updated_at: stamp
    })
    .execute()
  await api.ok('eje:crear', { planId: id, codigo: '1', nombre: 'ANTIGUO' })
  return id
}

describe('planes', () => {
  it('lists the plans oldest first and gives the newest as the default tree', async () => {
    const actual = (await arbol()).plan
    expect(actual).toEqual({
      id: expect.any(String),
      nombre: 'Plan de Acción contra la Trata de Personas 2013-2014',
      periodoDesde: '2013-01-01',
      periodoHasta: '2014-12-31',
      cerradoAt: null
    })
    const antiguo = await planAntiguo()
    expect(await api.ok('plan:listar', undefined)).toEqual([
      {
        id: antiguo,
        nombre: 'Plan 2010',
        periodoDesde: '2010-01-01',
        periodoHasta: '2012-12-31',
        cerradoAt: null
      },
      actual
    ])
    expect((await arbol()).plan).toEqual(actual)
    const viejo = await arbol(antiguo)
    expect(viejo.plan.nombre).toBe('Plan 2010')
    expect(viejo.ejes.map((e) => [e.codigo, e.nombre, e.planId, e.objetivos])).toEqual([
      ['1', 'ANTIGUO', antiguo, []]
    ])
    expect(viejo.instancias.map((i) => i.codigo)).toEqual(
      (await api.ok('instancia:listar', undefined)).map((i) => i.codigo)
    )
    expect(await api.call('plan:arbol', { planId: NO_EXISTE })).toEqual(noExiste('El plan'))
  })

  it('renames a plan and changes its period, and refuses an unknown one', async () => {
    const { plan } = await arbol()
    const nuevo = {
      id: plan.id,
      nombre: 'Plan renovado',
      periodoDesde: '2015-01-01',
      periodoHasta: '2019-12-31'
    }
    expect(await api.ok('plan:actualizar', nuevo)).toEqual({ ...nuevo, cerradoAt: null })
    expect((await arbol()).plan).toEqual({ ...nuevo, cerradoAt: null })
    const row = await t.app.db.selectFrom('planes').selectAll().executeTakeFirstOrThrow()
    expect(row.updated_at > row.created_at).toBe(true)
    expect(await api.call('plan:actualizar', { ...nuevo, id: NO_EXISTE })).toEqual(
      noExiste('El plan')
    )
  })
})

describe('ejes and objetivos', () => {
  it('creates an eje at the end and edits it; refuses a taken code, an unknown plan or eje', async () => {
    const { plan } = await arbol()
    const eje = await api.ok('eje:crear', { planId: plan.id, codigo: '9', nombre: 'NUEVO' })
    expect(eje).toEqual({
      id: expect.any(String),
      planId: plan.id,
      codigo: '9',
      nombre: 'NUEVO',
      orden: 5,
      objetivos: []
    })
    expect(await api.call('eje:crear', { planId: plan.id, codigo: '1', nombre: 'X' })).toEqual(
      conflicto('Ya existe un eje con el código 1 en este plan.', 'codigo')
    )
    expect(await api.call('eje:crear', { planId: NO_EXISTE, codigo: '8', nombre: 'X' })).toEqual(
      noExiste('El plan')
    )
    // Keeping its own code is not a clash; taking another eje's is.
    const editado = await api.ok('eje:actualizar', { id: eje.id, codigo: '9', nombre: 'OTRO' })
    expect(editado).toEqual({ ...eje, nombre: 'OTRO' })
    expect(await api.call('eje:actualizar', { id: eje.id, codigo: '2', nombre: 'X' })).toEqual(
      conflicto('Ya existe un eje con el código 2 en este plan.', 'codigo')
    )
    expect(await api.call('eje:actualizar', { id: NO_EXISTE, codigo: '7', nombre: 'X' })).toEqual(
      noExiste('El eje')
    )
    const ejes = (await arbol()).ejes
    expect(ejes.map((e) => [e.codigo, e.nombre])).toContainEqual(['9', 'OTRO'])
    expect(ejes.find((e) => e.codigo === '2')!.nombre).not.toBe('X')
  })

  it('allows the same eje code in another plan', async () => {
    const antiguo = await planAntiguo()
    const eje = await api.ok('eje:crear', { planId: antiguo, codigo: '2', nombre: 'DOS' })
    expect(eje).toMatchObject({ planId: antiguo, codigo: '2', orden: 2 })
  })

  it('creates an objetivo under its eje and edits it; refuses wrong codes and unknown rows', async () => {
    const a = await arbol()
    const eje = a.ejes.find((e) => e.codigo === '1')!
    const antes = eje.objetivos.length
    const obj = await api.ok('objetivo:crear', { ejeId: eje.id, codigo: '1.9', texto: 'Nuevo.' })
    expect(obj).toEqual({
      id: expect.any(String),
      ejeId: eje.id,
      codigo: '1.9',
      texto: 'Nuevo.',
      orden: antes + 1,
      acciones: []
    })
    expect(await api.call('objetivo:crear', { ejeId: eje.id, codigo: '2.9', texto: 'x' })).toEqual(
      conflicto('El código del objetivo debe comenzar con 1.', 'codigo')
    )
    // "11.1" starts with "1" but not with "1.": it belongs to eje 11.
    expect(await api.call('objetivo:crear', { ejeId: eje.id, codigo: '11.1', texto: 'x' })).toEqual(
      conflicto('El código del objetivo debe comenzar con 1.', 'codigo')
    )
    expect(await api.call('objetivo:crear', { ejeId: eje.id, codigo: '1.1', texto: 'x' })).toEqual(
      conflicto('Ya existe un objetivo con el código 1.1 en este plan.', 'codigo')
    )
    expect(
      await api.call('objetivo:crear', { ejeId: NO_EXISTE, codigo: '1.8', texto: 'x' })
    ).toEqual(noExiste('El eje'))

    const editado = await api.ok('objetivo:actualizar', {
      id: obj.id,
      codigo: '1.9',
      texto: 'Editado.'
    })
    expect(editado).toEqual({ ...obj, texto: 'Editado.' })
    expect(
      await api.call('objetivo:actualizar', { id: obj.id, codigo: '2.9', texto: 'x' })
    ).toEqual(conflicto('El código del objetivo debe comenzar con 1.', 'codigo'))
    expect(
      await api.call('objetivo:actualizar', { id: obj.id, codigo: '1.1', texto: 'x' })
    ).toEqual(conflicto('Ya existe un objetivo con el código 1.1 en este plan.', 'codigo'))
    expect(
      await api.call('objetivo:actualizar', { id: NO_EXISTE, codigo: '1.8', texto: 'x' })
    ).toEqual(noExiste('El objetivo'))
    // In the tree, a new objetivo has no acciones yet.
    expect(objetivo(await arbol(), '1.9')).toEqual(editado)
    expect(objetivo(await arbol(), '1.1').texto).not.toBe('x')
  })
})

describe('acciones', () => {
  it('gives one acción with its eje, objetivo, metas, indicadores and instancia', async () => {
    const a = await arbol()
    const o = objetivo(a, '1.1')
    const eje = a.ejes.find((e) => e.codigo === '1')!
    const instancia = a.instancias[2]!
    const acc = await api.ok('accion:crear', {
      objetivoId: o.id,
      codigo: '1.1.z',
      texto: 'Acción nueva.',
      instanciaId: instancia.id,
      responsables: 'SERNAM, PDI'
    })
    expect(acc).toEqual({
      id: expect.any(String),
      objetivoId: o.id,
      codigo: '1.1.z',
      texto: 'Acción nueva.',
      instanciaId: instancia.id,
      responsables: 'SERNAM, PDI',
      orden: o.acciones.length + 1,
      rotuloIndicadores: null,
      separadorCodigo: null,
      metas: [],
      indicadores: []
    })
    const m1 = await api.ok('meta:crear', { accionId: acc.id, texto: 'Primera.', plazo: null })
    const m2 = await api.ok('meta:crear', {
      accionId: acc.id,
      texto: 'Segunda.',
      plazo: '2015-06-30'
    })
    const i1 = await api.ok('indicador:crear', {
      accionId: acc.id,
      texto: 'Hito.',
      tipo: 'hito',
      numerador: null,
      denominador: null
    })
    const d = await api.ok('accion:obtener', { id: acc.id })
    expect(d).toEqual({
      planId: a.plan.id,
      eje: { id: eje.id, codigo: '1', nombre: eje.nombre },
      objetivo: { id: o.id, codigo: '1.1', texto: o.texto },
      accion: { ...acc, metas: [m1, m2], indicadores: [i1] },
      instancia
    })
    // Moving a meta up changes the order the acción is read in.
    await api.ok('meta:mover', { id: m2.id, direccion: 'arriba' })
    expect(
      (await api.ok('accion:obtener', { id: acc.id })).accion.metas.map((m) => m.texto)
    ).toEqual(['Segunda.', 'Primera.'])
    expect(await api.call('accion:obtener', { id: NO_EXISTE })).toEqual(noExiste('La acción'))
  })

  it('gives an acción without instancia as null', async () => {
    const a = await arbol()
    const acc = await api.ok('accion:crear', {
      objetivoId: objetivo(a, '1.1').id,
      codigo: '1.1.z',
      texto: 'Sin instancia.',
      instanciaId: null,
      responsables: ''
    })
    const d = await api.ok('accion:obtener', { id: acc.id })
    expect(d.instancia).toBeNull()
    expect(d.accion).toMatchObject({ instanciaId: null, responsables: '' })
    // In the tree, a new acción has no metas or indicadores yet.
    expect(accion(await arbol(), '1.1.z')).toEqual(acc)
  })

  it('refuses an unknown objetivo or instancia, and edits code, text, instancia and responsables', async () => {
    const a = await arbol()
    const o = objetivo(a, '1.1')
    const base = { codigo: '1.1.z', texto: 'x', instanciaId: null, responsables: '' }
    expect(await api.call('accion:crear', { ...base, objetivoId: NO_EXISTE })).toEqual(
      noExiste('El objetivo')
    )
    expect(
      await api.call('accion:crear', { ...base, objetivoId: o.id, instanciaId: NO_EXISTE })
    ).toEqual(conflicto('La instancia responsable no existe.', 'instanciaId'))
    expect(acciones(await arbol()).map((x) => x.codigo)).not.toContain('1.1.z')

    const b = accion(a, '1.1.b')
    const instancia = a.instancias[0]!
    const editada = await api.ok('accion:actualizar', {
      id: b.id,
      codigo: '1.1.y',
      texto: 'Texto editado.',
      instanciaId: instancia.id,
      responsables: 'MINJU'
    })
    expect(editada).toEqual({
      ...b,
      codigo: '1.1.y',
      texto: 'Texto editado.',
      instanciaId: instancia.id,
      responsables: 'MINJU'
    })
    expect(accion(await arbol(), '1.1.y')).toEqual(editada)
    const otra = { id: b.id, texto: 'x', instanciaId: null, responsables: '' }
    expect(await api.call('accion:actualizar', { ...otra, codigo: '2.1.a' })).toEqual(
      conflicto('El código de la acción debe comenzar con 1.1.', 'codigo')
    )
    expect(await api.call('accion:actualizar', { ...otra, codigo: '1.1.a' })).toEqual(
      conflicto('Ya existe una acción con el código 1.1.a en este plan.', 'codigo')
    )
    expect(
      await api.call('accion:actualizar', { ...otra, codigo: '1.1.y', instanciaId: NO_EXISTE })
    ).toEqual(conflicto('La instancia responsable no existe.', 'instanciaId'))
    expect(
      await api.call('accion:actualizar', { ...otra, id: NO_EXISTE, codigo: '1.1.x' })
    ).toEqual(noExiste('La acción'))
    expect(accion(await arbol(), '1.1.y')).toEqual(editada)
  })
})

describe('metas and indicadores', () => {
  it('reads a meta deadline from its text only when it is left unsaid, on create and edit', async () => {
    const acc = accion(await arbol(), '1.1.a')
    const antes = acc.metas.length
    const m = await api.ok('meta:crear', { accionId: acc.id, texto: 'Al primer semestre de 2016.' })
    expect(m).toEqual({
      id: expect.any(String),
      accionId: acc.id,
      texto: 'Al primer semestre de 2016.',
      plazo: '2016-06-30',
      orden: antes + 1,
      rotulo: null
    })
    const dicho = await api.ok('meta:actualizar', {
      id: m.id,
      texto: 'Al primer semestre de 2016.',
      plazo: '2016-01-15'
    })
    expect(dicho).toEqual({ ...m, plazo: '2016-01-15' })
    const leido = await api.ok('meta:actualizar', { id: m.id, texto: 'Durante 2017.' })
    expect(leido).toEqual({ ...m, texto: 'Durante 2017.', plazo: '2017-12-31' })
    const sin = await api.ok('meta:actualizar', { id: m.id, texto: 'Durante 2017.', plazo: null })
    expect(sin.plazo).toBeNull()
    expect(accion(await arbol(), '1.1.a').metas.at(-1)).toEqual(sin)
    expect(await api.call('meta:crear', { accionId: NO_EXISTE, texto: 'x' })).toEqual(
      noExiste('La acción')
    )
    expect(await api.call('meta:actualizar', { id: NO_EXISTE, texto: 'x' })).toEqual(
      noExiste('La meta')
    )
  })

  it('keeps numerator and denominator only for a porcentaje, on create and edit', async () => {
    const acc = accion(await arbol(), '1.1.a')
    const antes = acc.indicadores.length
    const conteo = await api.ok('indicador:crear', {
      accionId: acc.id,
      texto: 'Talleres.',
      tipo: 'conteo',
      numerador: 'sobra',
      denominador: 'sobra'
    })
    expect(conteo).toEqual({
      id: expect.any(String),
      accionId: acc.id,
      texto: 'Talleres.',
      tipo: 'conteo',
      numerador: null,
      denominador: null,
      orden: antes + 1,
      vineta: null,
      metaValor: null
    })
    const pct = await api.ok('indicador:actualizar', {
      id: conteo.id,
      texto: 'Cobertura.',
      tipo: 'porcentaje',
      numerador: 'Atendidas',
      denominador: 'Total'
    })
    expect(pct).toEqual({
      ...conteo,
      texto: 'Cobertura.',
      tipo: 'porcentaje',
      numerador: 'Atendidas',
      denominador: 'Total'
    })
    const hito = await api.ok('indicador:actualizar', {
      id: conteo.id,
      texto: 'Documento.',
      tipo: 'hito',
      numerador: 'Atendidas',
      denominador: 'Total'
    })
    expect(hito).toEqual({ ...conteo, texto: 'Documento.', tipo: 'hito' })
    expect(accion(await arbol(), '1.1.a').indicadores.at(-1)).toEqual(hito)
    const nuevo = { texto: 'x', tipo: 'hito' as const, numerador: null, denominador: null }
    expect(await api.call('indicador:crear', { ...nuevo, accionId: NO_EXISTE })).toEqual(
      noExiste('La acción')
    )
    expect(await api.call('indicador:actualizar', { ...nuevo, id: NO_EXISTE })).toEqual(
      noExiste('El indicador')
    )
  })

  it('keeps the numeric target entered once: an edit that leaves it out keeps it, null clears it', async () => {
    const acc = accion(await arbol(), '1.1.a')
    const campos = {
      texto: 'Talleres.',
      tipo: 'conteo' as const,
      numerador: null,
      denominador: null
    }
    const ind = await api.ok('indicador:crear', { accionId: acc.id, ...campos, metaValor: 12 })
    expect(ind.metaValor).toBe(12)
    const sinMeta = await api.ok('indicador:actualizar', { id: ind.id, ...campos, texto: 'Otro.' })
    expect(sinMeta.metaValor).toBe(12)
    expect(
      (await api.ok('indicador:actualizar', { id: ind.id, ...campos, metaValor: null })).metaValor
    ).toBeNull()
    const mal = await api.call('indicador:actualizar', { id: ind.id, ...campos, metaValor: -3 })
    expect(mal.ok).toBe(false)
  })
})
