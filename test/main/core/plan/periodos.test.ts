import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/core/dispatch'
import { openAppDatabase } from '../../../../src/main/core/db/open'
import { createAppApi } from '../../../../src/main/core/api'
import type { PlanArbol } from '../../../../src/shared/domain/plan'
import type { ComparacionPeriodos } from '../../../../src/shared/domain/periodos'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { actaAprobada, type ActaAprobadaFixture } from '../../../helpers/acta-aprobada'
import { esperarTarea } from '../../../helpers/mundo'

// Plan periods on a real file: a period copied from the seeded plan (with an approved acta and
// acuerdos about its acciones), then edited — an acción added, one removed, one reworded, a
// meta's plazo moved — and compared with the first; the first closed is read-only by the
// database itself; the file reopened keeps it all.

let t: TestApp
let f: ActaAprobadaFixture
let nuevo: PlanArbol
let viejo: PlanArbol
let c: ComparacionPeriodos

const acciones = (a: PlanArbol) => a.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
const accion = (a: PlanArbol, codigo: string) => acciones(a).find((x) => x.codigo === codigo)!
const n = (sql: string, ...p: unknown[]): number =>
  (t.app.handle.prepare(sql).get(...p) as { n: number }).n

beforeAll(async () => {
  t = await openTestApp()
  f = await actaAprobada(t)
  // A numeric target, to be copied with its indicador.
  t.app.handle.prepare('update indicadores set meta_valor = 1 where id = ?').run(f.indicadorId)
  viejo = await t.api['plan:arbol']({ planId: f.planId })
  const copia = await t.api['plan:copiar']({
    id: f.planId,
    nombre: 'Plan de Acción 2015-2018',
    periodoDesde: '2015-01-01',
    periodoHasta: '2018-12-31'
  })
  nuevo = await t.api['plan:arbol']({ planId: copia.id })
  // Edited in the new period: 1.1.a added to, 1.1.b removed, 1.2.b reworded, a plazo moved.
  const objetivo = nuevo.ejes[0]!.objetivos[0]!
  await t.api['accion:crear']({
    objetivoId: objetivo.id,
    codigo: '1.1.z',
    texto: 'Evaluar la campaña con las regiones.',
    instanciaId: null,
    responsables: 'SPD'
  })
  await t.api['accion:eliminar']({ id: accion(nuevo, '1.1.b').id })
  const b = accion(nuevo, '1.2.b')
  await t.api['accion:actualizar']({
    id: b.id,
    codigo: b.codigo,
    texto: `Actualizar ${b.texto}`,
    instanciaId: b.instanciaId,
    responsables: b.responsables
  })
  const meta = accion(nuevo, '1.1.a').metas[0]!
  await t.api['meta:actualizar']({ id: meta.id, texto: meta.texto, plazo: '2016-06-30' })
  c = await t.api['periodos:comparar']({ anteriorId: f.planId, posteriorId: copia.id })
}, 60_000)
afterAll(() => t?.close())

describe('plan periods', () => {
  it('copies the plan whole: texts, responsables, metas with plazos, indicadores with targets', () => {
    const forma = (a: PlanArbol) =>
      a.ejes.map((e) => ({
        ...e,
        id: 0,
        planId: 0,
        objetivos: e.objetivos.map((o) => ({
          ...o,
          id: 0,
          planId: 0,
          ejeId: 0,
          acciones: o.acciones.map((x) => ({
            ...x,
            id: 0,
            planId: 0,
            objetivoId: 0,
            metas: x.metas.map((m) => ({ ...m, id: 0, accionId: 0 })),
            indicadores: x.indicadores.map((i) => ({ ...i, id: 0, accionId: 0 }))
          }))
        }))
      }))
    expect(acciones(viejo).length).toBeGreaterThan(20)
    expect(forma(nuevo)).toEqual(forma(viejo))
    expect(acciones(viejo).some((a) => a.indicadores.some((i) => i.metaValor !== null))).toBe(true)
    const ids = new Set(acciones(viejo).map((a) => a.id))
    expect(acciones(nuevo).filter((a) => ids.has(a.id))).toEqual([])
  })

  it('leaves sessions, acuerdos and avances pointing at the acción of their period', () => {
    expect(n('select count(*) n from acuerdos where accion_id = ?', f.accionId)).toBeGreaterThan(0)
    expect(n('select count(*) n from avances where accion_id = ?', f.accionId)).toBeGreaterThan(0)
    const delNuevo = acciones(nuevo).map((a) => a.id)
    expect(
      n(
        `select count(*) n from acuerdos where accion_id in (${delNuevo.map(() => '?').join(',')})`,
        ...delNuevo
      )
    ).toBe(0)
  })

  it('a session lists the acciones of its own period: the earlier one before the copy starts', async () => {
    const sesion = await t.api['sesion:obtener']({ id: f.borrador.sesion })
    const deViejo = new Set(acciones(viejo).map((a) => a.id))
    expect(sesion.avances.length).toBeGreaterThan(0)
    expect(sesion.avances.filter((a) => !deViejo.has(a.accionId))).toEqual([])
    const en2015 = await t.api['sesion:crear']({
      instanciaId: f.instanciaId,
      tipo: 'extraordinaria',
      fecha: '2015-03-10',
      modalidad: 'remota'
    })
    const luego = await t.api['sesion:obtener']({ id: en2015.id })
    const deNuevo = new Set(
      acciones(await t.api['plan:arbol']({ planId: nuevo.plan.id })).map((a) => a.id)
    )
    expect(luego.avances.length).toBeGreaterThan(0)
    expect(luego.avances.filter((a) => !deNuevo.has(a.accionId))).toEqual([])
  })

  it('compares the periods: an added, a removed and a reworded acción, a moved plazo', () => {
    const por = new Map(c.cambios.map((x) => [x.codigo, x]))
    expect(por.get('1.1.z')).toMatchObject({
      tipo: 'agregada',
      antes: null,
      texto: [{ tipo: 'agregado', texto: 'Evaluar la campaña con las regiones.' }]
    })
    expect(por.get('1.1.b')).toMatchObject({ tipo: 'eliminada', despues: null })
    expect(por.get('1.1.b')!.texto.map((x) => x.tipo)).toEqual(['quitado'])
    const b = accion(viejo, '1.2.b')
    expect(por.get('1.2.b')).toMatchObject({
      tipo: 'modificada',
      texto: [
        { tipo: 'agregado', texto: 'Actualizar' },
        { tipo: 'igual', texto: b.texto.split(/\s+/).join(' ') }
      ],
      plazos: [],
      otros: []
    })
    const meta = accion(viejo, '1.1.a').metas[0]!
    expect(por.get('1.1.a')).toMatchObject({
      tipo: 'modificada',
      texto: [{ tipo: 'igual' }],
      plazos: [{ meta: meta.texto, antes: meta.plazo, despues: '2016-06-30' }]
    })
    expect(c.cambios.map((x) => x.codigo).sort()).toEqual(['1.1.a', '1.1.b', '1.1.z', '1.2.b'])
    expect(c.sinCambios).toBe(acciones(viejo).length - 3)
  })

  it('exports the comparison as a workbook with Spanish headers and the word diff', async () => {
    const doc = await t.api['periodos:exportar']({
      anteriorId: f.planId,
      posteriorId: nuevo.plan.id
    })
    expect(doc.nombre).toBe('comparacion-periodos-2013-2015.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(doc.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Comparación')!
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'Código',
      'Cambio',
      'Texto anterior',
      'Texto nuevo',
      'Diferencia (palabras)',
      'Metas con plazo movido',
      'Otros cambios'
    ])
    const filas = c.cambios.map((_, i) => ws.getRow(5 + i))
    const de = (codigo: string) => filas.find((r) => r.getCell(1).value === codigo)!
    expect(de('1.1.z').getCell(2).value).toBe('Agregada')
    expect(de('1.1.b').getCell(2).value).toBe('Eliminada')
    const diff = de('1.2.b').getCell(5).value as ExcelJS.CellRichTextValue
    expect(diff.richText[0]).toMatchObject({ text: 'Actualizar', font: { bold: true } })
    expect(String(de('1.1.a').getCell(6).value)).toMatch(/→ 30-06-2016$/)
  })

  it('a closed period refuses every write to its plan, in Spanish; sessions still write', async () => {
    // The current period cannot be closed; the earlier one can.
    const vigente = await dispatch(t.api, 'plan:cerrar', { id: nuevo.plan.id }, () => {})
    expect(vigente).toMatchObject({
      ok: false,
      error: {
        code: 'conflicto',
        message: expect.stringMatching(/^El período vigente no se puede cerrar/)
      }
    })
    await t.api['plan:cerrar']({ id: f.planId })
    const a = accion(viejo, '1.2.b')
    const r = await dispatch(
      t.api,
      'accion:actualizar',
      { id: a.id, codigo: a.codigo, texto: 'Otro', instanciaId: null, responsables: '' },
      () => {}
    )
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'solo_lectura',
        message: expect.stringMatching(/^Este período del plan está cerrado/)
      }
    })
    for (const [canal, input] of [
      ['meta:eliminar', { id: a.metas[0]!.id }],
      ['eje:crear', { planId: f.planId, codigo: '9', nombre: 'Nuevo' }],
      ['plan:actualizar', { ...viejo.plan, nombre: 'Otro' }],
      ['plan:cerrar', { id: f.planId }]
    ] as const) {
      const r2 = await dispatch(t.api, canal, input, () => {})
      expect(r2.ok, canal).toBe(false)
    }
    // A session still takes an acuerdo about the closed period's acción.
    const acuerdo = await t.api['acuerdo:crear']({
      sesionId: f.borrador.sesion,
      texto: 'Revisar la campaña de 2014.',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: f.accionId
    })
    expect(acuerdo.accionId).toBe(f.accionId)
  })

  it('imports a ministry matrix as a new period by the same path; not into a closed one', async () => {
    const { tareaId } = await t.api['matriz:exportar']({
      planId: nuevo.plan.id,
      seguimiento: false,
      papel: 'carta'
    })
    const libro = (await esperarTarea(t.api, tareaId)).resultado as { base64: string }
    const importar = async (destino: unknown) => {
      const r = await dispatch(
        t.api,
        'matriz:importar',
        { base64: libro.base64, destino },
        () => {}
      )
      if (!r.ok) throw new Error(r.error.message)
      return esperarTarea(t.api, (r.value as { tareaId: string }).tareaId)
    }
    const cerrado = await importar({ modo: 'actualizar', planId: f.planId })
    expect(cerrado.error?.message).toMatch(/^Este período del plan está cerrado/)
    const hecha = await importar({
      modo: 'nuevo',
      nombre: 'Plan 2019',
      periodoDesde: '2019-01-01',
      periodoHasta: '2022-12-31'
    })
    expect(hecha.estado).toBe('lista')
    const planes = await t.api['plan:listar']({})
    const ultimo = planes.at(-1)!
    expect(ultimo).toMatchObject({ nombre: 'Plan 2019', cerradoAt: null })
    const d = await t.api['periodos:comparar']({
      anteriorId: nuevo.plan.id,
      posteriorId: ultimo.id
    })
    expect(d.cambios.filter((x) => x.tipo !== 'modificada')).toEqual([])
  })

  it('the file reopened: the closed period is still closed and still read-only', async () => {
    await t.app.close()
    const app = await openAppDatabase(t.file, { seed: false })
    t.app = app
    const api = createAppApi(app, { version: 'test', printPdf: null, log: () => {} })
    const planes = await api['plan:listar']({})
    expect(planes.find((p) => p.id === f.planId)!.cerradoAt).not.toBeNull()
    expect(() =>
      app.handle.prepare('update acciones set texto = ? where plan_id = ?').run('X', f.planId)
    ).toThrow('plan_cerrado')
    expect(fs.existsSync(t.file)).toBe(true)
  })
})
