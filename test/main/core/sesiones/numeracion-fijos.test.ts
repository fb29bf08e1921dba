import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import {
  cerrarYAprobar,
  conFirmantes,
  entradaSesion,
  filaSesion,
  sesionMovida
} from '../../../helpers/sesiones'
import { numerosEnOrden } from '../../../../src/main/core/sesiones/numeracion'

/** Numbers printed on approved actas (their own, and the session they name) never move. */
let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

type Tipo = 'ordinaria' | 'extraordinaria'
const entrada = (fecha: string, tipo: Tipo = 'ordinaria', fueraDeOrden?: boolean) =>
  entradaSesion(ctx.prevencion.id, fecha, tipo, fueraDeOrden)
const nueva = (fecha: string, tipo: Tipo = 'ordinaria') =>
  api.ok('sesion:crear', entrada(fecha, tipo))
const mover = (id: string, fecha: string) => api.call('sesion:actualizar', sesionMovida(id, fecha))
const aprobarEn = async (id: string, enSesionId: string) => {
  await conFirmantes(t, id)
  await api.ok('sesion:cerrar', { id })
  return api.ok('sesion:aprobar', { id, enSesionId, observaciones: '' })
}
const numeros = async (anio: number, tipo: Tipo = 'ordinaria') =>
  (await api.ok('sesion:listar', { instanciaId: ctx.prevencion.id, anio }))
    .filter((s) => s.tipo === tipo)
    .map((s) => `${s.fecha}:${s.numero}`)
    .sort()
const respuesta = (r: Awaited<ReturnType<typeof mover>>) =>
  r.ok ? 'ok' : `${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`

describe('numbers printed on approved actas', () => {
  it('the session named in an approved acta keeps its number and its year', async () => {
    await nueva('2014-03-12')
    const junio = await nueva('2014-06-11')
    const sept = await nueva('2014-09-10')
    const aprobada = await aprobarEn(junio.id, sept.id)
    expect(aprobada.aprobadaEnSesionTitulo).toBe('Sesión Ordinaria N° 3/2014')
    // A July session would take N° 3: asked first, since N° 3 is printed on the acta of June.
    const r = await api.call('sesion:crear', entrada('2014-07-15'))
    expect(respuesta(r)).toMatch(/conflicto.*N° 3\/2014.*N° 4\/2014/)
    const julio = await api.ok('sesion:crear', entrada('2014-07-15', 'ordinaria', true))
    expect(julio.numero).toBe(4)
    expect(await numeros(2014)).toEqual([
      '2014-03-12:1',
      '2014-06-11:2',
      '2014-07-15:4',
      '2014-09-10:3'
    ])
    // Moving it to another year would change the number the acta prints: refused.
    expect(respuesta(await mover(sept.id, '2015-01-20'))).toMatch(/conflicto.*N° 3\/2014/)
    expect((await api.ok('sesion:obtener', { id: sept.id })).sesion.titulo).toBe(
      'Sesión Ordinaria N° 3/2014'
    )
  })

  it('drafts fill the free numbers, and a number accepted out of order stays', async () => {
    const e1 = await nueva('2014-01-03', 'extraordinaria')
    const e2 = await nueva('2014-01-04', 'extraordinaria')
    await aprobarEn(e1.id, e2.id)
    const r = await api.call('sesion:crear', entrada('2014-01-02', 'extraordinaria'))
    expect(respuesta(r)).toMatch(/conflicto.*N° 3\/2014/)
    const x = await api.ok('sesion:crear', entrada('2014-01-02', 'extraordinaria', true))
    expect(x.numero).toBe(3)
    await conFirmantes(t, x.id)
    await api.ok('sesion:cerrar', { id: x.id })
    const y = await nueva('2014-01-05', 'extraordinaria')
    expect(y.numero).toBe(4)
    expect((await api.ok('sesion:obtener', { id: x.id })).sesion.numero).toBe(3)
    await api.ok('sesion:aprobar', { id: x.id, enSesionId: y.id, observaciones: '' })
    const z = await nueva('2014-01-06', 'extraordinaria')
    expect(z.numero).toBe(5)
    expect(await numeros(2014, 'extraordinaria')).toEqual([
      '2014-01-02:3',
      '2014-01-03:1',
      '2014-01-04:2',
      '2014-01-05:4',
      '2014-01-06:5'
    ])
  })

  it('a fixed number out of date order does not push the later drafts past it', () => {
    const f = filaSesion
    const r = numerosEnOrden([
      f('x', '2014-02-01', 3, 'aprobada'),
      f('a', '2014-03-01', 1, 'aprobada'),
      f('d', '2014-04-01', 7),
      f('e', '2014-05-01', 9)
    ])
    expect(Object.fromEntries(r.numeros)).toEqual({ x: 3, a: 1, d: 2, e: 4 })
    expect(r.fueraDeOrden).toEqual([])
  })

  it('a draft cannot move after the approved acta that followed up its acuerdos', async () => {
    const x = await nueva('2015-02-01')
    const ac = await api.ok('acuerdo:crear', {
      sesionId: x.id,
      texto: 'Oficiar a la PDI',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const y = await nueva('2015-03-01')
    await api.ok('acuerdo:seguimiento', {
      sesionId: y.id,
      acuerdoId: ac.id,
      estado: 'cumplido',
      nota: ''
    })
    const z = await nueva('2015-04-01')
    await aprobarEn(y.id, z.id)
    expect(respuesta(await mover(x.id, '2015-05-01'))).toMatch(
      /conflicto.*Sesión Ordinaria N° 2\/2015/
    )
    expect(await numeros(2015)).toEqual(['2015-02-01:1', '2015-03-01:2', '2015-04-01:3'])
    // Earlier, or up to that session's date, it may still move.
    expect(respuesta(await mover(x.id, '2015-01-20'))).toBe('ok')
  })

  it('a finalized acta keeps its number (it may have been sent round); reopened, it is a draft again', async () => {
    await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    await api.ok('sesion:cerrar', { id: s2.id })
    // A draft dated before it asks first, as before an approved acta, instead of moving it to N° 3.
    const r = await api.call('sesion:crear', entrada('2014-05-14'))
    expect(respuesta(r)).toMatch(/finalizadas o aprobadas \(N° 2\/2014\)/)
    expect(await numeros(2014)).toEqual(['2014-03-12:1', '2014-06-11:2'])
    await api.ok('sesion:reabrir', { id: s2.id })
    await nueva('2014-05-14')
    expect(await numeros(2014)).toEqual(['2014-03-12:1', '2014-05-14:2', '2014-06-11:3'])
  })

  it('the question names only the approved actas the new date precedes', async () => {
    const s1 = await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    await cerrarYAprobar(t, s1.id)
    await cerrarYAprobar(t, s2.id)
    const r = await api.call('sesion:crear', entrada('2014-05-14'))
    expect(respuesta(r)).toMatch(/actas ya finalizadas o aprobadas \(N° 2\/2014\)/)
  })
})
