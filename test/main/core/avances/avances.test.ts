import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { prevencionConMiembros } from '../../../helpers/sesiones'
import { actaAprobada } from '../../../helpers/acta-aprobada'
import { MENSAJE_APROBADA } from '../../../../src/main/core/sesiones/acta-guard'
import {
  cadaPrueba,
  type Caller,
  NO_EXISTE,
  conflicto,
  noExiste
} from '../../../helpers/respuestas'

/** What a session hears on each acción and its indicators' values, read back field by field. */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

/** A draft of Prevención, one of its acciones (1.2.b) and one acción of another instancia. */
async function borrador() {
  const ctx = await prevencionConMiembros(t)
  const s = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  const propia = ctx.accion('1.2.b')
  expect(propia.instanciaId).toBe(ctx.prevencion.id)
  const ajena = ctx.acciones.find((a) => a.instanciaId && a.instanciaId !== ctx.prevencion.id)!
  const avance = async (accionId: string) =>
    (await api.ok('sesion:obtener', { id: s.id })).avances.find((a) => a.accionId === accionId)!
  return { sesionId: s.id, propia, ajena, avance }
}

describe('avance:guardar', () => {
  it('records a report once per session and acción, and a second save replaces it', async () => {
    const { sesionId, propia, avance } = await borrador()
    const guardar = (estado: 'en_curso' | 'cumplida', porcentaje: number | null, reporte: string) =>
      api.ok('avance:guardar', { sesionId, accionId: propia.id, estado, porcentaje, reporte })
    expect(await guardar('en_curso', 40, 'En diseño.')).toBeNull()
    expect(await avance(propia.id)).toMatchObject({
      codigo: '1.2.b',
      estado: 'en_curso',
      porcentaje: 40,
      reporte: 'En diseño.'
    })
    await guardar('cumplida', null, 'Terminada.')
    expect(await avance(propia.id)).toMatchObject({
      estado: 'cumplida',
      porcentaje: null,
      reporte: 'Terminada.'
    })
    const rows = await t.app.db.selectFrom('avances').selectAll().execute()
    expect(rows).toEqual([
      expect.objectContaining({
        sesion_id: sesionId,
        accion_id: propia.id,
        accion_codigo: '1.2.b',
        estado: 'cumplida',
        porcentaje: null,
        reporte: 'Terminada.'
      })
    ])
    expect(rows[0]!.updated_at >= rows[0]!.created_at).toBe(true)
  })

  it('refuses an acción of another instancia, an unknown acción or session', async () => {
    const { sesionId, ajena } = await borrador()
    const campos = { estado: 'en_curso' as const, porcentaje: 10, reporte: '' }
    expect(await api.call('avance:guardar', { ...campos, sesionId, accionId: ajena.id })).toEqual(
      conflicto(
        `La acción ${ajena.codigo} no corresponde a la instancia de esta sesión.`,
        'accionId'
      )
    )
    expect(await api.call('avance:guardar', { ...campos, sesionId, accionId: NO_EXISTE })).toEqual(
      noExiste('La acción')
    )
    expect(
      await api.call('avance:guardar', { ...campos, sesionId: NO_EXISTE, accionId: ajena.id })
    ).toEqual(noExiste('La sesión'))
    expect(await t.app.db.selectFrom('avances').selectAll().execute()).toEqual([])
  })

  it("refuses an acción or indicador of another period than the session's", async () => {
    const ctx = await prevencionConMiembros(t)
    const viejo = ctx.accion('1.2.b')
    const ind = await api.ok('indicador:crear', {
      accionId: viejo.id,
      texto: 'Talleres.',
      tipo: 'conteo',
      numerador: null,
      denominador: null
    })
    const plan = await api.ok('plan:arbol', {})
    await api.ok('plan:copiar', {
      id: plan.plan.id,
      nombre: 'Plan 2015-2016',
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31'
    })
    const s = await api.ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2015-03-12',
      modalidad: 'presencial'
    })
    const campos = { estado: 'en_curso' as const, porcentaje: 10, reporte: '' }
    const msg = 'La acción 1.2.b es de otro período del plan, no del de esta sesión (12-03-2015).'
    expect(
      await api.call('avance:guardar', { ...campos, sesionId: s.id, accionId: viejo.id })
    ).toEqual(conflicto(msg, 'accionId'))
    const medida = { sesionId: s.id, indicadorId: ind.id, fechaCorte: '2015-03-01', nota: '' }
    expect(
      await api.call('medicion:guardar', {
        ...medida,
        valor: 3,
        numerador: null,
        denominador: null
      })
    ).toEqual(conflicto(msg, 'indicadorId'))
    const nueva = (await api.ok('sesion:obtener', { id: s.id })).avances[0]!
    expect(nueva.accionId).not.toBe(viejo.id)
    await api.ok('avance:guardar', { ...campos, sesionId: s.id, accionId: nueva.accionId })
    expect(await t.app.db.selectFrom('avances').select('accion_id').execute()).toEqual([
      { accion_id: nueva.accionId }
    ])
  })
})

describe('medicion:guardar', () => {
  it('computes a porcentaje from numerator and denominator, never from a typed value', async () => {
    const { sesionId, propia } = await borrador()
    const ind = await api.ok('indicador:crear', {
      accionId: propia.id,
      texto: 'Cobertura.',
      tipo: 'porcentaje',
      numerador: 'Atendidas',
      denominador: 'Total'
    })
    const base = { sesionId, indicadorId: ind.id, fechaCorte: '2014-03-01', nota: 'Parcial.' }
    const m = await api.ok('medicion:guardar', {
      ...base,
      valor: 99,
      numerador: 9,
      denominador: 12
    })
    expect(m).toEqual({
      indicadorId: ind.id,
      indicadorTexto: 'Cobertura.',
      tipo: 'porcentaje',
      numeradorTexto: 'Atendidas',
      denominadorTexto: 'Total',
      valor: 75,
      numerador: 9,
      denominador: 12,
      porcentaje: 75,
      fechaCorte: '2014-03-01',
      nota: 'Parcial.'
    })
    for (const falta of [
      { numerador: null, denominador: 12 },
      { numerador: 9, denominador: null }
    ]) {
      expect(await api.call('medicion:guardar', { ...base, valor: null, ...falta })).toEqual(
        conflicto('Indique numerador y denominador.', 'numerador')
      )
    }
    // A second value for the same indicator in the same session replaces the first.
    await api.ok('medicion:guardar', { ...base, valor: null, numerador: 1, denominador: 3 })
    const rows = await t.app.db.selectFrom('mediciones').selectAll().execute()
    expect(rows).toEqual([
      expect.objectContaining({
        sesion_id: sesionId,
        indicador_id: ind.id,
        accion_codigo: '1.2.b',
        indicador_texto: 'Cobertura.',
        tipo: 'porcentaje',
        valor: 33.3,
        numerador: 1,
        denominador: 3,
        fecha_corte: '2014-03-01',
        nota: 'Parcial.'
      })
    ])
  })

  it('keeps the typed value of a count and drops numerator and denominator', async () => {
    const { sesionId, propia } = await borrador()
    const ind = await api.ok('indicador:crear', {
      accionId: propia.id,
      texto: 'Talleres.',
      tipo: 'conteo',
      numerador: null,
      denominador: null
    })
    const m = await api.ok('medicion:guardar', {
      sesionId,
      indicadorId: ind.id,
      valor: 7,
      numerador: 3,
      denominador: 4,
      fechaCorte: '2014-02-28',
      nota: ''
    })
    expect(m).toEqual({
      indicadorId: ind.id,
      indicadorTexto: 'Talleres.',
      tipo: 'conteo',
      numeradorTexto: null,
      denominadorTexto: null,
      valor: 7,
      numerador: null,
      denominador: null,
      porcentaje: null,
      fechaCorte: '2014-02-28',
      nota: ''
    })
    expect(await t.app.db.selectFrom('mediciones').selectAll().execute()).toEqual([
      expect.objectContaining({ tipo: 'conteo', valor: 7, numerador: null, denominador: null })
    ])
  })

  it('refuses an indicator of another instancia, an unknown indicator or session', async () => {
    const { sesionId, ajena } = await borrador()
    const ind = await api.ok('indicador:crear', {
      accionId: ajena.id,
      texto: 'Ajeno.',
      tipo: 'hito',
      numerador: null,
      denominador: null
    })
    const campos = {
      valor: 1,
      numerador: null,
      denominador: null,
      fechaCorte: '2014-03-01',
      nota: ''
    }
    expect(
      await api.call('medicion:guardar', { ...campos, sesionId, indicadorId: ind.id })
    ).toEqual(
      conflicto(
        `El indicador de la acción ${ajena.codigo} no corresponde a la instancia de esta sesión.`,
        'indicadorId'
      )
    )
    expect(
      await api.call('medicion:guardar', { ...campos, sesionId, indicadorId: NO_EXISTE })
    ).toEqual(noExiste('El indicador'))
    expect(
      await api.call('medicion:guardar', { ...campos, sesionId: NO_EXISTE, indicadorId: ind.id })
    ).toEqual(noExiste('La sesión'))
    expect(await t.app.db.selectFrom('mediciones').selectAll().execute()).toEqual([])
  })

  it('refuses reports and values on an approved acta', async () => {
    const f = await actaAprobada(t)
    const refusal = { ok: false, error: { code: 'solo_lectura', message: MENSAJE_APROBADA } }
    expect(
      await api.call('avance:guardar', {
        sesionId: f.aprobada.sesion,
        accionId: f.accionId,
        estado: 'cumplida',
        porcentaje: 100,
        reporte: 'X'
      })
    ).toEqual(refusal)
    expect(
      await api.call('medicion:guardar', {
        sesionId: f.aprobada.sesion,
        indicadorId: f.indicadorId,
        valor: null,
        numerador: 1,
        denominador: 1,
        fechaCorte: '2014-04-09',
        nota: ''
      })
    ).toEqual(refusal)
  })
})
