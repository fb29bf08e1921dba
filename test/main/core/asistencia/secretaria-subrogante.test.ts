import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../src/main/core/actas/documentos/archivo'
import { leerSellado } from '../../../../src/main/core/actas/sello'
import { MENSAJE_NO_PRESENTE } from '../../../../src/main/core/asistencia/secretaria.service'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller, cerrarYAprobar, prevencionConMiembros } from '../../../helpers/sesiones'
import { docxParrafos } from '../actas/documentos/fixture'

// The secretaría de actas (SERNAM) excused itself: one of those present acted as secretary. The
// session keeps who, approval seals it, and the acta names them where the secretary signs.

let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

describe('who acted as secretary', () => {
  it('is saved, refused once approved, sealed and printed on the secretary’s line', async () => {
    const { ok, call } = caller(t)
    const ctx = await prevencionConMiembros(t)
    const s = await ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-06-11',
      modalidad: 'presencial'
    })
    const d = await ok('sesion:obtener', { id: s.id })
    const fila = (nombre: string) => d.asistencia.find((a) => a.nombre === nombre)!
    for (const nombre of ['Ana Rojas Soto', 'Berta Díaz Muñoz'])
      await ok('asistencia:marcar', { id: fila(nombre).id, estado: 'excusado', motivo: 'Viaje' })
    for (const nombre of ['Carlos Pérez Silva', 'Diego Fuentes Araya'])
      await ok('asistencia:marcar', { id: fila(nombre).id, estado: 'presente', motivo: '' })

    // Only someone present can have acted as secretary.
    const ana = await call('asistencia:secretaria', {
      sesionId: s.id,
      asistenciaId: fila('Ana Rojas Soto').id
    })
    expect(ana.ok ? null : ana.error).toMatchObject({
      code: 'conflicto',
      message: MENSAJE_NO_PRESENTE
    })
    expect((await ok('sesion:obtener', { id: s.id })).sesion.secretariaSubroganteId).toBeNull()

    const carlos = fila('Carlos Pérez Silva').id
    await ok('asistencia:secretaria', { sesionId: s.id, asistenciaId: carlos })
    expect((await ok('sesion:obtener', { id: s.id })).sesion.secretariaSubroganteId).toBe(carlos)

    await cerrarYAprobar(t, s.id)
    const despues = await call('asistencia:secretaria', { sesionId: s.id, asistenciaId: null })
    expect(despues.ok ? null : despues.error.code).toBe('solo_lectura')

    const row = await t.app.db
      .selectFrom('sesiones')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    expect(row.secretaria_subrogante_id).toBe(carlos)
    expect(leerSellado(row).sesion.secretariaSubrogante).toEqual({
      nombre: 'Carlos Pérez Silva',
      cargo: 'Profesional',
      institucion: 'PDI'
    })

    const docx = await actaArchivo(t.app.db, s.id, 'docx', null)
    const parrafos = await docxParrafos(docx.data)
    expect(parrafos).toContain(
      'La secretaría de actas (Ana Rojas Soto, SERNAM) no asistió a esta sesión (excusada); actuó como secretario/a de actas Carlos Pérez Silva, Profesional, PDI.'
    )
    // The signature block: the line, then name, cargo, institución and role of each signer.
    const rol = parrafos.indexOf('Actuó como secretario/a de actas')
    expect(parrafos.slice(rol - 4, rol)).toEqual([
      '______________________________',
      'Carlos Pérez Silva',
      'Profesional',
      'PDI'
    ])
    expect(parrafos).not.toContain('Nombre:')
  })

  it('is dropped when that person is marked as not present', async () => {
    const { ok } = caller(t)
    const ctx = await prevencionConMiembros(t)
    const s = await ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-07-09',
      modalidad: 'presencial'
    })
    const d = await ok('sesion:obtener', { id: s.id })
    const a = d.asistencia[2]!
    await ok('asistencia:marcar', { id: a.id, estado: 'presente', motivo: '' })
    await ok('asistencia:secretaria', { sesionId: s.id, asistenciaId: a.id })
    await ok('asistencia:marcar', { id: a.id, estado: 'ausente', motivo: '' })
    expect((await ok('sesion:obtener', { id: s.id })).sesion.secretariaSubroganteId).toBeNull()
  })
})
