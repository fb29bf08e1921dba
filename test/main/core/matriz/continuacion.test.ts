import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { leerMatriz } from '../../../../src/main/core/matriz/importar/leer'
import { planArbol } from '../../../../src/main/core/plan/plan.service'
import type { Accion } from '../../../../src/shared/domain/plan'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { libreOfficeConvertAll } from '../../../helpers/office'
import { palabrasPorPagina, type Palabra } from './pdf'

// An acción taller than a page (and than Excel's tallest row, 409 pt) is continued on the rows
// below, "1.1.a (continuación)", its responsables on each: on paper nothing is cut, and the
// workbook reads back as the same acción.

const dir = tempDir()
let t: TestApp
let accion: Accion
const libros: { nombre: string; xlsx: string; wb: ExcelJS.Workbook; paginas: Palabra[][] }[] = []
const TEXTO = Array.from({ length: 420 }, (_, i) => `p${String(i + 1).padStart(3, '0')}`)
const META = Array.from({ length: 700 }, (_, i) => `m${String(i + 1).padStart(3, '0')}`)

beforeAll(async () => {
  t = await openTestApp()
  const a = (await planArbol(t.app.db)).ejes[0]!.objetivos[0]!.acciones[0]!
  await t.api['accion:actualizar']({
    id: a.id,
    codigo: a.codigo,
    texto: TEXTO.join(' '),
    instanciaId: a.instanciaId,
    responsables: a.responsables
  })
  await t.api['meta:crear']({ accionId: a.id, texto: META.join(' ') })
  accion = (await planArbol(t.app.db)).ejes[0]!.objetivos[0]!.acciones[0]!
  const casos = [
    ['carta', false],
    ['oficio', true]
  ] as const
  const xlsx: string[] = []
  for (const [papel, seguimiento] of casos) {
    const { data } = await exportarMatriz(t.app.db, { seguimiento, papel })
    const file = path.join(dir.dir, `${papel}-${seguimiento ? 'seguimiento' : 'plan'}.xlsx`)
    fs.writeFileSync(file, data)
    xlsx.push(file)
  }
  const pdfs = libreOfficeConvertAll(xlsx, 'pdf', dir.dir)
  for (const [i, file] of xlsx.entries()) {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    libros.push({
      nombre: path.basename(file),
      xlsx: file,
      wb,
      paginas: palabrasPorPagina(pdfs[i]!)
    })
  }
}, 300_000)

afterAll(async () => {
  await t.close()
  dir.cleanup()
})

const NOMBRES = ['carta-plan.xlsx', 'oficio-seguimiento.xlsx']
const libro = (n: string) => libros.find((l) => l.nombre === n)!

describe('an acción taller than a page', () => {
  it.each(NOMBRES)('%s: no row taller than Excel allows; the acción continues below', (n) => {
    const ws = libro(n).wb.getWorksheet('Matriz')!
    const alturas: number[] = []
    ws.eachRow((r) => alturas.push(r.height ?? 0))
    expect(Math.max(...alturas)).toBeLessThanOrEqual(409)
    const textos: string[] = []
    ws.eachRow((r) => textos.push(String(r.getCell(3).value ?? '')))
    expect(textos.filter((x) => x.startsWith('1.1.a (continuación)')).length).toBeGreaterThan(0)
  })

  it.each(NOMBRES)('%s: every word of its text and metas is printed, in order', (n) => {
    const palabras = libro(n)
      .paginas.flat()
      .map((w) => w.texto)
    const impresas = (de: string[]) => palabras.filter((w) => de.includes(w))
    expect(impresas(TEXTO)).toEqual(TEXTO)
    expect(impresas(META)).toEqual(META)
  })

  it.each(NOMBRES)('%s: each page where it is printed shows its code and responsables', (n) => {
    const primera = accion.responsables.split(/\s+/)[0]!
    const paginas = libro(n).paginas.filter((p) =>
      p.some((w) => TEXTO.includes(w.texto) || META.includes(w.texto))
    )
    expect(paginas.length).toBeGreaterThan(1)
    for (const p of paginas) {
      expect(p.some((w) => /^1\.1\.a\.?$/.test(w.texto))).toBe(true)
      expect(p.some((w) => w.texto === primera)).toBe(true)
    }
  })

  it.each(NOMBRES)('%s: reads back as the same acción, once', async (n) => {
    const leida = await leerMatriz(fs.readFileSync(libro(n).xlsx))
    const acciones = leida.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
    expect(acciones).toHaveLength(25)
    const a = acciones.find((x) => x.codigo === accion.codigo)!
    expect(a.texto).toBe(accion.texto)
    expect(a.responsables).toBe(accion.responsables)
    expect(a.metas).toEqual(accion.metas.map((m) => m.texto))
    expect(a.indicadores).toEqual(accion.indicadores.map((x) => x.texto))
  })
})

describe('the tracking matrix with an acción continued below', () => {
  it('colours and filters every row written, and each continuation row repeats its estado', () => {
    const ws = libro('oficio-seguimiento.xlsx').wb.getWorksheet('Matriz')!
    let ultima = 0
    ws.eachRow((r, n) => {
      if (String(r.getCell(3).value ?? '').trim()) ultima = n
    })
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string }[] }
    ).conditionalFormattings.map((c) => c.ref)
    expect(cf.length).toBeGreaterThan(0)
    // The estado rules over every row; an overdue meta's over its acción's rows.
    expect(cf.filter((r) => r === `F3:J${ultima}`)).toHaveLength(4)
    for (const ref of cf) expect(Number(/\d+$/.exec(ref)![0])).toBeLessThanOrEqual(ultima)
    expect(ws.autoFilter).toBe(`A2:J${ultima}`)
    let estado: unknown = null
    for (let r = 3; r <= ultima; r++) {
      const c = String(ws.getCell(r, 3).value ?? '')
      if (c.startsWith('1.1.a (continuación)')) expect(ws.getCell(r, 6).value).toBe(estado)
      else estado = ws.getCell(r, 6).value
      expect(ws.getCell(r, 6).value, `F${r}`).toBeTruthy()
    }
  })
})
