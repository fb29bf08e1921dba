import { describe, expect, it } from 'vitest'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { creaSesiones } from './nueva'

/**
 * Acuerdos across sesiones: open ones are carried into later sesiones for follow-up with their
 * history, one past its plazo shows as vencido unless it was met, and removing one from a draft
 * renumbers the rest.
 */
let api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ api, ctx } = e))

const nueva = creaSesiones(() => ({ api, ctx }))

describe('sesiones', () => {
  it('carry open acuerdos into later sessions for follow-up, with their history', async () => {
    const s1 = await nueva('2014-03-12')
    const a1 = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Enviar propuesta de plan de capacitación.',
      institucionId: ctx.inst.get('SERNAM')!,
      personaId: ctx.personas[0]!.id,
      plazo: '2099-05-30',
      accionId: ctx.accion('1.1.a').id
    })
    const a2 = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Diseñar banner.',
      institucionId: ctx.inst.get('PDI')!,
      personaId: null,
      plazo: '2099-05-30',
      accionId: ctx.accion('1.2.b').id
    })
    expect([a1.numero, a2.numero]).toEqual([1, 2])
    expect(a1).toMatchObject({
      responsable: 'SERNAM — Ana Rojas Soto',
      accionCodigo: '1.1.a',
      estado: 'pendiente',
      situacion: 'pendiente'
    })
    const s2 = await nueva('2014-06-11')
    let d2 = await api.ok('sesion:obtener', { id: s2.id })
    expect(d2.seguimiento.map((a) => a.texto)).toEqual([
      'Enviar propuesta de plan de capacitación.',
      'Diseñar banner.'
    ])
    await api.ok('acuerdo:seguimiento', {
      sesionId: s2.id,
      acuerdoId: a1.id,
      estado: 'cumplido',
      nota: 'Propuesta recibida.'
    })
    await api.ok('acuerdo:seguimiento', {
      sesionId: s2.id,
      acuerdoId: a2.id,
      estado: 'en_curso',
      nota: 'En revisión.'
    })
    d2 = await api.ok('sesion:obtener', { id: s2.id })
    expect(d2.seguimiento.map((a) => [a.numero, a.enEstaSesion?.estado])).toEqual([
      [1, 'cumplido'],
      [2, 'en_curso']
    ])
    const s3 = await nueva('2014-09-10')
    const d3 = await api.ok('sesion:obtener', { id: s3.id })
    expect(d3.seguimiento.map((a) => a.texto)).toEqual(['Diseñar banner.'])
    expect(d3.seguimiento[0]!.historial).toMatchObject([
      { sesionTitulo: 'Sesión Ordinaria N° 2/2014', estado: 'en_curso', nota: 'En revisión.' }
    ])
    const refused = await api.call('acuerdo:seguimiento', {
      sesionId: s1.id,
      acuerdoId: a2.id,
      estado: 'cumplido',
      nota: ''
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflicto' } })
  })

  it('shows an acuerdo past its plazo as vencido, unless it was met', async () => {
    const s1 = await nueva('2014-03-12')
    const vencido = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Plazo pasado.',
      institucionId: null,
      personaId: null,
      plazo: '2014-04-30',
      accionId: null
    })
    const cumplido = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Cumplido a tiempo.',
      institucionId: null,
      personaId: null,
      plazo: '2014-04-30',
      accionId: null
    })
    expect(vencido.situacion).toBe('vencido')
    const s2 = await nueva('2014-06-11')
    await api.ok('acuerdo:seguimiento', {
      sesionId: s2.id,
      acuerdoId: cumplido.id,
      estado: 'cumplido',
      nota: ''
    })
    const d2 = await api.ok('sesion:obtener', { id: s2.id })
    expect(d2.seguimiento.map((a) => [a.texto, a.situacion])).toEqual([
      ['Plazo pasado.', 'vencido'],
      ['Cumplido a tiempo.', 'cumplido']
    ])
  })

  it('renumbers acuerdos when one is removed from a draft', async () => {
    const s = await nueva('2014-03-12')
    const mk = (texto: string) =>
      api.ok('acuerdo:crear', {
        sesionId: s.id,
        texto,
        institucionId: null,
        personaId: null,
        plazo: null,
        accionId: null
      })
    const [, b] = [await mk('Uno'), await mk('Dos'), await mk('Tres')]
    await api.ok('acuerdo:eliminar', { id: b.id })
    const d = await api.ok('sesion:obtener', { id: s.id })
    expect(d.acuerdos.map((a) => `${a.numero}:${a.texto}`)).toEqual(['1:Uno', '2:Tres'])
  })
})
