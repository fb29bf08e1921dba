import { describe, expect, it } from 'vitest'
import {
  cadaPrueba,
  type Caller,
  NO_EXISTE,
  conflicto,
  noExiste
} from '../../../helpers/respuestas'
import { acciones, accion, arbolDe, objetivo } from './arbol'

/**
 * The plan's services read back field by field — acciones: one read whole with its eje,
 * objetivo, metas, indicadores and instancia, created and edited: what each call returns, what
 * lands in the database, and each refusal's Spanish message and field.
 * Everything runs inside `it` so that mutation testing's per-test coverage sees it.
 */
let api: Caller
cadaPrueba((_, llamar) => void (api = llamar))

const arbol = (planId?: string) => arbolDe(api, planId)

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
