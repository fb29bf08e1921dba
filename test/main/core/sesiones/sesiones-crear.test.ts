import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { sesionMovida } from '../../../helpers/sesiones'
import { creaSesiones } from './nueva'

/**
 * A new sesión is numbered correlatively per instancia, type and year (a draft moved to another
 * year takes that year's next number), starts with the usual agenda and every member listed for
 * attendance, and computes its quorum.
 */
let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

const nueva = creaSesiones(() => ({ api, ctx }))

describe('sesiones', () => {
  it('are numbered correlatively per instancia, type and year', async () => {
    expect((await nueva('2014-03-12')).titulo).toBe('Sesión Ordinaria N° 1/2014')
    expect((await nueva('2014-06-11')).titulo).toBe('Sesión Ordinaria N° 2/2014')
    expect((await nueva('2014-07-01', 'extraordinaria')).titulo).toBe(
      'Sesión Extraordinaria N° 1/2014'
    )
    const s2015 = await nueva('2015-01-20')
    expect(s2015.titulo).toBe('Sesión Ordinaria N° 1/2015')
    const control = (await api.ok('instancia:listar', undefined)).find(
      (i) => i.codigo === 'CONTROL'
    )!
    expect(
      (
        await api.ok('sesion:crear', {
          instanciaId: control.id,
          tipo: 'ordinaria',
          fecha: '2014-03-12',
          modalidad: 'remota'
        })
      ).numero
    ).toBe(1)
    // A draft moved to another year takes that year's next number.
    const moved = await api.ok('sesion:actualizar', sesionMovida(s2015.id, '2014-12-01'))
    expect(moved.titulo).toBe('Sesión Ordinaria N° 3/2014')
  })

  it('start with the usual agenda and every member listed for attendance, and compute the quorum', async () => {
    const s = await nueva('2014-03-12')
    const d = await api.ok('sesion:obtener', { id: s.id })
    expect(d.puntos.map((p) => p.titulo)).toEqual([
      'Aprobación del acta anterior',
      'Cuenta',
      'Seguimiento de acuerdos',
      'Varios'
    ])
    expect(d.asistencia.map((a) => `${a.institucion}:${a.nombre}:${a.calidad}`)).toEqual([
      'MININT:Diego Fuentes Araya:titular',
      'PDI:Carlos Pérez Silva:titular',
      'SERNAM:Ana Rojas Soto:titular',
      'SERNAM:Berta Díaz Muñoz:suplente'
    ])
    expect(d.quorum).toEqual({ presentes: 0, total: 3, alcanzado: false })
    const by = (n: string) => d.asistencia.find((a) => a.nombre === n)!.id
    await api.ok('asistencia:marcar', {
      id: by('Berta Díaz Muñoz'),
      estado: 'presente',
      motivo: ''
    })
    await api.ok('asistencia:marcar', {
      id: by('Carlos Pérez Silva'),
      estado: 'presente',
      motivo: ''
    })
    await api.ok('asistencia:marcar', {
      id: by('Diego Fuentes Araya'),
      estado: 'excusado',
      motivo: 'Comisión de servicio'
    })
    await api.ok('asistencia:invitar', {
      sesionId: s.id,
      nombre: 'Invitada OIM',
      cargo: 'Oficial',
      institucion: 'OIM'
    })
    const after = await api.ok('sesion:obtener', { id: s.id })
    expect(after.quorum).toEqual({ presentes: 2, total: 3, alcanzado: true })
    expect(after.asistencia.find((a) => a.nombre === 'Diego Fuentes Araya')).toMatchObject({
      estado: 'excusado',
      motivo: 'Comisión de servicio'
    })
    const rows = await t.app.db
      .selectFrom('asistencias')
      .select(['nombre', 'estado'])
      .where('sesion_id', '=', s.id)
      .orderBy('orden')
      .execute()
    expect(rows.map((r) => r.estado)).toEqual([
      'excusado',
      'presente',
      'ausente',
      'presente',
      'presente'
    ])
  })
})
