import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { cerrarYAprobar, entradaSesion, filaSesion, sesionMovida } from '../../../helpers/sesiones'
import { numerosEnOrden } from '../../../../src/main/core/sesiones/numeracion'

let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

const entrada = (fecha: string) => entradaSesion(ctx.prevencion.id, fecha)
const nueva = (fecha: string) => api.ok('sesion:crear', entrada(fecha))
const mover = (id: string, fecha: string, fueraDeOrden?: boolean) =>
  api.call('sesion:actualizar', sesionMovida(id, fecha, fueraDeOrden))
/** "fecha:N°" of every session of the instancia, in date order. */
const numeros = async () =>
  (await api.ok('sesion:listar', { instanciaId: ctx.prevencion.id, anio: 2014 }))
    .map((s) => `${s.fecha}:${s.numero}/${s.anio}`)
    .reverse()
const aprobar = (id: string) => cerrarYAprobar(t, id)

describe('numbering follows the calendar', () => {
  it('a back-dated session takes its place and the later drafts move up', async () => {
    await nueva('2014-03-12')
    await nueva('2014-06-11')
    await nueva('2014-09-10')
    const atrasada = await nueva('2014-05-14')
    expect(atrasada.titulo).toBe('Sesión Ordinaria N° 2/2014')
    expect(await numeros()).toEqual([
      '2014-03-12:1/2014',
      '2014-05-14:2/2014',
      '2014-06-11:3/2014',
      '2014-09-10:4/2014'
    ])
    // Moving a date moves the number; deleting a draft closes the gap.
    expect((await mover(atrasada.id, '2014-10-01')).ok).toBe(true)
    expect(await numeros()).toEqual([
      '2014-03-12:1/2014',
      '2014-06-11:2/2014',
      '2014-09-10:3/2014',
      '2014-10-01:4/2014'
    ])
    await api.ok('sesion:eliminar', { id: atrasada.id })
    const primera = (await api.ok('sesion:listar', {})).at(-1)!
    await api.ok('sesion:eliminar', { id: primera.id })
    expect(await numeros()).toEqual(['2014-06-11:1/2014', '2014-09-10:2/2014'])
  })

  it('never changes an approved number; a session that would collide with one is asked about', async () => {
    const s1 = await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    await nueva('2014-09-10')
    await aprobar(s1.id)
    await aprobar(s2.id)
    // Between two approved actas there is no number free: refused with the question first.
    const r = await api.call('sesion:crear', entrada('2014-05-14'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('conflicto')
    expect(r.error.fields?.fueraDeOrden).toMatch(/\(N° 2\/2014\).*N° 4\/2014/)
    expect(await numeros()).toEqual(['2014-03-12:1/2014', '2014-06-11:2/2014', '2014-09-10:3/2014'])
    // Accepted: it is numbered after the others, and the approved numbers stay.
    const fuera = await api.ok('sesion:crear', { ...entrada('2014-05-14'), fueraDeOrden: true })
    expect(fuera.numero).toBe(4)
    // After the approved ones, a back-dated draft still takes its place among the drafts; the
    // number accepted out of order stays, and the later drafts skip it.
    const antes = await nueva('2014-08-01')
    expect(antes.numero).toBe(3)
    expect(await numeros()).toEqual([
      '2014-03-12:1/2014',
      '2014-05-14:4/2014',
      '2014-06-11:2/2014',
      '2014-08-01:3/2014',
      '2014-09-10:5/2014'
    ])
    // A draft moved behind the approved ones is asked about too.
    const sept = (await api.ok('sesion:listar', {})).find((s) => s.fecha === '2014-09-10')!
    const m = await mover(sept.id, '2014-04-01')
    expect(m.ok ? 'ok' : m.error.code).toBe('conflicto')
  })

  it('a session already accepted out of order saves its other fields without asking again', async () => {
    const s1 = await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    await aprobar(s1.id)
    await aprobar(s2.id)
    const fuera = await api.ok('sesion:crear', { ...entrada('2014-05-14'), fueraDeOrden: true })
    const r = await api.call('sesion:actualizar', {
      id: fuera.id,
      fecha: '2014-05-14',
      horaInicio: null,
      horaTermino: null,
      lugar: 'Sala 2',
      modalidad: 'presencial',
      preside: '',
      proximaFecha: null,
      proximaLugar: ''
    })
    expect(r.ok ? r.value.lugar : r.error.message).toBe('Sala 2')
    expect(await numeros()).toEqual(['2014-03-12:1/2014', '2014-05-14:3/2014', '2014-06-11:2/2014'])
  })

  it('asks, naming it, when a new session would push another draft behind approved numbers', async () => {
    const extra = (fecha: string, fueraDeOrden?: boolean) =>
      api.call('sesion:crear', { ...entrada(fecha), tipo: 'extraordinaria', fueraDeOrden })
    const e1 = await extra('2014-05-01')
    const e2 = await extra('2014-07-01')
    if (!e1.ok || !e2.ok) throw new Error('no se crearon')
    await aprobar(e2.value.id)
    const r = await extra('2014-04-01')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.fields?.fueraDeOrden).toMatch(/Sesión Extraordinaria N° 1\/2014 \(01-05-2014\)/)
    const lista = async () =>
      (await api.ok('sesion:listar', { instanciaId: ctx.prevencion.id, anio: 2014 }))
        .map((s) => `${s.fecha}:${s.numero}`)
        .reverse()
    expect(await lista()).toEqual(['2014-05-01:1', '2014-07-01:2'])
    expect((await extra('2014-04-01', true)).ok).toBe(true)
    expect(await lista()).toEqual(['2014-04-01:1', '2014-05-01:3', '2014-07-01:2'])
  })

  it('the rule on its own: approved fixed, drafts in date order, the rest after', () => {
    const f = filaSesion
    const r = numerosEnOrden([
      f('d', '2014-09-01', 9),
      f('a', '2014-01-01', 1, 'aprobada'),
      f('b', '2014-02-01', 7),
      f('c', '2014-03-01', 2, 'aprobada'),
      f('e', '2014-04-01', 3)
    ])
    expect(Object.fromEntries(r.numeros)).toEqual({ a: 1, c: 2, e: 3, d: 4, b: 5 })
    expect(r.fueraDeOrden).toEqual(['b'])
  })
})
