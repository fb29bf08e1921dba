import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../src/main/core/actas/documentos/archivo'
import { leerSellado } from '../../../../src/main/core/actas/sello'
import {
  MENSAJE_MISMA_PERSONA,
  MENSAJE_NO_PRESENTE
} from '../../../../src/main/core/asistencia/secretaria.service'
import { MENSAJE_SECRETARIA_PRESENTE } from '../../../../src/shared/domain/firmas'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { aprobarYQuitarRol, caller, sesionMarcada } from '../../../helpers/sesiones'
import { docxParrafos, firmaDocx } from '../actas/documentos/fixture'

// The secretaría de actas (SERNAM) excused itself: one of those present acted as secretary. The
// session keeps who, approval seals it, and the acta names them where the secretary signs.
// While the secretaría is there, it signs its own acta: nobody else acts for it.

let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

const subroganteDe = async (id: string) =>
  (await caller(t).ok('sesion:obtener', { id })).sesion.secretariaSubroganteId

describe('who acted as secretary', () => {
  it('is saved, refused once approved, sealed and printed on the secretary’s line', async () => {
    const { ok, call } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-06-11', {
      'Ana Rojas Soto': 'excusado',
      'Berta Díaz Muñoz': 'excusado',
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'presente'
    })

    // Only someone present can have acted as secretary.
    const ana = await call('asistencia:secretaria', {
      sesionId,
      asistenciaId: fila('Ana Rojas Soto')
    })
    expect(ana.ok ? null : ana.error).toMatchObject({
      code: 'conflicto',
      message: MENSAJE_NO_PRESENTE,
      fields: { asistenciaId: MENSAJE_NO_PRESENTE }
    })
    // Nor someone of another session's attendance.
    const otra = await sesionMarcada(t, '2014-06-25', { 'Carlos Pérez Silva': 'presente' })
    const ajena = await call('asistencia:secretaria', {
      sesionId,
      asistenciaId: otra.fila('Carlos Pérez Silva')
    })
    expect(ajena.ok ? null : ajena.error.message).toBe(MENSAJE_NO_PRESENTE)
    expect(await subroganteDe(sesionId)).toBeNull()

    const carlos = fila('Carlos Pérez Silva')
    expect(await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })).toEqual({
      asistenciaId: carlos
    })
    expect(await subroganteDe(sesionId)).toBe(carlos)

    const { codigo, fila: row } = await aprobarYQuitarRol(t, sesionId, 'asistencia:secretaria')
    expect(codigo).toBe('solo_lectura')
    expect(row.secretaria_subrogante_id).toBe(carlos)
    expect(leerSellado(row).sesion.secretariaSubrogante).toEqual({
      nombre: 'Carlos Pérez Silva',
      cargo: 'Profesional',
      institucion: 'PDI'
    })

    const docx = await actaArchivo(t.app.db, sesionId, 'docx', null)
    const parrafos = await docxParrafos(docx.data)
    expect(parrafos).toContain(
      'La secretaría de actas (Ana Rojas Soto, SERNAM) no asistió a esta sesión (excusada); actuó como secretario/a de actas Carlos Pérez Silva, Profesional, PDI.'
    )
    // The signature block: the line, then name, cargo, institución and role of each signer.
    expect(firmaDocx(parrafos, 'Actuó como secretario/a de actas')).toEqual([
      '______________________________',
      'Carlos Pérez Silva',
      'Profesional',
      'PDI'
    ])
    expect(parrafos).not.toContain('Nombre:')
  })

  it('is dropped when that person is marked as not present', async () => {
    const { ok } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-07-09', {
      'Carlos Pérez Silva': 'presente'
    })
    const carlos = fila('Carlos Pérez Silva')
    await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })
    // Saved again as present (autosave does), the role stays.
    await ok('asistencia:marcar', { id: carlos, estado: 'presente', motivo: '' })
    expect(await subroganteDe(sesionId)).toBe(carlos)
    await ok('asistencia:marcar', { id: carlos, estado: 'ausente', motivo: '' })
    expect(await subroganteDe(sesionId)).toBeNull()
  })

  it('is refused while the secretaría de actas is present to sign', async () => {
    const { call } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-08-13', {
      'Berta Díaz Muñoz': 'presente',
      'Carlos Pérez Silva': 'presente'
    })
    const r = await call('asistencia:secretaria', {
      sesionId,
      asistenciaId: fila('Carlos Pérez Silva')
    })
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'conflicto',
      message: MENSAJE_SECRETARIA_PRESENTE('Berta Díaz Muñoz'),
      fields: { asistenciaId: MENSAJE_SECRETARIA_PRESENTE('Berta Díaz Muñoz') }
    })
    expect(await subroganteDe(sesionId)).toBeNull()
    // Nobody is always accepted.
    expect((await call('asistencia:secretaria', { sesionId, asistenciaId: null })).ok).toBe(true)
  })

  it('is never the one who chaired, nor chairs once acting as secretary (one name on both lines)', async () => {
    const { ok, call } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-10-08', {
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'presente'
    })
    const [carlos, diego] = [fila('Carlos Pérez Silva'), fila('Diego Fuentes Araya')]
    const misma = { code: 'conflicto', fields: { asistenciaId: MENSAJE_MISMA_PERSONA } }
    await ok('asistencia:presidente', { sesionId, asistenciaId: diego })
    const r = await call('asistencia:secretaria', { sesionId, asistenciaId: diego })
    expect(r.ok ? null : r.error).toMatchObject(misma)
    expect(await subroganteDe(sesionId)).toBeNull()
    await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })
    const p = await call('asistencia:presidente', { sesionId, asistenciaId: carlos })
    expect(p.ok ? null : p.error).toMatchObject(misma)
    const s = (await ok('sesion:obtener', { id: sesionId })).sesion
    expect([s.presidenteId, s.secretariaSubroganteId]).toEqual([diego, carlos])
  })

  it('may act while the only one of the secretaría present chairs', async () => {
    const { ok } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-09-10', {
      'Ana Rojas Soto': 'presente',
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'presente'
    })
    await ok('asistencia:presidente', { sesionId, asistenciaId: fila('Ana Rojas Soto') })
    const carlos = fila('Carlos Pérez Silva')
    await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })
    expect(await subroganteDe(sesionId)).toBe(carlos)
    // Someone else chairs: the secretaría signs its own acta again, and the substitute goes.
    await ok('asistencia:presidente', { sesionId, asistenciaId: fila('Diego Fuentes Araya') })
    expect(await subroganteDe(sesionId)).toBeNull()
  })

  it('goes when the secretaría is marked present after all', async () => {
    const { ok } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-10-08', {
      'Ana Rojas Soto': 'excusado',
      'Carlos Pérez Silva': 'presente'
    })
    const carlos = fila('Carlos Pérez Silva')
    await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })
    // Marking someone else present keeps it.
    await ok('asistencia:marcar', {
      id: fila('Diego Fuentes Araya'),
      estado: 'presente',
      motivo: ''
    })
    expect(await subroganteDe(sesionId)).toBe(carlos)
    await ok('asistencia:marcar', { id: fila('Berta Díaz Muñoz'), estado: 'presente', motivo: '' })
    expect(await subroganteDe(sesionId)).toBeNull()
  })

  it('goes when «Preside» no longer names the secretaría as who chaired', async () => {
    const { ok } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-10-22', {
      'Ana Rojas Soto': 'presente',
      'Carlos Pérez Silva': 'presente'
    })
    const datos = {
      id: sesionId,
      fecha: '2014-10-22',
      horaInicio: null,
      horaTermino: null,
      lugar: '',
      modalidad: 'presencial' as const,
      proximaFecha: null,
      proximaLugar: ''
    }
    // Nobody chosen: «Preside: SERNAM» makes Ana the one who chaired, so nobody signs for it.
    await ok('sesion:actualizar', { ...datos, preside: 'SERNAM' })
    const carlos = fila('Carlos Pérez Silva')
    await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })
    await ok('sesion:actualizar', { ...datos, lugar: 'Sala 2', preside: 'SERNAM' })
    expect(await subroganteDe(sesionId)).toBe(carlos)
    await ok('sesion:actualizar', { ...datos, preside: 'PDI' })
    expect(await subroganteDe(sesionId)).toBeNull()
  })

  it('goes when the secretaría, a person, is invited after all', async () => {
    const { ok } = caller(t)
    const { ctx, sesionId, fila } = await sesionMarcada(t, '2014-11-12', {
      'Carlos Pérez Silva': 'presente'
    })
    const instancia = { id: ctx.prevencion.id, nombre: ctx.prevencion.nombre }
    await ok('instancia:actualizar', {
      ...instancia,
      coordinador: null,
      secretariaActas: 'Elena Soto Vera'
    })
    const carlos = fila('Carlos Pérez Silva')
    await ok('asistencia:secretaria', { sesionId, asistenciaId: carlos })
    await ok('asistencia:invitar', {
      sesionId,
      nombre: 'Elena Soto Vera',
      cargo: '',
      institucion: ''
    })
    expect(await subroganteDe(sesionId)).toBeNull()
  })
})
