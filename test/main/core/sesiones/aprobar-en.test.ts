import { describe, expect, it } from 'vitest'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import type { TestApp } from '../../../helpers/db'
import { conFirmantes } from '../../../helpers/sesiones'

let api: Caller, ctx: Prevencion, t: TestApp
cadaPruebaConPrevencion((e) => ({ api, ctx, t } = e))

/** A session whose acta names who signs it (MININT, who presides, and SERNAM present). */
async function nueva(fecha: string, tipo: 'ordinaria' | 'extraordinaria' = 'ordinaria') {
  const s = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo,
    fecha,
    modalidad: 'presencial'
  })
  await conFirmantes(t, s.id)
  return s
}
const aprobarEn = (id: string, enSesionId: string) =>
  api.call('sesion:aprobar', { id, enSesionId, observaciones: '' })
const mensaje = (r: Awaited<ReturnType<typeof aprobarEn>>) => (r.ok ? 'aprobada' : r.error.message)

describe('the session an acta is approved in', () => {
  it('must still be in progress: not finalizada, not approved', async () => {
    const s1 = await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    const s3 = await nueva('2014-09-10')
    await api.ok('sesion:cerrar', { id: s1.id })
    await api.ok('sesion:cerrar', { id: s2.id })
    expect(mensaje(await aprobarEn(s1.id, s2.id))).toBe(
      'La Sesión Ordinaria N° 2/2014 ya fue finalizada: reábrala para aprobar en ella el acta.'
    )
    await api.ok('sesion:reabrir', { id: s2.id })
    expect(mensaje(await aprobarEn(s1.id, s2.id))).toBe('aprobada')
    await api.ok('sesion:cerrar', { id: s2.id })
    expect(mensaje(await aprobarEn(s2.id, s3.id))).toBe('aprobada')
    // s2 is approved now: no other acta can be approved "in" it.
    const s0 = await nueva('2014-01-10', 'extraordinaria')
    await api.ok('sesion:cerrar', { id: s0.id })
    expect(mensaje(await aprobarEn(s0.id, s2.id))).toBe(
      'La Sesión Ordinaria N° 2/2014 ya tiene su acta aprobada: no se pueden aprobar actas en ella.'
    )
  })

  it('must be later: on the same date only a later number of the same type', async () => {
    const a = await nueva('2014-03-12')
    const b = await nueva('2014-03-12')
    const x = await nueva('2014-03-12', 'extraordinaria')
    await api.ok('sesion:cerrar', { id: b.id })
    const posterior = 'El acta se aprueba en una sesión posterior de la misma instancia.'
    expect(mensaje(await aprobarEn(b.id, a.id))).toBe(posterior)
    expect(mensaje(await aprobarEn(b.id, x.id))).toBe(posterior)
    await api.ok('sesion:reabrir', { id: b.id })
    await api.ok('sesion:cerrar', { id: a.id })
    expect(mensaje(await aprobarEn(a.id, b.id))).toBe('aprobada')
    // The dialog offers only where it can be approved.
    await api.ok('sesion:cerrar', { id: x.id })
    const d = await api.ok('sesion:obtener', { id: x.id })
    expect(d.sesionesPosteriores.map((p) => p.id)).toEqual([])
  })

  it("is offered by the session's read (tabla) exactly where the approval is accepted", async () => {
    const a = await nueva('2014-03-12')
    const b = await nueva('2014-03-12')
    const x = await nueva('2014-03-12', 'extraordinaria')
    const anterior = async (id: string) => (await api.ok('sesion:obtener', { id })).actaAnterior!
    // x follows b on the screen (created after it) but the numbers of two types say nothing.
    await api.ok('sesion:cerrar', { id: b.id })
    expect(await anterior(x.id)).toMatchObject({
      id: b.id,
      aprobable: false,
      impedimento: 'El acta se aprueba en una sesión posterior de la misma instancia.'
    })
    expect(mensaje(await aprobarEn(b.id, x.id))).not.toBe('aprobada')
    // A finalizada session approves nothing: its read says why.
    await api.ok('sesion:reabrir', { id: b.id })
    await api.ok('sesion:cerrar', { id: a.id })
    await api.ok('sesion:cerrar', { id: b.id })
    expect(await anterior(b.id)).toMatchObject({
      id: a.id,
      aprobable: false,
      impedimento:
        'La Sesión Ordinaria N° 2/2014 ya fue finalizada: reábrala para aprobar en ella el acta.'
    })
    expect(mensaje(await aprobarEn(a.id, b.id))).not.toBe('aprobada')
    // A draft to approve (not finalizada) is not offered either, and says nothing.
    await api.ok('sesion:reabrir', { id: b.id })
    await api.ok('sesion:reabrir', { id: a.id })
    expect(await anterior(b.id)).toMatchObject({ aprobable: false, impedimento: null })
    await api.ok('sesion:cerrar', { id: a.id })
    expect(await anterior(b.id)).toMatchObject({ id: a.id, aprobable: true, impedimento: null })
    expect(mensaje(await aprobarEn(a.id, b.id))).toBe('aprobada')
    // Once approved here it is no longer offered.
    expect(await anterior(b.id)).toMatchObject({ aprobadaEn: 'esta', aprobable: false })
  })
})
