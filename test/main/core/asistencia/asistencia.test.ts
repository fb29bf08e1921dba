import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { prevencionConMiembros } from '../../../helpers/sesiones'
import { actaAprobada } from '../../../helpers/acta-aprobada'
import { MENSAJE_APROBADA, MENSAJE_CERRADA } from '../../../../src/main/core/sesiones/acta-guard'
import { cadaPrueba, type Caller, NO_EXISTE, soloLectura } from '../../../helpers/respuestas'

/** Marking attendance, inviting and removing guests, read back field by field. */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

const REGISTRO = {
  ok: false,
  error: {
    code: 'no_encontrado',
    message: 'El registro de asistencia no existe o fue eliminado.'
  }
}

async function borrador() {
  const ctx = await prevencionConMiembros(t)
  const s = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  const asistencia = async () => (await api.ok('sesion:obtener', { id: s.id })).asistencia
  return { ctx, sesionId: s.id, asistencia }
}

describe('asistencia:marcar', () => {
  it('marks a member present, excused with a trimmed reason, and absent without one', async () => {
    const { asistencia } = await borrador()
    const [ana] = await asistencia()
    expect(ana).toMatchObject({ estado: 'ausente', motivo: '' })
    const excusada = await api.ok('asistencia:marcar', {
      id: ana!.id,
      estado: 'excusado',
      motivo: '  Licencia médica.  '
    })
    expect(excusada).toEqual({ ...ana, estado: 'excusado', motivo: 'Licencia médica.' })
    // A reason only belongs to an excused absence.
    const presente = await api.ok('asistencia:marcar', {
      id: ana!.id,
      estado: 'presente',
      motivo: 'sobra'
    })
    expect(presente).toEqual({ ...ana, estado: 'presente', motivo: '' })
    expect((await asistencia())[0]).toEqual(presente)
    // Only that row changed.
    expect((await asistencia()).slice(1).map((a) => a.estado)).toEqual([
      'ausente',
      'ausente',
      'ausente'
    ])
    expect(
      await api.call('asistencia:marcar', { id: NO_EXISTE, estado: 'presente', motivo: '' })
    ).toEqual(REGISTRO)
  })

  it('refuses to mark attendance in a closed session or an approved acta', async () => {
    const { sesionId, asistencia } = await borrador()
    const [ana] = await asistencia()
    await api.ok('sesion:cerrar', { id: sesionId })
    expect(
      await api.call('asistencia:marcar', { id: ana!.id, estado: 'presente', motivo: '' })
    ).toEqual(soloLectura(MENSAJE_CERRADA))
    expect((await asistencia())[0]).toEqual(ana)
  })
})

describe('asistencia:invitar y quitar', () => {
  it('adds a guest at the end, present, with trimmed cargo and institution', async () => {
    const { sesionId, asistencia } = await borrador()
    const invitado = await api.ok('asistencia:invitar', {
      sesionId,
      nombre: 'Elena Invitada',
      cargo: '  Asesora ',
      institucion: ' OIM '
    })
    expect(invitado).toEqual({
      id: expect.any(String),
      personaId: null,
      nombre: 'Elena Invitada',
      cargo: 'Asesora',
      institucion: 'OIM',
      calidad: 'invitado',
      estado: 'presente',
      motivo: ''
    })
    const lista = await asistencia()
    expect(lista).toHaveLength(5)
    expect(lista.at(-1)).toEqual(invitado)
    const orden = await t.app.db
      .selectFrom('asistencias')
      .select('orden')
      .where('id', '=', invitado.id)
      .executeTakeFirstOrThrow()
    expect(orden.orden).toBe(5)
    expect(
      await api.call('asistencia:invitar', {
        sesionId: NO_EXISTE,
        nombre: 'X',
        cargo: '',
        institucion: ''
      })
    ).toEqual({
      ok: false,
      error: { code: 'no_encontrado', message: 'La sesión no existe o fue eliminada.' }
    })
  })

  it('removes a guest and leaves a tombstone, but never a member', async () => {
    const { sesionId, asistencia } = await borrador()
    const invitado = await api.ok('asistencia:invitar', {
      sesionId,
      nombre: 'Elena Invitada',
      cargo: '',
      institucion: ''
    })
    const [miembro] = await asistencia()
    expect(await api.call('asistencia:quitar', { id: miembro!.id })).toEqual({
      ok: false,
      error: {
        code: 'conflicto',
        message: 'Sólo se quitan invitados; a un miembro márquelo ausente.'
      }
    })
    expect(await api.ok('asistencia:quitar', { id: invitado.id })).toEqual({ id: invitado.id })
    expect((await asistencia()).map((a) => a.id)).not.toContain(invitado.id)
    expect(await asistencia()).toHaveLength(4)
    expect(await t.app.db.selectFrom('tombstones').selectAll().execute()).toEqual([
      { id: invitado.id, tabla: 'asistencias', deleted_at: expect.any(String) }
    ])
    expect(await api.call('asistencia:quitar', { id: invitado.id })).toEqual(REGISTRO)
  })

  it('refuses every attendance write on an approved acta, with its message', async () => {
    const f = await actaAprobada(t)
    const d = await api.ok('sesion:obtener', { id: f.aprobada.sesion })
    const invitado = d.asistencia.find((a) => a.calidad === 'invitado')!
    const refusal = soloLectura(MENSAJE_APROBADA)
    expect(
      await api.call('asistencia:invitar', {
        sesionId: f.aprobada.sesion,
        nombre: 'X',
        cargo: '',
        institucion: ''
      })
    ).toEqual(refusal)
    expect(await api.call('asistencia:quitar', { id: invitado.id })).toEqual(refusal)
    expect(
      await api.call('asistencia:marcar', {
        id: f.aprobada.asistencia,
        estado: 'ausente',
        motivo: ''
      })
    ).toEqual(refusal)
    expect((await api.ok('sesion:obtener', { id: f.aprobada.sesion })).asistencia).toEqual(
      d.asistencia
    )
  })
})
