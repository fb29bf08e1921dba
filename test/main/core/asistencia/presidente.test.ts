import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaArchivo } from '../../../../src/main/core/actas/documentos/archivo'
import { actaDocumento } from '../../../../src/main/core/actas/documentos/modelo'
import { leerSellado } from '../../../../src/main/core/actas/sello'
import { MENSAJE_PRESIDENTE_NO_PRESENTE } from '../../../../src/main/core/asistencia/secretaria.service'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { aprobarYQuitarRol, caller, sesionMarcada } from '../../../helpers/sesiones'
import { docxParrafos, firmaDocx } from '../actas/documentos/fixture'

// "Preside: SERNAM" names an institution; its suplente chaired while its titular was there too.
// The session records who, and the acta names them instead of guessing the titular.

let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

describe('who chaired', () => {
  it('is chosen among those present, signs the acta, is sealed and locked once approved', async () => {
    const { ok, call } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-06-11', {
      'Ana Rojas Soto': 'presente',
      'Berta Díaz Muñoz': 'presente',
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'excusado'
    })
    await ok('sesion:actualizar', {
      id: sesionId,
      fecha: '2014-06-11',
      horaInicio: null,
      horaTermino: null,
      lugar: '',
      modalidad: 'presencial',
      preside: 'SERNAM',
      proximaFecha: null,
      proximaLugar: ''
    })
    const diego = await call('asistencia:presidente', {
      sesionId,
      asistenciaId: fila('Diego Fuentes Araya')
    })
    expect(diego.ok ? null : diego.error).toMatchObject({
      code: 'conflicto',
      message: MENSAJE_PRESIDENTE_NO_PRESENTE
    })
    // Nothing chosen: the titular of the institution, as before.
    expect((await actaDocumento(t.app.db, sesionId)).firmantes[0]!.nombre).toBe('Ana Rojas Soto')

    const berta = fila('Berta Díaz Muñoz')
    expect(await ok('asistencia:presidente', { sesionId, asistenciaId: berta })).toEqual({
      asistenciaId: berta
    })
    expect((await ok('sesion:obtener', { id: sesionId })).sesion.presidenteId).toBe(berta)
    const firmas = (await actaDocumento(t.app.db, sesionId)).firmantes
    expect(firmas[0]).toMatchObject({ nombre: 'Berta Díaz Muñoz', rol: 'Preside' })
    // The secretaría (SERNAM) is then signed by its other member present.
    expect(firmas[1]).toMatchObject({ nombre: 'Ana Rojas Soto' })

    const { codigo, fila: row } = await aprobarYQuitarRol(t, sesionId, 'asistencia:presidente')
    expect(codigo).toBe('solo_lectura')
    expect(row.presidente_id).toBe(berta)
    expect(leerSellado(row).sesion.presidente).toMatchObject({ nombre: 'Berta Díaz Muñoz' })
    // The sealed row's trigger covers the new column too.
    await expect(
      t.app.db
        .updateTable('sesiones')
        .set({ presidente_id: null })
        .where('id', '=', sesionId)
        .execute()
    ).rejects.toThrow()
  })

  it('is named in the acta’s text, on the Preside signature line', async () => {
    const { ok } = caller(t)
    const { sesionId, fila } = await sesionMarcada(t, '2014-07-09', {
      'Ana Rojas Soto': 'presente',
      'Carlos Pérez Silva': 'presente'
    })
    await ok('asistencia:presidente', { sesionId, asistenciaId: fila('Carlos Pérez Silva') })
    const parrafos = await docxParrafos((await actaArchivo(t.app.db, sesionId, 'docx', null)).data)
    // The signature block: the line, then name, cargo, institución and role of each signer.
    expect(firmaDocx(parrafos, 'Preside')).toEqual([
      '______________________________',
      'Carlos Pérez Silva',
      'Profesional',
      'PDI'
    ])
  })
})
