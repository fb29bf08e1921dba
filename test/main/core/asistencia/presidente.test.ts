import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaDocumento } from '../../../../src/main/core/actas/documentos/modelo'
import { leerSellado } from '../../../../src/main/core/actas/sello'
import { MENSAJE_PRESIDENTE_NO_PRESENTE } from '../../../../src/main/core/asistencia/secretaria.service'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller, cerrarYAprobar, prevencionConMiembros } from '../../../helpers/sesiones'

// "Preside: SERNAM" names an institution; its suplente chaired while its titular was there too.
// The session records who, and the acta names them instead of guessing the titular.

let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

describe('who chaired', () => {
  it('is chosen among those present, signs the acta, is sealed and locked once approved', async () => {
    const { ok, call } = caller(t)
    const ctx = await prevencionConMiembros(t)
    const s = await ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-06-11',
      modalidad: 'presencial'
    })
    const d = await ok('sesion:obtener', { id: s.id })
    await ok('sesion:actualizar', {
      id: s.id,
      fecha: '2014-06-11',
      horaInicio: null,
      horaTermino: null,
      lugar: '',
      modalidad: 'presencial',
      preside: 'SERNAM',
      proximaFecha: null,
      proximaLugar: ''
    })
    const fila = (nombre: string) => d.asistencia.find((a) => a.nombre === nombre)!
    for (const a of d.asistencia)
      await ok('asistencia:marcar', {
        id: a.id,
        estado: a.nombre === 'Diego Fuentes Araya' ? 'excusado' : 'presente',
        motivo: ''
      })
    const diego = await call('asistencia:presidente', {
      sesionId: s.id,
      asistenciaId: fila('Diego Fuentes Araya').id
    })
    expect(diego.ok ? null : diego.error).toMatchObject({
      code: 'conflicto',
      message: MENSAJE_PRESIDENTE_NO_PRESENTE
    })
    // Nothing chosen: the titular of the institution, as before.
    expect((await actaDocumento(t.app.db, s.id)).firmantes[0]!.nombre).toBe('Ana Rojas Soto')

    const berta = fila('Berta Díaz Muñoz').id
    await ok('asistencia:presidente', { sesionId: s.id, asistenciaId: berta })
    const firmas = (await actaDocumento(t.app.db, s.id)).firmantes
    expect(firmas[0]).toMatchObject({ nombre: 'Berta Díaz Muñoz', rol: 'Preside' })
    // The secretaría (SERNAM) is then signed by its other member present.
    expect(firmas[1]).toMatchObject({ nombre: 'Ana Rojas Soto' })

    await cerrarYAprobar(t, s.id)
    const despues = await call('asistencia:presidente', { sesionId: s.id, asistenciaId: null })
    expect(despues.ok ? null : despues.error.code).toBe('solo_lectura')
    const row = await t.app.db
      .selectFrom('sesiones')
      .selectAll()
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow()
    expect(row.presidente_id).toBe(berta)
    expect(leerSellado(row).sesion.presidente).toMatchObject({ nombre: 'Berta Díaz Muñoz' })
    // The sealed row's trigger covers the new column too.
    await expect(
      t.app.db.updateTable('sesiones').set({ presidente_id: null }).where('id', '=', s.id).execute()
    ).rejects.toThrow()
  })
})
