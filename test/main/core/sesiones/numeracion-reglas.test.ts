import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { cerrarYAprobar, entradaSesion, filaSesion } from '../../../helpers/sesiones'
import { numerosEnOrden } from '../../../../src/main/core/sesiones/numeracion'

// The numbering rule's edges, on its own and through the API: what the question before a
// session goes out of date order says, word for word, and who it names.

let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

const nueva = (fecha: string) => api.ok('sesion:crear', entradaSesion(ctx.prevencion.id, fecha))
const crear = (fecha: string) => api.call('sesion:crear', entradaSesion(ctx.prevencion.id, fecha))
const pregunta = async (fecha: string): Promise<string | undefined> => {
  const r = await crear(fecha)
  expect(r.ok).toBe(false)
  return r.ok ? undefined : r.error.fields?.fueraDeOrden
}

describe('the question before numbering out of date order', () => {
  it('names this session alone when only it would go out of order', async () => {
    const s1 = await nueva('2014-03-12')
    await nueva('2014-06-11')
    await cerrarYAprobar(t, s1.id)
    // Before the approved N° 1 there is no number left: only this session is in the way.
    expect(await pregunta('2014-02-01')).toBe(
      'Por su fecha, esta sesión iría antes de sesiones cuyo número consta en actas ya finalizadas ' +
        'o aprobadas (N° 1/2014), cuyos números no pueden cambiar. ¿Numerarla a continuación, ' +
        'como N° 3/2014, fuera del orden de las fechas?'
    )
  })

  it('names the other session the new date pushes out of order, by its title and date', async () => {
    await nueva('2014-01-10')
    await nueva('2014-02-01')
    const x = await nueva('2014-03-01')
    await cerrarYAprobar(t, x.id)
    // Created before both drafts: it takes N° 1, the draft of 1 February has nowhere to go.
    expect(await pregunta('2014-01-05')).toBe(
      'Por las fechas, la Sesión Ordinaria N° 2/2014 (01-02-2014) iría antes de sesiones cuyo ' +
        'número consta en actas ya finalizadas o aprobadas (N° 3/2014), cuyos números no pueden ' +
        'cambiar. ¿Numerarla a continuación, como N° 4/2014, fuera del orden de las fechas?'
    )
  })
})

describe('the rule on its own', () => {
  const f = filaSesion

  it('a fixed number in date order moves the count on, leaving the numbers below it unused', () => {
    const r = numerosEnOrden([
      f('a', '2014-01-01', 3, 'aprobada'),
      f('e', '2014-02-01', 1),
      f('z', '2014-12-01', 5, 'aprobada')
    ])
    expect(Object.fromEntries(r.numeros)).toEqual({ a: 3, e: 4, z: 5 })
    expect(r.fueraDeOrden).toEqual([])
  })

  it('a session accepted out of order keeps its number unless a fixed one holds it or it has none yet', () => {
    const orden = [
      f('a', '2014-01-01', 1, 'aprobada'),
      f('b', '2014-02-01', 1),
      f('c', '2014-03-01', 2, 'aprobada'),
      f('d', '2014-04-01', 0)
    ]
    // b's number is the approved a's: it is numbered after all (not given 1 twice).
    const r = numerosEnOrden(orden, new Set(['b']))
    expect(Object.fromEntries(r.numeros)).toEqual({ a: 1, c: 2, d: 3, b: 4 })
    expect(r.fueraDeOrden).toEqual(['b'])
    // Accepted but not yet numbered (0): numbered after all too, never 0.
    const [a, , c] = orden
    const s = numerosEnOrden([a!, f('b', '2014-02-01', 0), c!], new Set(['b']))
    expect(Object.fromEntries(s.numeros)).toEqual({ a: 1, c: 2, b: 3 })
    // Free, its number stays while it is out of order; the drafts in order skip it.
    const u = numerosEnOrden(
      [a!, f('b', '2014-02-01', 7), c!, f('d', '2014-04-01', 0)],
      new Set(['b'])
    )
    expect(Object.fromEntries(u.numeros)).toEqual({ a: 1, c: 2, b: 7, d: 3 })
    expect(u.fueraDeOrden).toEqual(['b'])
  })
})
