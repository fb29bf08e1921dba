import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { fila } from '../../../helpers/consulta'
import { caller, conFirmantes } from '../../../helpers/sesiones'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'
import { MENSAJE_APROBAR_SIN_SESION } from '../../../../src/shared/sesiones/contract'

/**
 * What the session screen is given (`sesion:obtener`) and the sessions list, read field by field
 * over three sessions (S1 draft, A approved in B, B draft), and the life-cycle refusals. The
 * fixture is built inside each test so mutation testing's per-test coverage sees it.
 */
let t: TestApp
let api: ReturnType<typeof caller>
beforeEach(async () => {
  t = await openTestApp({ reloj: () => new Date('2014-06-01T15:00:00Z') })
  api = caller(t)
})
afterEach(() => t.close())

const fixture = (): Promise<ActaAprobadaFixture> => actaAprobada(t)
const NO_EXISTE = '01a22b25-0000-7000-8000-000000000000'

describe('sesion:obtener', () => {
  it('gives the approved acta read-only, with its approval, erratas and no later session list', async () => {
    const f = await fixture()
    await api.ok('errata:crear', { sesionId: f.aprobada.sesion, texto: 'Corrección.' })
    const d = await api.ok('sesion:obtener', { id: f.aprobada.sesion })
    expect(d.editable).toBe(false)
    expect(d.sesion).toMatchObject({
      titulo: 'Sesión Ordinaria N° 2/2014',
      estado: 'aprobada',
      aprobadaEnSesionId: f.borrador.sesion,
      aprobadaEnSesionTitulo: 'Sesión Ordinaria N° 3/2014',
      acuerdos: 1
    })
    expect(d.instancia).toMatchObject({ id: f.instanciaId, nombre: 'Subcomisión Prevención' })
    expect(d.erratas).toEqual([
      { id: expect.any(String), texto: 'Corrección.', fecha: '2014-06-01' }
    ])
    expect(d.sesionesPosteriores).toEqual([
      { id: f.borrador.sesion, titulo: 'Sesión Ordinaria N° 3/2014 (14-05-2014)' }
    ])
  })

  it('gives a draft its avances (own, and the latest earlier report) and indicator values', async () => {
    const f = await fixture()
    const d = await api.ok('sesion:obtener', { id: f.borrador.sesion })
    expect(d.editable).toBe(true)
    expect(d.sesionesPosteriores).toEqual([])
    const propio = d.avances.find((a) => a.accionId === f.accionId)!
    expect(propio).toMatchObject({
      codigo: '1.2.b',
      estado: 'en_curso',
      porcentaje: 40,
      reporte: 'En diseño.',
      anterior: {
        sesionTitulo: 'Sesión Ordinaria N° 2/2014',
        fecha: '2014-04-09',
        estado: 'en_curso'
      }
    })
    const ind = propio.indicadores.find((i) => i.indicadorId === f.indicadorId)!
    expect(ind).toMatchObject({ numerador: 9, denominador: 12, fechaCorte: '2014-05-14', nota: '' })
    const otra = d.avances.find((a) => a.accionId !== f.accionId)!
    expect(otra).toMatchObject({ estado: null, porcentaje: null, reporte: '', anterior: null })
    expect(otra.indicadores.every((i) => i.fechaCorte === null && i.nota === '')).toBe(true)
  })

  it('follows up the earlier acuerdos in date order, with what this session recorded', async () => {
    const f = await fixture()
    const d = await api.ok('sesion:obtener', { id: f.borrador.sesion })
    expect(
      d.seguimiento.map((a) => [a.texto, a.situacion, a.enEstaSesion?.estado ?? null])
    ).toEqual([
      ['Enviar la propuesta de capacitación.', 'en_curso', 'en_curso'],
      ['Acuerdo de la sesión del 2014-04-09.', 'pendiente', null]
    ])
    expect(d.seguimiento[0]!.historial.map((h) => h.estado)).toEqual(['en_curso', 'en_curso'])
    // The first session has nothing earlier to follow up.
    expect((await api.ok('sesion:obtener', { id: f.s1.sesion })).seguimiento).toEqual([])
  })

  it('refuses an id that is no session', async () => {
    expect(await api.call('sesion:obtener', { id: NO_EXISTE })).toMatchObject({
      ok: false,
      error: { code: 'no_encontrado', message: 'La sesión no existe o fue eliminada.' }
    })
  })
})

describe('sesion:listar', () => {
  it('lists newest first, with acuerdo counts, filtered by instancia and year', async () => {
    const f = await fixture()
    const todas = await api.ok('sesion:listar', {})
    expect(todas.map((s) => [s.titulo, s.acuerdos, s.estado])).toEqual([
      ['Sesión Ordinaria N° 3/2014', 1, 'borrador'],
      ['Sesión Ordinaria N° 2/2014', 1, 'aprobada'],
      ['Sesión Ordinaria N° 1/2014', 1, 'borrador']
    ])
    expect(await api.ok('sesion:listar', { instanciaId: f.instanciaId, anio: 2014 })).toHaveLength(
      3
    )
    expect(await api.ok('sesion:listar', { anio: 2015 })).toEqual([])
    const otra = (await api.ok('instancia:listar', undefined)).find((i) => i.id !== f.instanciaId)!
    expect(await api.ok('sesion:listar', { instanciaId: otra.id })).toEqual([])
  })
})

describe('the life cycle refuses what it must', () => {
  it('approval: only in a later session of the same instancia, observations trimmed', async () => {
    const f = await fixture()
    await conFirmantes(t, f.s1.sesion)
    await api.ok('sesion:cerrar', { id: f.s1.sesion })
    const otra = (await api.ok('instancia:listar', undefined)).find((i) => i.id !== f.instanciaId)!
    const ajena = await api.ok('sesion:crear', {
      instanciaId: otra.id,
      tipo: 'ordinaria',
      fecha: '2014-12-01',
      modalidad: 'remota'
    })
    const mal = {
      code: 'conflicto',
      message: 'El acta se aprueba en una sesión posterior de la misma instancia.',
      fields: { enSesionId: expect.any(String) }
    }
    for (const enSesionId of [f.s1.sesion, ajena.id, NO_EXISTE])
      expect(
        await api.call('sesion:aprobar', { id: f.s1.sesion, enSesionId, observaciones: '' })
      ).toMatchObject({ ok: false, error: mal })
    // Not in a session whose own acta is already approved (its acta is sealed).
    expect(
      await api.call('sesion:aprobar', {
        id: f.s1.sesion,
        enSesionId: f.aprobada.sesion,
        observaciones: ''
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'conflicto', fields: { enSesionId: expect.any(String) } }
    })
    // Not without saying in which later session: refused before anything is looked up.
    for (const enSesionId of [null, undefined])
      expect(
        await api.call('sesion:aprobar', {
          id: f.s1.sesion,
          enSesionId: enSesionId as unknown as string,
          observaciones: ''
        })
      ).toEqual({
        ok: false,
        error: {
          code: 'entrada_invalida',
          message: MENSAJE_APROBAR_SIN_SESION,
          fields: { enSesionId: MENSAJE_APROBAR_SIN_SESION }
        }
      })
    expect(MENSAJE_APROBAR_SIN_SESION).toBe(
      'Indique la sesión posterior en que se aprueba el acta (créela primero si no existe).'
    )
    const siguiente = await api.ok('sesion:crear', {
      instanciaId: f.instanciaId,
      tipo: 'ordinaria',
      fecha: '2014-12-01',
      modalidad: 'remota'
    })
    const ok = await api.ok('sesion:aprobar', {
      id: f.s1.sesion,
      enSesionId: siguiente.id,
      observaciones: '  Sin cambios.  '
    })
    expect(ok).toMatchObject({
      observacionesAprobacion: 'Sin cambios.',
      aprobadaEnSesionTitulo: siguiente.titulo
    })
    expect(
      await api.call('sesion:aprobar', {
        id: f.s1.sesion,
        enSesionId: siguiente.id,
        observaciones: ''
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'solo_lectura', message: 'El acta de esta sesión ya fue aprobada.' }
    })
  })

  it('reopening a draft changes nothing; deleting needs a draft no acta depends on', async () => {
    const f = await fixture()
    const antes = await api.ok('sesion:obtener', { id: f.s1.sesion })
    expect((await api.ok('sesion:reabrir', { id: f.s1.sesion })).updatedAt).toBe(
      antes.sesion.updatedAt
    )
    await api.ok('sesion:cerrar', { id: f.borrador.sesion })
    expect(await api.call('sesion:eliminar', { id: f.borrador.sesion })).toMatchObject({
      ok: false,
      error: { code: 'solo_lectura', message: 'Sólo se puede eliminar una sesión en borrador.' }
    })
    await api.ok('sesion:reabrir', { id: f.borrador.sesion })
    expect(await api.call('sesion:eliminar', { id: f.borrador.sesion })).toMatchObject({
      ok: false,
      error: {
        code: 'conflicto',
        message: 'En esta sesión se aprobó otra acta; no se puede eliminar.'
      }
    })
    const nueva = await api.ok('sesion:crear', {
      instanciaId: f.instanciaId,
      tipo: 'extraordinaria',
      fecha: '2014-07-01',
      modalidad: 'mixta'
    })
    expect(await api.ok('sesion:eliminar', { id: nueva.id })).toEqual({ id: nueva.id })
    const lapida = await fila(t, 'select tabla from tombstones where id = ?', nueva.id)
    expect(lapida).toEqual({ tabla: 'sesiones' })
    for (const canal of ['sesion:reabrir', 'sesion:eliminar', 'sesion:cerrar'] as const)
      expect(await api.call(canal, { id: NO_EXISTE })).toMatchObject({
        ok: false,
        error: { code: 'no_encontrado' }
      })
  })

  it('creation: numbered, presided by the coordinator, members and the usual agenda in order', async () => {
    const f = await fixture()
    const instancia = (await api.ok('instancia:listar', undefined)).find(
      (i) => i.id === f.instanciaId
    )!
    await api.ok('instancia:actualizar', { ...instancia, coordinador: 'Diego Fuentes' })
    const s = await api.ok('sesion:crear', {
      instanciaId: f.instanciaId,
      tipo: 'ordinaria',
      fecha: '2014-08-13',
      modalidad: 'presencial'
    })
    expect(s).toMatchObject({
      titulo: 'Sesión Ordinaria N° 4/2014',
      preside: 'Diego Fuentes',
      lugar: '',
      horaInicio: null,
      proximaLugar: '',
      observacionesAprobacion: ''
    })
    const d = await api.ok('sesion:obtener', { id: s.id })
    expect(
      d.asistencia.map((a) => [a.institucion, a.calidad, a.estado, a.motivo, a.cargo])
    ).toEqual([
      ['MININT', 'titular', 'ausente', '', 'Profesional'],
      ['PDI', 'titular', 'ausente', '', 'Profesional'],
      ['SERNAM', 'titular', 'ausente', '', 'Profesional'],
      ['SERNAM', 'suplente', 'ausente', '', 'Profesional']
    ])
    expect(d.puntos.map((p) => [p.desarrollo, p.tipo])).toEqual([
      ['', 'aprobacion_acta'],
      ['', 'cuenta'],
      ['', 'seguimiento'],
      ['', 'varios']
    ])
    // Its date moved to another year takes that year's next number.
    const datos = { ...d.sesion, fecha: '2015-03-01' }
    expect(
      (
        await api.ok('sesion:actualizar', {
          id: s.id,
          fecha: datos.fecha,
          horaInicio: null,
          horaTermino: null,
          lugar: '',
          modalidad: 'presencial',
          preside: '',
          proximaFecha: null,
          proximaLugar: ''
        })
      ).titulo
    ).toBe('Sesión Ordinaria N° 1/2015')
    expect(
      await api.call('sesion:crear', {
        instanciaId: NO_EXISTE,
        tipo: 'ordinaria',
        fecha: '2014-08-13',
        modalidad: 'presencial'
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'no_encontrado', message: 'La instancia no existe o fue eliminada.' }
    })
  })
})
