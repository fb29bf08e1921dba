import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../../src/main/core/matriz/exportar/exportar'
import {
  importarMatriz,
  previsualizarMatriz
} from '../../../../../src/main/core/matriz/importar/importar'
import { planArbol } from '../../../../../src/main/core/plan'
import type { Accion } from '../../../../../src/shared/domain/plan'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { texto } from '../fixture'

// The labels the ministry wrote ("Metas:", "Meta A contar…", no bullet, no dot after the code)
// travel with the plan: an import of the new database's export keeps them, into a new plan too,
// and a label written otherwise in the workbook is a change like any other.

let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

const opciones = { seguimiento: false, papel: 'carta' } as const
const acciones = (a: Awaited<ReturnType<typeof planArbol>>): Accion[] =>
  a.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
const rotulos = (a: Accion) => ({
  separador: a.separadorCodigo,
  indicadores: a.rotuloIndicadores,
  metas: a.metas.map((m) => m.rotulo),
  vinetas: a.indicadores.map((i) => i.vineta)
})

async function libro(edit: (ws: ExcelJS.Worksheet, fila: (c: string) => number) => void) {
  const { data } = await exportarMatriz(t.app.db, opciones)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('Matriz')!
  const fila = (codigo: string) => {
    for (let r = 3; r <= ws.rowCount; r++) if (texto(ws.getCell(r, 3)).startsWith(codigo)) return r
    throw new Error(codigo)
  }
  edit(ws, fila)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('the labels as written, through an import', () => {
  it('come back into a new plan as the first-run plan has them', async () => {
    const original = await planArbol(t.app.db)
    const { planId } = await importarMatriz(t.app.db, await libro(() => {}), {
      modo: 'nuevo',
      nombre: 'Copia',
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31'
    })
    const copia = await planArbol(t.app.db, planId)
    expect(acciones(copia).map(rotulos)).toEqual(acciones(original).map(rotulos))
    expect(rotulos(acciones(copia).find((a) => a.codigo === '3.2.a')!)).toEqual({
      separador: ' ',
      indicadores: null,
      metas: ['Meta'],
      vinetas: [null, null]
    })
    const a = await exportarMatriz(t.app.db, { ...opciones, planId })
    const b = await exportarMatriz(t.app.db, opciones)
    const hoja = async (d: Uint8Array) => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(d as unknown as ArrayBuffer)
      const ws = wb.getWorksheet('Matriz')!
      return [3, 4].map((c) => ws.getColumn(c).values.map((v) => JSON.stringify(v)))
    }
    expect(await hoja(a.data)).toEqual(await hoja(b.data))
  })

  it('report a label written otherwise as a change, and apply it', async () => {
    const planId = (await planArbol(t.app.db)).plan.id
    const data = await libro((ws, fila) => {
      const f = fila('3.1.a')
      ws.getCell(f, 4).value = texto(ws.getCell(f, 4)).replace(/^Metas:/, 'Meta:')
      const g = fila('2.1.a')
      ws.getCell(g, 3).value = texto(ws.getCell(g, 3)).replace('2.1.a ', '2.1.a. ')
      const h = fila('4.2.d')
      ws.getCell(h, 4).value = texto(ws.getCell(h, 4)).replace(
        'Indicador:\nEl Plan',
        'Indicador:\n• El Plan'
      )
    })
    const vista = await previsualizarMatriz(t.app.db, data, planId)
    expect(vista).toMatchObject({
      sinCambios: false,
      acciones: { agregadas: [], modificadas: ['2.1.a'], eliminadas: [] },
      metasCambiadas: ['3.1.a'],
      indicadoresCambiados: ['4.2.d']
    })
    await importarMatriz(t.app.db, data, { modo: 'actualizar', planId })
    const despues = acciones(await planArbol(t.app.db, planId))
    const de = (c: string) => rotulos(despues.find((a) => a.codigo === c)!)
    expect(de('3.1.a').metas).toEqual([null])
    expect(de('2.1.a').separador).toBeNull()
    expect(de('4.2.d').vinetas).toEqual([null])
    expect(de('3.3.a').metas).toEqual(['Meta'])
  })
})
