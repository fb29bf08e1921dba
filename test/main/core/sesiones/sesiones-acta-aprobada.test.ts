import { describe, expect, it } from 'vitest'
import { contenidoActa, textoActa } from '../../../../src/main/core/actas/contenido'
import { huella } from '../../../../src/main/core/actas/sello'
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { conFirmantes, sesionMovida } from '../../../helpers/sesiones'
import { creaSesiones } from './nueva'

/**
 * An approved acta is frozen: every write to it is refused with a message in Spanish, and its
 * content keeps the hash recorded at approval.
 */
const hashActa = (c: Awaited<ReturnType<typeof contenidoActa>>): string => huella(textoActa(c))

let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

const nueva = creaSesiones(() => ({ api, ctx }))

describe('sesiones', () => {
  it('once approved, refuses every write to the acta in Spanish and keeps its hash', async () => {
    const s1 = await nueva('2014-03-12')
    const d1 = await api.ok('sesion:obtener', { id: s1.id })
    await api.ok('punto:actualizar', {
      id: d1.puntos[1]!.id,
      titulo: 'Cuenta',
      desarrollo: 'Se da cuenta de la correspondencia.'
    })
    const acuerdo = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Acuerdo uno.',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const s2 = await nueva('2014-06-11')
    expect(
      await api.call('sesion:aprobar', { id: s1.id, enSesionId: s2.id, observaciones: '' })
    ).toMatchObject({ ok: false, error: { message: 'Cierre la sesión antes de aprobar su acta.' } })
    await conFirmantes(t, s1.id)
    await api.ok('sesion:cerrar', { id: s1.id })
    expect(
      await api.call('punto:actualizar', {
        id: d1.puntos[1]!.id,
        titulo: 'Cuenta',
        desarrollo: 'x'
      })
    ).toMatchObject({
      ok: false,
      error: {
        code: 'solo_lectura',
        message: 'La sesión está cerrada. Reábrala para modificar el acta.'
      }
    })
    const earlier = await api.ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'extraordinaria',
      fecha: '2014-01-05',
      modalidad: 'remota'
    })
    expect(
      await api.call('sesion:aprobar', { id: s1.id, enSesionId: earlier.id, observaciones: '' })
    ).toMatchObject({ ok: false, error: { code: 'conflicto' } })
    const aprobada = await api.ok('sesion:aprobar', {
      id: s1.id,
      enSesionId: s2.id,
      observaciones: 'Se corrige la hora de inicio.'
    })
    expect(aprobada).toMatchObject({
      estado: 'aprobada',
      aprobadaEnSesionTitulo: 'Sesión Ordinaria N° 2/2014',
      observacionesAprobacion: 'Se corrige la hora de inicio.'
    })
    expect(aprobada.hash).toMatch(/^[0-9a-f]{64}$/)
    const before = await contenidoActa(t.app.db, s1.id)
    expect(hashActa(before)).toBe(aprobada.hash)

    const message =
      'El acta de esta sesión ya fue aprobada y no se puede modificar. Para corregirla, registre una fe de erratas.'
    const writes = [
      api.call('punto:actualizar', {
        id: d1.puntos[1]!.id,
        titulo: 'Cuenta',
        desarrollo: 'Cambiado'
      }),
      api.call('punto:crear', { sesionId: s1.id, titulo: 'Nuevo' }),
      api.call('punto:eliminar', { id: d1.puntos[0]!.id }),
      api.call('punto:mover', { id: d1.puntos[0]!.id, direccion: 'abajo' }),
      api.call('asistencia:marcar', { id: d1.asistencia[0]!.id, estado: 'presente', motivo: '' }),
      api.call('asistencia:invitar', { sesionId: s1.id, nombre: 'X', cargo: '', institucion: '' }),
      api.call('acuerdo:crear', {
        sesionId: s1.id,
        texto: 'Otro',
        institucionId: null,
        personaId: null,
        plazo: null,
        accionId: null
      }),
      api.call('acuerdo:actualizar', {
        id: acuerdo.id,
        texto: 'Cambiado',
        institucionId: null,
        personaId: null,
        plazo: null,
        accionId: null
      }),
      api.call('acuerdo:eliminar', { id: acuerdo.id }),
      api.call('avance:guardar', {
        sesionId: s1.id,
        accionId: ctx.accion('1.1.a').id,
        estado: 'cumplida',
        porcentaje: 100,
        reporte: ''
      }),
      api.call('sesion:actualizar', { ...sesionMovida(s1.id, '2014-03-12'), horaInicio: '09:00' }),
      api.call('sesion:reabrir', { id: s1.id }),
      api.call('sesion:cerrar', { id: s1.id }),
      api.call('sesion:eliminar', { id: s1.id })
    ]
    for (const r of await Promise.all(writes)) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('solo_lectura')
    }
    expect(
      await api.call('punto:actualizar', {
        id: d1.puntos[1]!.id,
        titulo: 'Cuenta',
        desarrollo: 'x'
      })
    ).toMatchObject({ error: { message } })
    expect(await contenidoActa(t.app.db, s1.id)).toEqual(before)

    // A correction is a fe de erratas linked to the acta, never an edit of it.
    const errata = await api.ok('errata:crear', {
      sesionId: s1.id,
      texto: 'Donde dice 10:00 debe decir 10:30.'
    })
    expect(errata.texto).toBe('Donde dice 10:00 debe decir 10:30.')
    expect((await api.ok('sesion:obtener', { id: s1.id })).erratas).toHaveLength(1)
    expect(hashActa(await contenidoActa(t.app.db, s1.id))).toBe(aprobada.hash)
    expect(await api.call('errata:crear', { sesionId: s2.id, texto: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'conflicto' }
    })
  })
})
