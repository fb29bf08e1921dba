import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas } from '../../../helpers/consulta'
import { caller, sesionMarcada } from '../../../helpers/sesiones'

/**
 * An approved acta is sealed for ever: it must name who chaired and who acted as secretary.
 * Approval is refused, saying what to fill in the Asistencia section, while either is unknown.
 */
let t: TestApp
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(async () => {
  await t.close()
})

async function cerradaConPosterior(estados: Parameters<typeof sesionMarcada>[2]) {
  const m = await sesionMarcada(t, '2014-06-11', estados)
  const { ok } = caller(t)
  await ok('sesion:cerrar', { id: m.sesionId })
  const en = await ok('sesion:crear', {
    instanciaId: m.ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-08-20',
    modalidad: 'presencial'
  })
  const aprobar = () =>
    caller(t).call('sesion:aprobar', { id: m.sesionId, enSesionId: en.id, observaciones: '' })
  /** Reopened, `nombre` chosen in that role and finalized again: the approval's answer. */
  const elegidoAprobar = async (
    canal: 'asistencia:secretaria' | 'asistencia:presidente',
    nombre: string
  ) => {
    await ok('sesion:reabrir', { id: m.sesionId })
    await ok(canal, { sesionId: m.sesionId, asistenciaId: m.fila(nombre) })
    await ok('sesion:cerrar', { id: m.sesionId })
    return mensaje(await aprobar())
  }
  return { ...m, enId: en.id, aprobar, elegidoAprobar }
}

const mensaje = (r: Awaited<ReturnType<ReturnType<typeof caller>['call']>>) =>
  r.ok ? 'aprobada' : `${r.error.code}: ${r.error.message}`

describe('approving an acta that names nobody to sign', () => {
  it('is refused while the secretaría de actas is excused and nobody acted for it', async () => {
    const m = await cerradaConPosterior({
      'Ana Rojas Soto': 'excusado',
      'Berta Díaz Muñoz': 'ausente',
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'presente'
    })
    const r = await m.aprobar()
    expect(mensaje(r)).toBe(
      'conflicto: El acta no se puede aprobar sin nombrar a quienes la firman. Reabra la sesión y, en la pestaña Asistencia, marque como presentes a quienes asistieron y elija en «Actuó como secretario/a de actas», a quien llevó el acta (nadie de la secretaría de actas, SERNAM, figura presente). Después vuelva a finalizarla y apruebe el acta.'
    )
    const s = await caller(t).ok('sesion:obtener', { id: m.sesionId })
    expect([s.sesion.estado, s.sesion.hash]).toEqual(['cerrada', null])
    // The later session's tabla does not offer the approval, and says why in the same words.
    expect((await caller(t).ok('sesion:obtener', { id: m.enId })).actaAnterior).toMatchObject({
      id: m.sesionId,
      aprobable: false,
      impedimento: mensaje(r).replace(/^conflicto: /, '')
    })
    // Reopened, Carlos is chosen as secretary: then it is approved.
    expect(await m.elegidoAprobar('asistencia:secretaria', 'Carlos Pérez Silva')).toBe('aprobada')
  })

  it('is refused while nobody present can be named as having chaired', async () => {
    const m = await cerradaConPosterior({
      'Ana Rojas Soto': 'presente',
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'excusado'
    })
    const r = await m.aprobar()
    expect(mensaje(r)).toMatch(
      /^conflicto: .*en la pestaña Asistencia, .*elija en «Presidió la sesión», a quien presidió \(nadie presente corresponde a «MININT \(DCO-DEM-SPD\)»\)\. /
    )
    expect(mensaje(r)).not.toMatch(/secretario\/a/)
    expect(await m.elegidoAprobar('asistencia:presidente', 'Carlos Pérez Silva')).toBe('aprobada')
  })

  it('names both when both are missing, and approves when both were there', async () => {
    const m = await cerradaConPosterior({ 'Carlos Pérez Silva': 'presente' })
    expect(mensaje(await m.aprobar())).toMatch(
      /elija en «Presidió la sesión», a quien presidió \(nadie presente corresponde a «MININT \(DCO-DEM-SPD\)»\); y en «Actuó como secretario\/a de actas», a quien llevó el acta \(nadie de la secretaría de actas, SERNAM, figura presente\)\./
    )
    const ok = await sesionMarcada(
      t,
      '2014-09-10',
      { 'Berta Díaz Muñoz': 'presente', 'Diego Fuentes Araya': 'presente' },
      m.ctx
    )
    await caller(t).ok('sesion:cerrar', { id: ok.sesionId })
    const en = await caller(t).ok('sesion:crear', {
      instanciaId: m.ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-10-10',
      modalidad: 'presencial'
    })
    const r = await caller(t).call('sesion:aprobar', {
      id: ok.sesionId,
      enSesionId: en.id,
      observaciones: ''
    })
    expect(mensaje(r)).toBe('aprobada')
  })

  it('says why the secretaría cannot sign: it chaired, or the instancia has none', async () => {
    // Ana (SERNAM) chaired and Berta (SERNAM) was absent: someone else must sign as secretary.
    const m = await cerradaConPosterior({
      'Ana Rojas Soto': 'presente',
      'Carlos Pérez Silva': 'presente'
    })
    await caller(t).ok('sesion:reabrir', { id: m.sesionId })
    await caller(t).ok('asistencia:presidente', {
      sesionId: m.sesionId,
      asistenciaId: m.fila('Ana Rojas Soto')
    })
    await caller(t).ok('sesion:cerrar', { id: m.sesionId })
    expect(mensaje(await m.aprobar())).toMatch(
      /a quien llevó el acta \(quien presidió es de la secretaría de actas, SERNAM, y no firma también por ella\)\./
    )
    // Mesa RAV has neither a coordinador nor a secretaría de actas.
    const { ok } = caller(t)
    const rav = (await ok('instancia:listar', undefined)).find((i) => i.codigo === 'RAV')!
    const nueva = (fecha: string) =>
      ok('sesion:crear', { instanciaId: rav.id, tipo: 'ordinaria', fecha, modalidad: 'presencial' })
    const s = await nueva('2014-03-12')
    const en = await nueva('2014-04-09')
    await ok('sesion:cerrar', { id: s.id })
    const r = await caller(t).call('sesion:aprobar', {
      id: s.id,
      enSesionId: en.id,
      observaciones: ''
    })
    expect(mensaje(r)).toMatch(
      /elija en «Presidió la sesión», a quien presidió; y en «Actuó como secretario\/a de actas», a quien llevó el acta \(esta instancia no tiene secretaría de actas\)\./
    )
  })

  it('is refused when the roles meet anyway: one person on both lines, or a stand-in while the secretaría attended', async () => {
    // SERNAM excused; «Preside» points at MININT, so Diego chairs without being chosen: choosing
    // him to act as secretary is taken by the roles' own check (it only knows a chosen president).
    const m = await cerradaConPosterior({
      'Ana Rojas Soto': 'excusado',
      'Berta Díaz Muñoz': 'ausente',
      'Carlos Pérez Silva': 'presente',
      'Diego Fuentes Araya': 'presente'
    })
    const { ok } = caller(t)
    const preside = (await ok('sesion:obtener', { id: m.sesionId })).sesion.preside
    expect(preside).toMatch(/MININT/)
    expect(await m.elegidoAprobar('asistencia:secretaria', 'Diego Fuentes Araya')).toBe(
      'conflicto: Quien presidió la sesión no firma también como secretario/a de actas: elija a otra persona. (Diego Fuentes Araya figura en los dos). Reabra la sesión, corrija la pestaña Asistencia, vuelva a finalizarla y apruebe el acta.'
    )
    // Carlos acts for the secretaría; then, as a partner's package could bring it, Berta (SERNAM)
    // is recorded present without clearing him: the secretaría signs its own acta.
    await ok('sesion:reabrir', { id: m.sesionId })
    await ok('asistencia:secretaria', {
      sesionId: m.sesionId,
      asistenciaId: m.fila('Carlos Pérez Silva')
    })
    await filas(
      t,
      "update asistencias set estado = 'presente' where id = ?",
      m.fila('Berta Díaz Muñoz')
    )
    await ok('sesion:cerrar', { id: m.sesionId })
    expect(mensaje(await m.aprobar())).toBe(
      'conflicto: La secretaría de actas asistió a esta sesión (Berta Díaz Muñoz) y firma el acta: nadie más actúa como secretario/a de actas. Quite a Carlos Pérez Silva de «Actuó como secretario/a de actas». Reabra la sesión, corrija la pestaña Asistencia, vuelva a finalizarla y apruebe el acta.'
    )
  })
})
