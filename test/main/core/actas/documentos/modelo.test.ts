import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actaDocumento, fechaLarga } from '../../../../../src/main/core/actas/documentos/modelo'
import {
  actaArchivo,
  MENSAJE_SIN_PDF,
  toDocumento
} from '../../../../../src/main/core/actas/documentos/archivo'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { caller, prevencionConMiembros } from '../../../../helpers/sesiones'

// The acta both documents print, built from a real session on a real database: one session
// recorded in full and approved in the next, which is still a bare draft.
let t: TestApp
const ids: Record<string, string> = {}
beforeAll(async () => {
  t = await openTestApp()
  const ctx = await prevencionConMiembros(t)
  const { ok } = caller(t)
  await ok('config:guardar', {
    encabezado: 'Ministerio del Interior\n\n  \nSubsecretaría',
    logo: null
  })
  const crear = (fecha: string) =>
    ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha,
      modalidad: 'presencial'
    })
  const s1 = await crear('2014-03-12')
  const s2 = await crear('2014-06-11')
  Object.assign(ids, { s1: s1.id, s2: s2.id })
  await ok('sesion:actualizar', {
    id: s1.id,
    fecha: '2014-03-12',
    horaInicio: '10:00',
    horaTermino: '12:30',
    lugar: 'La Moneda',
    modalidad: 'mixta',
    preside: 'Ana Rojas',
    proximaFecha: '2014-06-11',
    proximaLugar: 'Ministerio del Interior'
  })
  const d = await ok('sesion:obtener', { id: s1.id })
  const estados: Record<string, 'presente' | 'excusado' | 'ausente'> = {
    'Ana Rojas Soto': 'presente',
    'Berta Díaz Muñoz': 'presente',
    'Carlos Pérez Silva': 'excusado',
    'Diego Fuentes Araya': 'ausente'
  }
  for (const a of d.asistencia)
    await ok('asistencia:marcar', {
      id: a.id,
      estado: estados[a.nombre]!,
      motivo: a.nombre.startsWith('Carlos') ? 'Viaje' : ''
    })
  const eva = await ok('asistencia:invitar', {
    sesionId: s1.id,
    nombre: 'Eva Soto',
    cargo: 'Oficial',
    institucion: 'OIM'
  })
  await ok('asistencia:marcar', { id: eva.id, estado: 'presente', motivo: '' })
  // A guest who did not come is not listed.
  const ausente = await ok('asistencia:invitar', {
    sesionId: s1.id,
    nombre: 'Fede Ruiz',
    cargo: 'Asesor',
    institucion: 'UNODC'
  })
  await ok('asistencia:marcar', { id: ausente.id, estado: 'ausente', motivo: '' })
  const cuenta = d.puntos.find((p) => p.tipo === 'cuenta')!
  await ok('punto:actualizar', { id: cuenta.id, titulo: cuenta.titulo, desarrollo: 'Se informa.' })
  const guardar = (accion: string, estado: 'en_curso' | 'no_iniciada', porcentaje: number | null) =>
    ok('avance:guardar', {
      sesionId: s1.id,
      accionId: ctx.accion(accion).id,
      estado,
      porcentaje,
      reporte: 'R'
    })
  await guardar('1.1.a', 'en_curso', 40)
  await guardar('1.1.b', 'no_iniciada', null)
  const medir = (
    accion: string,
    tipo: string,
    m: { valor: number | null; numerador: number | null; denominador: number | null }
  ) =>
    ok('medicion:guardar', {
      sesionId: s1.id,
      indicadorId: ctx.accion(accion).indicadores.find((i) => i.tipo === tipo)!.id,
      ...m,
      fechaCorte: '2014-03-01',
      nota: 'N'
    })
  await medir('1.2.b', 'porcentaje', { valor: null, numerador: 1234, denominador: 2000 })
  await medir('1.1.a', 'conteo', { valor: 7, numerador: null, denominador: null })
  const acuerdo = await ok('acuerdo:crear', {
    sesionId: s1.id,
    texto: 'Enviar informe',
    institucionId: ctx.inst.get('PDI')!,
    personaId: null,
    plazo: '2014-04-30',
    accionId: ctx.accion('1.1.a').id
  })
  await ok('acuerdo:crear', {
    sesionId: s1.id,
    texto: 'Revisar',
    institucionId: null,
    personaId: null,
    plazo: null,
    accionId: null
  })
  await ok('sesion:cerrar', { id: s1.id })
  await ok('sesion:aprobar', { id: s1.id, enSesionId: s2.id, observaciones: 'Corregir nombre' })
  await ok('errata:crear', { sesionId: s1.id, texto: 'Donde dice A debe decir B.' })
  // The draft: nothing about the meeting recorded yet, not even who presides.
  await ok('sesion:actualizar', {
    id: s2.id,
    fecha: '2014-06-11',
    horaInicio: null,
    horaTermino: null,
    lugar: '',
    modalidad: 'presencial',
    preside: '',
    proximaFecha: null,
    proximaLugar: ''
  })
  // Two of its three member institutions came: quorum.
  for (const a of (await ok('sesion:obtener', { id: s2.id })).asistencia)
    if (a.nombre.startsWith('Ana') || a.nombre.startsWith('Carlos'))
      await ok('asistencia:marcar', { id: a.id, estado: 'presente', motivo: '' })
  await ok('acuerdo:seguimiento', {
    sesionId: s2.id,
    acuerdoId: acuerdo.id,
    estado: 'cumplido',
    nota: 'Ok'
  })
})
afterAll(() => t.close())

describe('actaDocumento', () => {
  it('gives the approved acta its header, attendance by institution and quorum', async () => {
    const a = await actaDocumento(t.app.db, ids.s1!)
    expect(a).toMatchObject({
      encabezado: ['Ministerio del Interior', 'Subsecretaría'],
      logo: null,
      instancia: 'Subcomisión Prevención',
      titulo: 'ACTA SESIÓN ORDINARIA N°\u00a01/2014',
      borrador: false,
      fechaLarga: 'miércoles, 12 de marzo de 2014',
      lugar: 'La Moneda',
      modalidad: 'Mixta',
      horaInicio: '10:00',
      horaTermino: '12:30',
      preside: 'Ana Rojas',
      secretariaActas: 'SERNAM',
      quorum: '1 de 3 instituciones miembro presentes (sin quórum)'
    })
    expect(a.presentes).toEqual([
      {
        institucion: 'SERNAM',
        personas: [
          'Ana Rojas Soto, Profesional (titular)',
          'Berta Díaz Muñoz, Profesional (suplente)'
        ]
      }
    ])
    expect(a.excusados).toEqual([
      { nombre: 'Carlos Pérez Silva', institucion: 'PDI', motivo: 'Viaje' }
    ])
    expect(a.ausentes).toEqual([{ nombre: 'Diego Fuentes Araya', institucion: 'MININT' }])
    expect(a.invitados).toEqual([{ nombre: 'Eva Soto', institucion: 'OIM', cargo: 'Oficial' }])
    expect(a.hojaAsistencia.map((h) => [h.nombre, h.institucion, h.cargo])).toEqual([
      ['Ana Rojas Soto', 'SERNAM', 'Profesional'],
      ['Berta Díaz Muñoz', 'SERNAM', 'Profesional'],
      ['Eva Soto', 'OIM', 'Oficial']
    ])
    // Signed by people from the attendance: who presides, and the secretaría's other member.
    expect(a.firmantes).toEqual([
      { nombre: 'Ana Rojas Soto', cargo: 'Profesional', institucion: 'SERNAM', rol: 'Preside' },
      {
        nombre: 'Berta Díaz Muñoz',
        cargo: 'Profesional',
        institucion: 'SERNAM',
        rol: 'Secretaría de actas'
      }
    ])
    expect(a.subrogacion).toBeNull()
    expect(a.papel).toBe('carta')
    expect(a.apertura).toBe(
      'En Santiago, a 12 de marzo de 2014, siendo las 10:00 horas, se da inicio a la Sesión Ordinaria N°\u00a01/2014 de la Subcomisión Prevención, en La Moneda.'
    )
  })

  it('formats progress, indicator values, acuerdos, approval, erratas and the sealed hash', async () => {
    const a = await actaDocumento(t.app.db, ids.s1!)
    expect(a.puntos.map((p) => p.titulo)).toEqual([
      'Aprobación del acta anterior',
      'Cuenta',
      'Seguimiento de acuerdos',
      'Varios'
    ])
    expect(a.puntos[1]!.desarrollo).toBe('Se informa.')
    expect(a.avances).toEqual([
      { accion: '1.1.a', estado: 'En curso', porcentaje: '40 %', reporte: 'R' },
      { accion: '1.1.b', estado: 'No iniciada', porcentaje: '', reporte: 'R' }
    ])
    expect(a.mediciones.map((m) => [m.accion, m.valor, m.fechaCorte, m.nota]).sort()).toEqual([
      ['1.1.a', '7', '01-03-2014', 'N'],
      ['1.2.b', '1.234 / 2.000 = 61,7 %', '01-03-2014', 'N']
    ])
    expect(a.acuerdos.map((x) => [x.numero, x.texto, x.plazo, x.accion])).toEqual([
      [1, 'Enviar informe', '30-04-2014', '1.1.a'],
      [2, 'Revisar', '—', '—']
    ])
    expect(a.acuerdos[0]!.responsable).toMatch(/PDI/)
    expect(a.acuerdos[1]!.responsable).toBe('—')
    expect(a.proxima).toBe('miércoles, 11 de junio de 2014, Ministerio del Interior')
    expect(a.aprobacion).toBe(
      'Acta aprobada en la Sesión Ordinaria N°\u00a02/2014, con las siguientes observaciones: Corregir nombre'
    )
    expect(a.erratas).toEqual([
      { fecha: expect.stringMatching(/^\d\d-\d\d-\d{4}$/), texto: 'Donde dice A debe decir B.' }
    ])
    const { ok } = caller(t)
    expect(a.hash).toBe((await ok('sesion:obtener', { id: ids.s1! })).sesion.hash)
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('fills what a bare draft lacks with dashes, and lists the follow-up it records', async () => {
    const a = await actaDocumento(t.app.db, ids.s2!)
    expect(a).toMatchObject({
      titulo: 'ACTA SESIÓN ORDINARIA N°\u00a02/2014',
      borrador: true,
      lugar: '—',
      modalidad: 'Presencial',
      horaInicio: '—',
      horaTermino: '—',
      preside: '—',
      proxima: 'Por definir',
      aprobacion: null,
      erratas: [],
      acuerdos: [],
      avances: [],
      mediciones: []
    })
    expect(a.seguimiento).toEqual([
      {
        acuerdo: expect.stringContaining('1'),
        texto: 'Enviar informe',
        estado: 'Cumplido',
        nota: 'Ok'
      }
    ])
    expect(a.firmantes[0]).toEqual({ nombre: '', cargo: '', institucion: '', rol: 'Preside' })
    expect(a.quorum).toBe('2 de 3 instituciones miembro presentes (con quórum)')
    await expect(actaDocumento(t.app.db, 'no-existe')).rejects.toMatchObject({
      code: 'no_encontrado',
      message: 'La sesión no existe o fue eliminada.'
    })
  })

  it('writes long dates in Spanish', () => {
    expect(fechaLarga('2014-01-01')).toBe('miércoles, 1 de enero de 2014')
    expect(fechaLarga('2016-02-29')).toBe('lunes, 29 de febrero de 2016')
  })
})

describe('actaArchivo', () => {
  it('names the file from title and instancia, plain ASCII, and needs a printer for PDF', async () => {
    const docx = await actaArchivo(t.app.db, ids.s1!, 'docx', null)
    expect(docx.nombre).toBe('acta-sesion-ordinaria-n-1-2014-subcomision-prevencion.docx')
    expect(docx.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    )
    expect(Buffer.from(docx.data).subarray(0, 2).toString()).toBe('PK')
    await expect(actaArchivo(t.app.db, ids.s1!, 'pdf', null)).rejects.toMatchObject({
      code: 'conflicto',
      message: MENSAJE_SIN_PDF
    })
    const printed: string[] = []
    const pdf = await actaArchivo(t.app.db, ids.s2!, 'pdf', async (html, pie) => {
      printed.push(html, pie)
      return new Uint8Array([37, 80, 68, 70])
    })
    expect([pdf.nombre, pdf.mime]).toEqual([
      'acta-sesion-ordinaria-n-2-2014-subcomision-prevencion.pdf',
      'application/pdf'
    ])
    expect(printed[0]).toContain('(BORRADOR)')
    expect(printed[1]).toContain('BORRADOR — acta no aprobada, sin valor oficial')
    expect(printed[1]).not.toContain('Huella')
    expect(toDocumento(pdf)).toEqual({
      nombre: pdf.nombre,
      mime: 'application/pdf',
      base64: 'JVBERg=='
    })
  })
})
