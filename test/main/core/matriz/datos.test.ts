import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matrizDatos } from '../../../../src/main/core/matriz/exportar/datos'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller, prevencionConMiembros } from '../../../helpers/sesiones'

// What the matrix shows, read from a real database with two sessions of Prevención and one of
// another instancia, recorded out of order.
let t: TestApp
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
const ids: Record<string, string> = {}
beforeAll(async () => {
  t = await openTestApp()
  ctx = await prevencionConMiembros(t)
  const { ok } = caller(t)
  const otra = (await ok('instancia:listar', undefined)).find((i) => i.codigo !== 'PREVENCION')!
  ids.otra = otra.id
  const crear = (instanciaId: string, fecha: string) =>
    ok('sesion:crear', { instanciaId, tipo: 'ordinaria', fecha, modalidad: 'presencial' })
  const s1 = await crear(ctx.prevencion.id, '2014-03-12')
  const s2 = await crear(ctx.prevencion.id, '2014-05-20')
  const s3 = await crear(otra.id, '2014-04-01')
  Object.assign(ids, { s1: s1.id, s2: s2.id, s3: s3.id })
  const [a, b] = ctx.acciones.filter((x) => x.instanciaId === ctx.prevencion.id)
  Object.assign(ids, { a: a!.id, b: b!.id, aCodigo: a!.codigo })
  // The later session's report is written first: "latest" means the later session.
  const avance = (
    sesionId: string,
    accionId: string,
    estado: 'en_curso' | 'atrasada' | 'cumplida',
    p: number
  ) => ok('avance:guardar', { sesionId, accionId, estado, porcentaje: p, reporte: '' })
  await avance(s2.id, a!.id, 'atrasada', 40)
  await avance(s1.id, a!.id, 'en_curso', 30)
  await avance(s1.id, b!.id, 'cumplida', 100)
  const asistencia = (await ok('sesion:obtener', { id: s1.id })).asistencia
  await ok('asistencia:marcar', { id: asistencia[0]!.id, estado: 'presente', motivo: '' })
  await ok('asistencia:marcar', { id: asistencia[1]!.id, estado: 'presente', motivo: '' })
  await ok('asistencia:marcar', { id: asistencia[2]!.id, estado: 'excusado', motivo: 'Viaje' })
  const acuerdo = (
    sesionId: string,
    texto: string,
    plazo: string | null,
    accionId: string | null
  ) =>
    ok('acuerdo:crear', { sesionId, texto, institucionId: null, personaId: null, plazo, accionId })
  await acuerdo(s2.id, 'Acuerdo de la segunda', null, null)
  const vencido = await acuerdo(s1.id, 'Enviar el informe', '2014-04-01', a!.id)
  const cumplido = await acuerdo(s1.id, 'Citar a la PDI', null, a!.id)
  await acuerdo(s1.id, 'Revisar el glosario', null, a!.id)
  await ok('acuerdo:seguimiento', {
    sesionId: s2.id,
    acuerdoId: cumplido.id,
    estado: 'cumplido',
    nota: ''
  })
  ids.vencido = vencido.id
  const indicador = a!.indicadores[0]!
  for (const [sesionId, valor, fechaCorte] of [
    [s2.id, 5, '2014-05-01'],
    [s1.id, 3, '2014-03-01']
  ] as const)
    await ok('medicion:guardar', {
      sesionId,
      indicadorId: indicador.id,
      valor,
      numerador: null,
      denominador: null,
      fechaCorte,
      nota: ''
    })
  ids.indicador = indicador.texto
})
afterAll(() => t.close())

describe('matrizDatos', () => {
  it('without seguimiento: the plan and glossary only', async () => {
    const d = await matrizDatos(t.app.db, { seguimiento: false, papel: 'carta' })
    expect(d.seguimiento).toBeNull()
    expect([d.sesiones, d.asistencia, d.acuerdos, d.mediciones]).toEqual([[], [], [], []])
    expect(d.arbol.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))).toHaveLength(25)
    expect(d.glosario).toHaveLength(18)
    expect(d.glosario[7]).toEqual({ sigla: 'SERNAM', nombre: 'Servicio Nacional de la Mujer' })
  })

  it('for one instancia: only its acciones, without empty objetivos or ejes', async () => {
    const d = await matrizDatos(t.app.db, {
      seguimiento: false,
      papel: 'carta',
      instanciaId: ctx.prevencion.id
    })
    const propias = ctx.acciones.filter((a) => a.instanciaId === ctx.prevencion.id)
    const acciones = d.arbol.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
    expect(acciones.map((a) => a.codigo)).toEqual(propias.map((a) => a.codigo))
    for (const e of d.arbol.ejes) {
      expect(e.objetivos.length, e.codigo).toBeGreaterThan(0)
      for (const o of e.objetivos) expect(o.acciones.length, o.codigo).toBeGreaterThan(0)
    }
    expect(d.arbol.ejes.length).toBeLessThan(4)
  })

  it('with seguimiento: sessions by date, each acción with its latest report and pending acuerdos', async () => {
    const d = await matrizDatos(t.app.db, { seguimiento: true, papel: 'carta' })
    expect(d.sesiones.map((s) => [s.fecha, s.titulo, s.tipo, s.numero, s.estado])).toEqual([
      ['2014-03-12', 'Sesión Ordinaria N° 1/2014', 'ordinaria', 1, 'borrador'],
      ['2014-04-01', 'Sesión Ordinaria N° 1/2014', 'ordinaria', 1, 'borrador'],
      ['2014-05-20', 'Sesión Ordinaria N° 2/2014', 'ordinaria', 2, 'borrador']
    ])
    expect(d.sesiones[0]).toMatchObject({
      id: ids.s1,
      instancia: ctx.prevencion.nombre,
      presentes: 2,
      excusados: 1,
      acuerdos: 3
    })
    expect(d.sesiones[2]).toMatchObject({ id: ids.s2, presentes: 0, excusados: 0, acuerdos: 1 })
    expect(d.seguimiento!.get(ids.a!)).toEqual({
      estado: 'atrasada',
      porcentaje: 40,
      fecha: '2014-05-20',
      sesion: 'Sesión Ordinaria N° 2/2014',
      // Two open (one past its plazo), one met.
      acuerdosPendientes: 2
    })
    expect(d.seguimiento!.get(ids.b!)).toEqual({
      estado: 'cumplida',
      porcentaje: 100,
      fecha: '2014-03-12',
      sesion: 'Sesión Ordinaria N° 1/2014',
      acuerdosPendientes: 0
    })
    const sinReporte = ctx.acciones.find((a) => a.id !== ids.a && a.id !== ids.b)!
    expect(d.seguimiento!.get(sinReporte.id)).toEqual({
      estado: null,
      porcentaje: null,
      fecha: null,
      sesion: null,
      acuerdosPendientes: 0
    })
    expect(d.seguimiento!.size).toBe(25)
  })

  it('lists attendance, acuerdos with their situation, and indicator values', async () => {
    const d = await matrizDatos(t.app.db, { seguimiento: true, papel: 'carta' })
    // Four members listed in each Prevención session; the other instancia has none.
    expect(d.asistencia.map((a) => a.fecha)).toEqual([
      ...Array(4).fill('2014-03-12'),
      ...Array(4).fill('2014-05-20')
    ])
    expect(d.asistencia[2]).toMatchObject({
      sesion: 'Sesión Ordinaria N° 1/2014',
      fecha: '2014-03-12',
      estado: 'excusado',
      motivo: 'Viaje'
    })
    expect(d.asistencia.map((a) => a.nombre)).toContain('Ana Rojas Soto')
    expect(d.acuerdos.map((a) => [a.numero, a.texto, a.plazo, a.accion, a.situacion])).toEqual([
      [1, 'Enviar el informe', '2014-04-01', ids.aCodigo, 'vencido'],
      [2, 'Citar a la PDI', null, ids.aCodigo, 'cumplido'],
      [3, 'Revisar el glosario', null, ids.aCodigo, 'pendiente'],
      [1, 'Acuerdo de la segunda', null, null, 'pendiente']
    ])
    expect(d.acuerdos[0]).toMatchObject({
      sesion: 'Sesión Ordinaria N° 1/2014',
      fecha: '2014-03-12',
      responsable: ''
    })
    // Grouped by session in date order, whatever order they were recorded in.
    expect(d.mediciones.map((m) => [m.sesion, m.fechaCorte, m.valor])).toEqual([
      ['Sesión Ordinaria N° 1/2014', '2014-03-01', 3],
      ['Sesión Ordinaria N° 2/2014', '2014-05-01', 5]
    ])
    expect(d.mediciones[0]).toEqual({
      sesion: 'Sesión Ordinaria N° 1/2014',
      fechaCorte: '2014-03-01',
      accion: ids.aCodigo,
      indicador: ids.indicador,
      tipo: expect.any(String),
      valor: 3,
      numerador: null,
      denominador: null
    })
  })

  it('filters sessions by instancia and by date, inclusive at both ends', async () => {
    const base = { seguimiento: true, papel: 'carta' } as const
    const fechas = async (o: object) =>
      (await matrizDatos(t.app.db, { ...base, ...o })).sesiones.map((s) => s.fecha)
    expect(await fechas({ instanciaId: ids.otra })).toEqual(['2014-04-01'])
    expect(await fechas({ desde: '2014-04-01' })).toEqual(['2014-04-01', '2014-05-20'])
    expect(await fechas({ hasta: '2014-04-01' })).toEqual(['2014-03-12', '2014-04-01'])
    expect(await fechas({ desde: '2014-03-13', hasta: '2014-05-19' })).toEqual(['2014-04-01'])
    const solo2 = await matrizDatos(t.app.db, { ...base, desde: '2014-05-01' })
    expect(solo2.seguimiento!.get(ids.b!)!.estado).toBeNull()
    expect(new Set(solo2.asistencia.map((a) => a.sesion))).toEqual(
      new Set(['Sesión Ordinaria N° 2/2014'])
    )
    const nada = await matrizDatos(t.app.db, { ...base, desde: '2015-01-01' })
    expect([nada.sesiones, nada.asistencia, nada.acuerdos, nada.mediciones]).toEqual([
      [],
      [],
      [],
      []
    ])
    expect(nada.seguimiento!.get(ids.a!)).toMatchObject({ estado: null, acuerdosPendientes: 0 })
  })
})

describe('exportarMatriz', () => {
  it('names the file after its kind and the plan period, and reports reading first', async () => {
    const pasos: number[] = []
    const r = await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' }, (f) =>
      pasos.push(f)
    )
    expect([r.nombre, r.mime, r.base64]).toEqual([
      'matriz-del-plan-2013-2014.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ''
    ])
    expect(r.data.subarray(0, 2).toString()).toBe('PK')
    expect(pasos[0]).toBe(0.02)
    const s = await exportarMatriz(t.app.db, { seguimiento: true, papel: 'carta' })
    expect(s.nombre).toBe('matriz-con-seguimiento-2013-2014.xlsx')
  })
})
