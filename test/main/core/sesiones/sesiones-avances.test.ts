import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { creaSesiones } from './nueva'

/**
 * A sesión records progress on the acciones of its instancia and indicator values, computing
 * their percentages.
 */
let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

const nueva = creaSesiones(() => ({ api, ctx }))

describe('sesiones', () => {
  it('records progress on acciones of the instancia and indicator values, computing percentages', async () => {
    const s = await nueva('2014-03-12')
    await api.ok('avance:guardar', {
      sesionId: s.id,
      accionId: ctx.accion('1.1.a').id,
      estado: 'en_curso',
      porcentaje: 40,
      reporte: 'Plan en diseño.'
    })
    await api.ok('avance:guardar', {
      sesionId: s.id,
      accionId: ctx.accion('1.1.a').id,
      estado: 'en_curso',
      porcentaje: 45,
      reporte: 'Plan validado.'
    })
    const ajena = await api.call('avance:guardar', {
      sesionId: s.id,
      accionId: ctx.accion('3.2.a').id,
      estado: 'en_curso',
      porcentaje: 10,
      reporte: ''
    })
    expect(ajena).toMatchObject({
      ok: false,
      error: {
        code: 'conflicto',
        message: 'La acción 3.2.a no corresponde a la instancia de esta sesión.'
      }
    })
    const banner = ctx.accion('1.2.b').indicadores[0]!
    const m = await api.ok('medicion:guardar', {
      sesionId: s.id,
      indicadorId: banner.id,
      valor: null,
      numerador: 9,
      denominador: 12,
      fechaCorte: '2014-03-01',
      nota: ''
    })
    expect(m.porcentaje).toBe(75)
    const rows = await t.app.db
      .selectFrom('avances')
      .selectAll()
      .where('sesion_id', '=', s.id)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      accion_codigo: '1.1.a',
      porcentaje: 45,
      reporte: 'Plan validado.'
    })
    const d = await api.ok('sesion:obtener', { id: s.id })
    expect(d.avances.find((a) => a.codigo === '1.2.b')!.indicadores[0]).toMatchObject({
      numerador: 9,
      denominador: 12,
      porcentaje: 75
    })
    const next = await nueva('2014-06-11')
    const d2 = await api.ok('sesion:obtener', { id: next.id })
    expect(d2.avances.find((a) => a.codigo === '1.1.a')!.anterior).toMatchObject({
      sesionTitulo: 'Sesión Ordinaria N° 1/2014',
      porcentaje: 45
    })
  })
})
