import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import {
  cadaPrueba,
  type Caller,
  NO_EXISTE,
  conflicto,
  noExiste
} from '../../../helpers/respuestas'
import { arbolDe, crearPlanAntiguo, objetivo } from './arbol'

/**
 * The plan's services read back field by field — plans, ejes and objetivos: what each call
 * returns, what lands in the database, and each refusal's Spanish message and field.
 * Everything runs inside `it` so that mutation testing's per-test coverage sees it.
 */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => void ([t, api] = [nueva, llamar]))

const arbol = (planId?: string) => arbolDe(api, planId)
const planAntiguo = () => crearPlanAntiguo(t, api)

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
