import { describe, expect, it } from 'vitest'
import { cadaPrueba, type Caller, NO_EXISTE, noExiste } from '../../../helpers/respuestas'
import { accion, arbolDe } from './arbol'

/**
 * The plan's services read back field by field — metas and indicadores: a meta's deadline read
 * from its text, a porcentaje's numerator and denominator, the numeric target kept across edits:
 * what each call returns, what lands in the database, and each refusal's Spanish message and
 * field.
 * Everything runs inside `it` so that mutation testing's per-test coverage sees it.
 */
let api: Caller
cadaPrueba((_, llamar) => void (api = llamar))

const arbol = (planId?: string) => arbolDe(api, planId)

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
