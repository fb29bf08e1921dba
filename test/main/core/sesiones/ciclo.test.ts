import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import {
  caller,
  cerrarYAprobar,
  ordinariasFirmadas,
  prevencionConMiembros,
  sesionMovida
} from '../../../helpers/sesiones'
import { MENSAJE_APROBADA } from '../../../../src/main/core/sesiones/acta-guard'

/**
 * The life of a session after creation, read back field by field from the database: closing,
 * reopening, approving (what is sealed and recorded), the date of a session in which actas were
 * approved, and a missing session named in Spanish by every operation.
 */
let t: TestApp
let api: ReturnType<typeof caller>
let nueva: ReturnType<typeof ordinariasFirmadas>
let instanciaId = ''
beforeEach(async () => {
  t = await openTestApp()
  api = caller(t)
  instanciaId = (await prevencionConMiembros(t)).prevencion.id
  // Their actas name who signs them: any of them can be approved.
  nueva = ordinariasFirmadas(t, instanciaId)
})
afterEach(() => t.close())

const NO_EXISTE = '01a22b25-0000-7000-8000-000000000000'
const fila = (id: string) =>
  t.app.db.selectFrom('sesiones').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const datos = (id: string, fecha: string) => sesionMovida(id, fecha)

describe('a session that does not exist', () => {
  it('is named in Spanish, with its gender, by every operation', async () => {
    const noEsta = {
      ok: false,
      error: { code: 'no_encontrado', message: 'La sesión no existe o fue eliminada.' }
    }
    const en = await nueva('2014-06-11')
    for (const r of [
      await api.call('sesion:actualizar', datos(NO_EXISTE, '2014-03-12')),
      await api.call('sesion:cerrar', { id: NO_EXISTE }),
      await api.call('sesion:reabrir', { id: NO_EXISTE }),
      await api.call('sesion:aprobar', { id: NO_EXISTE, enSesionId: en.id, observaciones: '' }),
      await api.call('sesion:eliminar', { id: NO_EXISTE }),
      await api.call('sesion:obtener', { id: NO_EXISTE })
    ])
      expect(r).toEqual(noEsta)
  })
})

describe('closing and reopening', () => {
  it('records when it was closed, and reopening clears it; a draft reopened stays as it was', async () => {
    const s = await nueva('2014-03-12')
    const antes = await fila(s.id)
    expect(antes).toMatchObject({ estado: 'borrador', cerrada_at: null })
    const r = await api.ok('sesion:reabrir', { id: s.id })
    expect(r.estado).toBe('borrador')
    expect(await fila(s.id)).toEqual(antes)
    const c = await api.ok('sesion:cerrar', { id: s.id })
    const cerrada = await fila(s.id)
    expect(cerrada.estado).toBe('cerrada')
    expect(cerrada.cerrada_at).toMatch(STAMP)
    expect(cerrada.updated_at).toBe(cerrada.cerrada_at)
    expect(c).toMatchObject({ estado: 'cerrada', cerradaAt: cerrada.cerrada_at })
    const b = await api.ok('sesion:reabrir', { id: s.id })
    const reabierta = await fila(s.id)
    expect(reabierta).toMatchObject({ estado: 'borrador', cerrada_at: null })
    expect(reabierta.updated_at >= cerrada.updated_at).toBe(true)
    expect(b).toMatchObject({ estado: 'borrador', cerradaAt: null })
  })
})

describe('approving', () => {
  it('records each field of the approval and seals the content', async () => {
    await api.ok('instancia:actualizar', {
      id: instanciaId,
      nombre: 'Subcomisión Prevención',
      coordinador: null,
      secretariaActas: 'Ana Rojas Soto'
    })
    const a = await nueva('2014-03-12')
    const b = await nueva('2014-06-11')
    await api.ok('sesion:cerrar', { id: a.id })
    const r = await api.ok('sesion:aprobar', {
      id: a.id,
      enSesionId: b.id,
      observaciones: '  Se corrige un nombre.  '
    })
    const f = await fila(a.id)
    expect(f.estado).toBe('aprobada')
    expect(f.aprobada_at).toMatch(STAMP)
    expect(f.updated_at).toBe(f.aprobada_at)
    expect(f.aprobada_en_sesion_id).toBe(b.id)
    expect(f.observaciones_aprobacion).toBe('Se corrige un nombre.')
    expect(f.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(f.contenido_aprobado).toContain('"titulo":"Sesión Ordinaria N° 1/2014"')
    expect(f.aprobada_en_titulo).toBe('Sesión Ordinaria N° 2/2014')
    expect(f.aprobada_secretaria).toBe('Ana Rojas Soto')
    expect(r).toMatchObject({
      estado: 'aprobada',
      aprobadaAt: f.aprobada_at,
      aprobadaEnSesionId: b.id,
      aprobadaEnSesionTitulo: 'Sesión Ordinaria N° 2/2014',
      observacionesAprobacion: 'Se corrige un nombre.',
      hash: f.hash
    })
    // Approved once: a second approval and reopening are refused in Spanish.
    expect(
      await api.call('sesion:aprobar', { id: a.id, enSesionId: b.id, observaciones: '' })
    ).toEqual({
      ok: false,
      error: { code: 'solo_lectura', message: 'El acta de esta sesión ya fue aprobada.' }
    })
    expect(await api.call('sesion:reabrir', { id: a.id })).toEqual({
      ok: false,
      error: { code: 'solo_lectura', message: MENSAJE_APROBADA }
    })
  })

  it('with no secretaría de actas set, records an empty one', async () => {
    await api.ok('instancia:actualizar', {
      id: instanciaId,
      nombre: 'Subcomisión Prevención',
      coordinador: null,
      secretariaActas: null
    })
    const a = await nueva('2014-03-12')
    const b = await nueva('2014-06-11')
    expect(
      await api.call('sesion:aprobar', { id: a.id, enSesionId: b.id, observaciones: '' })
    ).toEqual({
      ok: false,
      error: { code: 'conflicto', message: 'Cierre la sesión antes de aprobar su acta.' }
    })
    await api.ok('sesion:cerrar', { id: a.id })
    await api.ok('sesion:aprobar', { id: a.id, enSesionId: b.id, observaciones: '' })
    expect((await fila(a.id)).aprobada_secretaria).toBe('')
  })

  it('in a session on the same date only after it in the numbering of its tipo', async () => {
    const a = await nueva('2014-03-12')
    const mismaFecha = await nueva('2014-03-12')
    const extra = await api.ok('sesion:crear', {
      instanciaId,
      tipo: 'extraordinaria',
      fecha: '2014-03-12',
      modalidad: 'remota'
    })
    await api.ok('sesion:cerrar', { id: mismaFecha.id })
    // N° 2 is not before N° 1; an extraordinaria of the same day says nothing of the order.
    for (const [id, en] of [
      [mismaFecha.id, a.id],
      [mismaFecha.id, extra.id]
    ] as const)
      expect(
        await api.call('sesion:aprobar', { id, enSesionId: en, observaciones: '' })
      ).toMatchObject({
        ok: false,
        error: { code: 'conflicto', fields: { enSesionId: expect.any(String) } }
      })
    await api.ok('sesion:reabrir', { id: mismaFecha.id })
    await api.ok('sesion:cerrar', { id: a.id })
    const r = await api.ok('sesion:aprobar', {
      id: a.id,
      enSesionId: mismaFecha.id,
      observaciones: ''
    })
    expect(r.aprobadaEnSesionTitulo).toBe('Sesión Ordinaria N° 2/2014')
  })

  it('not in one of another tipo the same day, nor in an earlier one with a higher number', async () => {
    const a = await nueva('2014-03-12')
    const extra = (fecha: string) =>
      api.ok('sesion:crear', { instanciaId, tipo: 'extraordinaria', fecha, modalidad: 'remota' })
    await extra('2014-03-12')
    const extra2 = await extra('2014-03-12')
    await nueva('2014-12-01')
    // N° 2/2014 of December, before N° 1/2015 of January: a higher number, an earlier date.
    const diciembre = await nueva('2014-12-03')
    const enero = await nueva('2015-01-10')
    await api.ok('sesion:cerrar', { id: a.id })
    await api.ok('sesion:cerrar', { id: enero.id })
    expect([extra2.numero, diciembre.numero, enero.numero]).toEqual([2, 3, 1])
    for (const [id, en] of [
      [a.id, extra2.id],
      [enero.id, diciembre.id]
    ] as const)
      expect(
        await api.call('sesion:aprobar', { id, enSesionId: en, observaciones: '' })
      ).toMatchObject({ ok: false, error: { code: 'conflicto' } })
  })

  it('not in a later session already finalizada, which is named', async () => {
    const a = await nueva('2014-03-12')
    const b = await nueva('2014-06-11')
    await api.ok('sesion:cerrar', { id: a.id })
    await api.ok('sesion:cerrar', { id: b.id })
    const m =
      'La Sesión Ordinaria N° 2/2014 ya fue finalizada: reábrala para aprobar en ella el acta.'
    expect(
      await api.call('sesion:aprobar', { id: a.id, enSesionId: b.id, observaciones: '' })
    ).toEqual({ ok: false, error: { code: 'conflicto', message: m, fields: { enSesionId: m } } })
  })
})

describe('the date of a session in which actas were approved', () => {
  it('stays on or after the latest of them', async () => {
    const a1 = await nueva('2014-03-12')
    const a2 = await nueva('2014-04-09')
    const b = await nueva('2014-06-11')
    for (const a of [a1, a2]) {
      await api.ok('sesion:cerrar', { id: a.id })
      await api.ok('sesion:aprobar', { id: a.id, enSesionId: b.id, observaciones: '' })
    }
    const m =
      'En esta sesión se aprobaron actas de sesiones anteriores: su fecha no puede quedar antes de ellas.'
    // Between the two approved actas: before the latest, refused.
    expect(await api.call('sesion:actualizar', datos(b.id, '2014-04-01'))).toEqual({
      ok: false,
      error: { code: 'conflicto', message: m, fields: { fecha: m } }
    })
    expect((await fila(b.id)).fecha).toBe('2014-06-11')
    // The latest one's own date is still allowed.
    const r = await api.ok('sesion:actualizar', datos(b.id, '2014-04-09'))
    expect(r.fecha).toBe('2014-04-09')
    expect((await fila(b.id)).fecha).toBe('2014-04-09')
  })

  it('moved behind approved numbers only once accepted, keeping its number', async () => {
    const s1 = await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    const s3 = await nueva('2014-09-10')
    await cerrarYAprobar(t, s1.id)
    await cerrarYAprobar(t, s2.id)
    const r = await api.call('sesion:actualizar', datos(s3.id, '2014-04-01'))
    expect(r.ok ? 'ok' : r.error.code).toBe('conflicto')
    expect((await fila(s3.id)).fecha).toBe('2014-09-10')
    const ok = await api.ok('sesion:actualizar', {
      ...datos(s3.id, '2014-04-01'),
      fueraDeOrden: true
    })
    expect(ok).toMatchObject({ fecha: '2014-04-01', numero: 3 })
  })

  it('moved to another year takes that year’s next number, and both years renumber', async () => {
    const a = await nueva('2014-03-12')
    const b = await nueva('2014-06-11')
    const c = await nueva('2015-02-01')
    const r = await api.ok('sesion:actualizar', datos(a.id, '2015-05-01'))
    expect(r).toMatchObject({ fecha: '2015-05-01', anio: 2015, numero: 2 })
    const n = async (id: string) => {
      const x = await fila(id)
      return `${x.anio}:${x.numero}`
    }
    expect([await n(a.id), await n(b.id), await n(c.id)]).toEqual(['2015:2', '2014:1', '2015:1'])
  })
})
