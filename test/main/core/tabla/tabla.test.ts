import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { prevencionConMiembros } from '../../../helpers/sesiones'
import { actaAprobada } from '../../../helpers/acta-aprobada'
import { MENSAJE_APROBADA } from '../../../../src/main/core/sesiones/acta-guard'
import { cadaPrueba, type Caller, NO_EXISTE } from '../../../helpers/respuestas'

/** A session's agenda: points added, written, moved and removed, read back field by field. */
let t: TestApp
let api: Caller
cadaPrueba((nueva, llamar) => {
  t = nueva
  api = llamar
})

const PUNTO = {
  ok: false,
  error: { code: 'no_encontrado', message: 'El punto de tabla no existe o fue eliminado.' }
}

async function borrador() {
  const ctx = await prevencionConMiembros(t)
  const s = await api.ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-03-12',
    modalidad: 'presencial'
  })
  const puntos = async () => (await api.ok('sesion:obtener', { id: s.id })).puntos
  return { sesionId: s.id, puntos }
}

describe('tabla', () => {
  it('adds a point at the end, of kind otro and without development', async () => {
    const { sesionId, puntos } = await borrador()
    const antes = await puntos()
    const p = await api.ok('punto:crear', { sesionId, titulo: 'Varios' })
    expect(p).toEqual({
      id: expect.any(String),
      titulo: 'Varios',
      desarrollo: '',
      tipo: 'otro',
      orden: antes.length + 1
    })
    expect(await puntos()).toEqual([...antes, p])
    expect(await api.call('punto:crear', { sesionId: NO_EXISTE, titulo: 'X' })).toEqual({
      ok: false,
      error: { code: 'no_encontrado', message: 'La sesión no existe o fue eliminada.' }
    })
  })

  it('writes a point title and development, touching only that point', async () => {
    const { puntos } = await borrador()
    const antes = await puntos()
    const [primero] = antes
    const escrito = await api.ok('punto:actualizar', {
      id: primero!.id,
      titulo: 'Aprobación del acta',
      desarrollo: 'Se aprueba sin observaciones.'
    })
    expect(escrito).toEqual({
      ...primero,
      titulo: 'Aprobación del acta',
      desarrollo: 'Se aprueba sin observaciones.'
    })
    expect(await puntos()).toEqual([escrito, ...antes.slice(1)])
    expect(
      await api.call('punto:actualizar', { id: NO_EXISTE, titulo: 'X', desarrollo: '' })
    ).toEqual(PUNTO)
  })

  it('moves a point and deletes one with a tombstone', async () => {
    const { puntos } = await borrador()
    const antes = await puntos()
    expect(antes.length).toBeGreaterThanOrEqual(3)
    expect(await api.ok('punto:mover', { id: antes[1]!.id, direccion: 'arriba' })).toBeNull()
    expect((await puntos()).map((p) => p.id)).toEqual([
      antes[1]!.id,
      antes[0]!.id,
      ...antes.slice(2).map((p) => p.id)
    ])
    expect(await api.call('punto:mover', { id: NO_EXISTE, direccion: 'abajo' })).toEqual(PUNTO)
    expect(await api.ok('punto:eliminar', { id: antes[2]!.id })).toEqual({ id: antes[2]!.id })
    expect((await puntos()).map((p) => p.id)).not.toContain(antes[2]!.id)
    expect(await puntos()).toHaveLength(antes.length - 1)
    expect(await t.app.db.selectFrom('tombstones').selectAll().execute()).toEqual([
      { id: antes[2]!.id, tabla: 'puntos_tabla', deleted_at: expect.any(String) }
    ])
    expect(await api.call('punto:eliminar', { id: antes[2]!.id })).toEqual(PUNTO)
  })

  it('refuses every agenda write on an approved acta, and changes nothing', async () => {
    const f = await actaAprobada(t)
    const antes = (await api.ok('sesion:obtener', { id: f.aprobada.sesion })).puntos
    const refusal = { ok: false, error: { code: 'solo_lectura', message: MENSAJE_APROBADA } }
    expect(await api.call('punto:crear', { sesionId: f.aprobada.sesion, titulo: 'X' })).toEqual(
      refusal
    )
    expect(
      await api.call('punto:actualizar', { id: f.aprobada.punto, titulo: 'X', desarrollo: 'X' })
    ).toEqual(refusal)
    expect(await api.call('punto:mover', { id: f.aprobada.punto, direccion: 'arriba' })).toEqual(
      refusal
    )
    expect(await api.call('punto:eliminar', { id: f.aprobada.punto })).toEqual(refusal)
    expect((await api.ok('sesion:obtener', { id: f.aprobada.sesion })).puntos).toEqual(antes)
    expect(await t.app.db.selectFrom('tombstones').selectAll().execute()).toEqual([])
  })
})
