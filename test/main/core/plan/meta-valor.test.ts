import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { fila } from '../../../helpers/consulta'
import { cadaPrueba, type Caller } from '../../../helpers/respuestas'
import type { IndicadorTipo } from '../../../../src/shared/domain/plan'
import { indicadorCrearSchema } from '../../../../src/shared/plan/schemas'

/**
 * An indicador's numeric target must fit its kind: a porcentaje from 0 to 100, a count a whole
 * number, a hito 1. Refused by the contract (a form or the bridge) and by the core (a kind changed
 * while the stored target is kept), with the Spanish message on the field.
 */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

const MENSAJES = {
  porcentaje: 'La meta de un indicador de porcentaje no puede superar 100.',
  conteo: 'La meta de un indicador de conteo debe ser un número entero.',
  hito: 'La meta de un hito es 1 (logrado).',
  negativa: 'La meta numérica no puede ser negativa.'
}
const rechazo = (message: string) => ({
  ok: false,
  error: { code: 'entrada_invalida', message, fields: { metaValor: message } }
})

async function accionId(): Promise<string> {
  const a = await api.ok('plan:arbol', {})
  return a.ejes[0]!.objetivos[0]!.acciones[0]!.id
}
const campos = (tipo: IndicadorTipo) => ({
  texto: 'Cobertura de la capacitación.',
  tipo,
  numerador: tipo === 'porcentaje' ? 'Capacitados' : null,
  denominador: tipo === 'porcentaje' ? 'Funcionarios' : null
})
const guardada = (id: string) =>
  fila(t, 'select tipo, meta_valor from indicadores where id = ?', id)

describe('the numeric target by kind of indicador', () => {
  it('takes what fits each kind and refuses the rest, creating and editing', async () => {
    const accion = await accionId()
    const casos: [IndicadorTipo, number, string | null][] = [
      ['porcentaje', 100, null],
      ['porcentaje', 0, null],
      ['porcentaje', 80.5, null],
      ['porcentaje', 100.5, MENSAJES.porcentaje],
      ['porcentaje', -1, MENSAJES.negativa],
      ['conteo', 30, null],
      ['conteo', 1000, null],
      ['conteo', 12.5, MENSAJES.conteo],
      ['conteo', -3, MENSAJES.negativa],
      ['hito', 1, null],
      ['hito', 2, MENSAJES.hito],
      ['hito', 0, MENSAJES.hito]
    ]
    const base = await api.ok('indicador:crear', { accionId: accion, ...campos('hito') })
    for (const [tipo, metaValor, error] of casos) {
      const creado = await api.call('indicador:crear', {
        accionId: accion,
        ...campos(tipo),
        metaValor
      })
      const editado = await api.call('indicador:actualizar', {
        id: base.id,
        ...campos(tipo),
        metaValor
      })
      if (error === null) {
        expect(creado, `${tipo} ${metaValor}`).toMatchObject({ ok: true, value: { metaValor } })
        expect(editado, `${tipo} ${metaValor}`).toMatchObject({ ok: true, value: { metaValor } })
        expect(await guardada(base.id)).toEqual({ tipo, meta_valor: metaValor })
      } else {
        expect(creado, `${tipo} ${metaValor}`).toEqual(rechazo(error))
        expect(editado, `${tipo} ${metaValor}`).toEqual(rechazo(error))
      }
    }
  })

  it('refuses a change of kind that the kept target does not fit, and leaves the row as it was', async () => {
    const accion = await accionId()
    const conteo = await api.ok('indicador:crear', {
      accionId: accion,
      ...campos('conteo'),
      metaValor: 150
    })
    // The edit leaves the target out (as the import does): 150 is kept and is no porcentaje.
    expect(
      await api.call('indicador:actualizar', { id: conteo.id, ...campos('porcentaje') })
    ).toEqual(rechazo(MENSAJES.porcentaje))
    expect(await guardada(conteo.id)).toEqual({ tipo: 'conteo', meta_valor: 150 })
    // With a target that fits, or none, the change goes through.
    expect(
      await api.ok('indicador:actualizar', {
        id: conteo.id,
        ...campos('porcentaje'),
        metaValor: 90
      })
    ).toMatchObject({ tipo: 'porcentaje', metaValor: 90 })
    await api.ok('indicador:actualizar', { id: conteo.id, ...campos('conteo'), metaValor: null })
    expect(
      await api.ok('indicador:actualizar', { id: conteo.id, ...campos('hito') })
    ).toMatchObject({ tipo: 'hito', metaValor: null })
  })

  it('is refused by the contract itself, before any core (as a form checks it)', () => {
    const r = indicadorCrearSchema.safeParse({
      accionId: '01a22b25-0000-7000-8000-000000000001',
      ...campos('porcentaje'),
      metaValor: 120
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['metaValor', MENSAJES.porcentaje]
    ])
  })
})
