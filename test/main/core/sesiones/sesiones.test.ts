import { describe, expect, it } from 'vitest'
import { contenidoActa, textoActa } from '../../../../src/main/core/actas/contenido'
import { huella } from '../../../../src/main/core/actas/sello'

const hashActa = (c: Awaited<ReturnType<typeof contenidoActa>>): string => huella(textoActa(c))
import type { TestApp } from '../../../helpers/db'
import { cadaPruebaConPrevencion, type Caller, type Prevencion } from '../../../helpers/respuestas'
import { conFirmantes, entradaSesion, sesionMovida } from '../../../helpers/sesiones'

let t: TestApp, api: Caller, ctx: Prevencion
cadaPruebaConPrevencion((e) => ({ t, api, ctx } = e))

const nueva = (fecha: string, tipo: 'ordinaria' | 'extraordinaria' = 'ordinaria') =>
  api.ok('sesion:crear', entradaSesion(ctx.prevencion.id, fecha, tipo))

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

  it('records progress on acciones of the instancia and indicator values, computing percentages', async () => {
    const s = await nueva('2014-03-12')
    await api.ok('avance:guardar', {
      sesionId: s.id,
      accionId: ctx.accion('1.1.a').id,
      estado: 'en_curso',
      porcentaje: 40,
      reporte: 'Plan en diseño.'
    })
    await api.ok('avance:guardar', {
      sesionId: s.id,
      accionId: ctx.accion('1.1.a').id,
      estado: 'en_curso',
      porcentaje: 45,
      reporte: 'Plan validado.'
    })
    const ajena = await api.call('avance:guardar', {
      sesionId: s.id,
      accionId: ctx.accion('3.2.a').id,
      estado: 'en_curso',
      porcentaje: 10,
      reporte: ''
    })
    expect(ajena).toMatchObject({
      ok: false,
      error: {
        code: 'conflicto',
        message: 'La acción 3.2.a no corresponde a la instancia de esta sesión.'
      }
    })
    const banner = ctx.accion('1.2.b').indicadores[0]!
    const m = await api.ok('medicion:guardar', {
      sesionId: s.id,
      indicadorId: banner.id,
      valor: null,
      numerador: 9,
      denominador: 12,
      fechaCorte: '2014-03-01',
      nota: ''
    })
    expect(m.porcentaje).toBe(75)
    const rows = await t.app.db
      .selectFrom('avances')
      .selectAll()
      .where('sesion_id', '=', s.id)
      .execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      accion_codigo: '1.1.a',
      porcentaje: 45,
      reporte: 'Plan validado.'
    })
    const d = await api.ok('sesion:obtener', { id: s.id })
    expect(d.avances.find((a) => a.codigo === '1.2.b')!.indicadores[0]).toMatchObject({
      numerador: 9,
      denominador: 12,
      porcentaje: 75
    })
    const next = await nueva('2014-06-11')
    const d2 = await api.ok('sesion:obtener', { id: next.id })
    expect(d2.avances.find((a) => a.codigo === '1.1.a')!.anterior).toMatchObject({
      sesionTitulo: 'Sesión Ordinaria N° 1/2014',
      porcentaje: 45
    })
  })

  it('carry open acuerdos into later sessions for follow-up, with their history', async () => {
    const s1 = await nueva('2014-03-12')
    const a1 = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Enviar propuesta de plan de capacitación.',
      institucionId: ctx.inst.get('SERNAM')!,
      personaId: ctx.personas[0]!.id,
      plazo: '2099-05-30',
      accionId: ctx.accion('1.1.a').id
    })
    const a2 = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Diseñar banner.',
      institucionId: ctx.inst.get('PDI')!,
      personaId: null,
      plazo: '2099-05-30',
      accionId: ctx.accion('1.2.b').id
    })
    expect([a1.numero, a2.numero]).toEqual([1, 2])
    expect(a1).toMatchObject({
      responsable: 'SERNAM — Ana Rojas Soto',
      accionCodigo: '1.1.a',
      estado: 'pendiente',
      situacion: 'pendiente'
    })
    const s2 = await nueva('2014-06-11')
    let d2 = await api.ok('sesion:obtener', { id: s2.id })
    expect(d2.seguimiento.map((a) => a.texto)).toEqual([
      'Enviar propuesta de plan de capacitación.',
      'Diseñar banner.'
    ])
    await api.ok('acuerdo:seguimiento', {
      sesionId: s2.id,
      acuerdoId: a1.id,
      estado: 'cumplido',
      nota: 'Propuesta recibida.'
    })
    await api.ok('acuerdo:seguimiento', {
      sesionId: s2.id,
      acuerdoId: a2.id,
      estado: 'en_curso',
      nota: 'En revisión.'
    })
    d2 = await api.ok('sesion:obtener', { id: s2.id })
    expect(d2.seguimiento.map((a) => [a.numero, a.enEstaSesion?.estado])).toEqual([
      [1, 'cumplido'],
      [2, 'en_curso']
    ])
    const s3 = await nueva('2014-09-10')
    const d3 = await api.ok('sesion:obtener', { id: s3.id })
    expect(d3.seguimiento.map((a) => a.texto)).toEqual(['Diseñar banner.'])
    expect(d3.seguimiento[0]!.historial).toMatchObject([
      { sesionTitulo: 'Sesión Ordinaria N° 2/2014', estado: 'en_curso', nota: 'En revisión.' }
    ])
    const refused = await api.call('acuerdo:seguimiento', {
      sesionId: s1.id,
      acuerdoId: a2.id,
      estado: 'cumplido',
      nota: ''
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflicto' } })
  })

  it('shows an acuerdo past its plazo as vencido, unless it was met', async () => {
    const s1 = await nueva('2014-03-12')
    const vencido = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Plazo pasado.',
      institucionId: null,
      personaId: null,
      plazo: '2014-04-30',
      accionId: null
    })
    const cumplido = await api.ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Cumplido a tiempo.',
      institucionId: null,
      personaId: null,
      plazo: '2014-04-30',
      accionId: null
    })
    expect(vencido.situacion).toBe('vencido')
    const s2 = await nueva('2014-06-11')
    await api.ok('acuerdo:seguimiento', {
      sesionId: s2.id,
      acuerdoId: cumplido.id,
      estado: 'cumplido',
      nota: ''
    })
    const d2 = await api.ok('sesion:obtener', { id: s2.id })
    expect(d2.seguimiento.map((a) => [a.texto, a.situacion])).toEqual([
      ['Plazo pasado.', 'vencido'],
      ['Cumplido a tiempo.', 'cumplido']
    ])
  })

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

  it('renumbers acuerdos when one is removed from a draft', async () => {
    const s = await nueva('2014-03-12')
    const mk = (texto: string) =>
      api.ok('acuerdo:crear', {
        sesionId: s.id,
        texto,
        institucionId: null,
        personaId: null,
        plazo: null,
        accionId: null
      })
    const [, b] = [await mk('Uno'), await mk('Dos'), await mk('Tres')]
    await api.ok('acuerdo:eliminar', { id: b.id })
    const d = await api.ok('sesion:obtener', { id: s.id })
    expect(d.acuerdos.map((a) => `${a.numero}:${a.texto}`)).toEqual(['1:Uno', '2:Tres'])
  })
})
