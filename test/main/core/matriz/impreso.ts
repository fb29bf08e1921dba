import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { disposicionSeguimiento } from '../../../../src/main/core/matriz/exportar/medida'
import { planArbol } from '../../../../src/main/core/plan/plan.service'
import type { TestApp } from '../../../helpers/db'
import { abrirConCarpeta, type Carpeta } from './libro-exportado'
import { libreOfficeConvert } from '../../../helpers/office'
import { palabrasPorPagina, type Palabra } from './pdf'
import { plano } from './fuente'

/**
 * What the impresion-*.test.ts files share: the seeded app with the plan's own words, the matrix
 * exported and printed to PDF by LibreOffice, and the readers of the printed pages.
 */
export async function abrirPlan(): Promise<{
  t: TestApp
  dir: Carpeta
  responsables: Map<string, string>
  palabrasFuente: string[]
}> {
  const { t, dir } = await abrirConCarpeta()
  const arbol = await planArbol(t.app.db)
  /** The words of the ejes, objetivos, acciones and responsables, as the plan has them. */
  const palabrasFuente = arbol.ejes
    .flatMap((e) => [
      e.nombre,
      ...e.objetivos.flatMap((o) => [
        o.texto,
        ...o.acciones.flatMap((a) => [a.texto, a.responsables])
      ])
    ])
    .flatMap((x) => x.split(/\s+/))
    // Words a spreadsheet may only break by cutting them (no hyphen or slash to break at).
    .filter((w) => /^[(«"]?\p{L}{4,}[)».,;:"]?$/u.test(w))
  const responsables = new Map(
    arbol.ejes.flatMap((e) =>
      e.objetivos.flatMap((o) =>
        o.acciones.map((a) => [a.codigo, sinCorte(plano(a.responsables))] as const)
      )
    )
  )
  return { t, dir, responsables, palabrasFuente }
}

/** The matrix exported from `t` into `dir` and printed to PDF, read page by page. */
export async function imprimir(
  t: TestApp,
  dir: string,
  seguimiento: boolean,
  papel: 'carta' | 'oficio'
): Promise<{ data: Buffer; pdf: string; paginas: Palabra[][] }> {
  const { data } = await exportarMatriz(t.app.db, { seguimiento, papel })
  const file = path.join(dir, `${seguimiento ? 'seguimiento' : 'matriz'}-${papel}.xlsx`)
  fs.writeFileSync(file, data)
  const pdf = libreOfficeConvert(file, 'pdf')
  return { data, pdf, paginas: palabrasPorPagina(pdf) }
}

/** The value most words share: cells are left-aligned, so a column's lines all start there. */
function moda(valores: number[]): number {
  const cuenta = new Map<number, number>()
  for (const v of valores) cuenta.set(Math.round(v), (cuenta.get(Math.round(v)) ?? 0) + 1)
  return [...cuenta].sort((a, b) => b[1] - a[1])[0]![0]
}

const CODIGO = /^(\d\.\d\.[a-z])\.?$/

/**
 * The first acción of each page as the writer broke the Matriz sheet (its manual row breaks),
 * to compare with the pages LibreOffice printed: equal when the writer's pages are the printed.
 */
export async function primerasDelEscritor(xlsx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx)
  const hoja = await zip.file('xl/worksheets/sheet1.xml')!.async('string')
  const cortes = [...hoja.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('Matriz')!
  return [3, ...cortes].map((r) => /^\d\.\d\.[a-z]/.exec(String(ws.getCell(r, 3).value))![0])
}

const sinCorte = (s: string): string => s.replace(/- /g, '-')

/**
 * Where the responsables column starts and ends on a page of the tracking matrix: its header and
 * the next one ("Estado") are centred in their columns, whose widths' ratio the layout gives.
 */
export function columnaResponsables(
  palabras: Palabra[],
  papel: 'carta' | 'oficio'
): { desde: number; hasta: number } {
  const i = palabras.find((w) => w.texto === 'Instituciones')!
  const r = palabras.find((w) => w.texto === 'Responsables')!
  const c5 = Math.abs(i.yMin - r.yMin) < 2 ? (i.xMin + r.xMax) / 2 : (i.xMin + i.xMax) / 2
  const e = palabras.find((w) => w.texto === 'Estado')!
  const c6 = (e.xMin + e.xMax) / 2
  const d = disposicionSeguimiento(papel)
  const [w5, w6] = [d.anchos[4]!, d.seguimiento[0]!]
  const medio = ((c6 - c5) * w5) / (w5 + w6)
  return { desde: c5 - medio, hasta: c5 + medio }
}

/**
 * Each acción on a page, with the responsables text printed in its row: the words of the
 * responsables column (the last, or the one ending at `fin`) between its code's line and the
 * next code's (or the end of the table).
 */
export function filasDePagina(
  palabras: Palabra[],
  columna?: { desde: number; hasta: number }
): { codigo: string; responsables: string; ejeYObjetivo: string }[] {
  const metas = palabras.find((w) => w.texto === 'Metas')!
  const fin = columna?.hasta ?? Infinity
  const derecha = palabras.filter((w) => w.xMin > metas.xMax)
  const xE = columna ? columna.desde + 1 : moda(derecha.map((w) => w.xMin))
  const codigos = palabras.filter((w) => CODIGO.test(w.texto))
  const xC = moda(codigos.map((w) => w.xMin))
  const filas = codigos.filter((w) => Math.abs(w.xMin - xC) < 2).sort((a, b) => a.yMin - b.yMin)
  const pie = Math.min(...palabras.filter((w) => w.texto === 'Página').map((w) => w.yMin))
  return filas.map((c, i) => {
    const hasta = filas[i + 1]?.yMin ?? pie
    const enFila = palabras.filter(
      (w) => w.xMin >= xE - 1 && w.xMax < fin && w.yMin >= c.yMin - 2 && w.yMin < hasta - 2
    )
    // A line that breaks after a hyphen ("DCO-DEM-" / "SPD)") reads back as two words.
    const texto = enFila.map((w) => w.texto).join(' ')
    const izquierda = palabras.filter(
      (w) => w.xMax < xC && w.yMin >= c.yMin - 2 && w.yMin < hasta - 2
    )
    return {
      codigo: CODIGO.exec(c.texto)![1]!,
      responsables: sinCorte(texto),
      ejeYObjetivo: izquierda.map((w) => w.texto).join(' ')
    }
  })
}
