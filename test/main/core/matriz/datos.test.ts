import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matrizDatos } from '../../../../src/main/core/matriz/exportar/datos'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import {
  filasAcuerdos,
  filasAsistencia,
  filasMediciones,
  filasSesiones
} from '../../../../src/main/core/matriz/exportar/seguimiento-datos'
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

  it('has no tracking data: the tracking workbook reads its own (below)', async () => {
    const d = await matrizDatos(t.app.db, { seguimiento: true, papel: 'carta' })
    expect(d.seguimiento).toBeNull()
    expect(Object.keys(d).sort()).toEqual(['arbol', 'glosario', 'seguimiento'])
  })
})

/** Every row a streamed query gives. */
async function todas<T>(filas: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const f of filas) out.push(f)
  return out
}

describe("the tracking workbook's rows, read by SQLite", () => {
  const base = { seguimiento: true, papel: 'carta' } as const

  it('sessions by date, whatever order they were recorded in, with their counts', async () => {
    const s = await todas(filasSesiones(t.app.db, base))
    expect(s.map((x) => [x.fecha, x.instancia, x.numero, x.acta])).toEqual([
      ['2014-03-12', ctx.prevencion.nombre, 1, 'borrador'],
      ['2014-04-01', expect.not.stringMatching(ctx.prevencion.nombre), 1, 'borrador'],
      ['2014-05-20', ctx.prevencion.nombre, 2, 'borrador']
    ])
    // Two present and one excused of four listed; the other instancia lists nobody.
    expect(s.map((x) => [x.presentes, x.excusados, x.acuerdos])).toEqual([
      [2, 1, 3],
      [null, null, null],
      [0, 0, 1]
    ])
  })

  it('attendance, acuerdos and indicator values grouped by session in date order', async () => {
    const asistencia = await todas(filasAsistencia(t.app.db, base))
    expect(asistencia.map((a) => a.fecha)).toEqual([
      ...Array(4).fill('2014-03-12'),
      ...Array(4).fill('2014-05-20')
    ])
    expect(asistencia[2]).toMatchObject({ estado: 'excusado', motivo: 'Viaje' })
    const acuerdos = await todas(filasAcuerdos(t.app.db, base))
    expect(acuerdos.map((a) => [a.fecha, a.n, a.texto, a.plazo, a.accion])).toEqual([
      ['2014-03-12', 1, 'Enviar el informe', '2014-04-01', ids.aCodigo],
      ['2014-03-12', 2, 'Citar a la PDI', null, ids.aCodigo],
      ['2014-03-12', 3, 'Revisar el glosario', null, ids.aCodigo],
      ['2014-05-20', 1, 'Acuerdo de la segunda', null, null]
    ])
    const mediciones = await todas(filasMediciones(t.app.db, base))
    expect(mediciones.map((m) => [m.fecha, m.fecha_corte, m.indicador_texto, m.valor])).toEqual([
      ['2014-03-12', '2014-03-01', ids.indicador, 3],
      ['2014-05-20', '2014-05-01', ids.indicador, 5]
    ])
  })

  it('filters by instancia and by date, inclusive at both ends', async () => {
    const fechas = async (o: object) =>
      (await todas(filasSesiones(t.app.db, { ...base, ...o }))).map((s) => s.fecha)
    expect(await fechas({ instanciaId: ids.otra })).toEqual(['2014-04-01'])
    expect(await fechas({ desde: '2014-04-01' })).toEqual(['2014-04-01', '2014-05-20'])
    expect(await fechas({ hasta: '2014-04-01' })).toEqual(['2014-03-12', '2014-04-01'])
    expect(await fechas({ desde: '2014-03-13', hasta: '2014-05-19' })).toEqual(['2014-04-01'])
    const desde = { ...base, desde: '2014-05-01' }
    expect(new Set((await todas(filasAsistencia(t.app.db, desde))).map((a) => a.fecha))).toEqual(
      new Set(['2014-05-20'])
    )
    expect((await todas(filasAcuerdos(t.app.db, desde))).map((a) => a.texto)).toEqual([
      'Acuerdo de la segunda'
    ])
    expect((await todas(filasMediciones(t.app.db, desde))).map((m) => m.valor)).toEqual([5])
    const nada = { ...base, desde: '2015-01-01' }
    expect(await todas(filasSesiones(t.app.db, nada))).toEqual([])
    expect(await todas(filasAsistencia(t.app.db, nada))).toEqual([])
    expect(await todas(filasAcuerdos(t.app.db, nada))).toEqual([])
    expect(await todas(filasMediciones(t.app.db, nada))).toEqual([])
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
