import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { disposicionSeguimiento } from '../../../../src/main/core/matriz/exportar/medida'
import { planArbol } from '../../../../src/main/core/plan/plan.service'
import { openTestApp, tempDir, type TestApp } from '../../../helpers/db'
import { libreOfficeConvert } from '../../../helpers/office'
import { palabrasPorPagina, tamanosPorPagina, textoPagina, type Palabra } from './pdf'
import { plano } from './fuente'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'

// The matrix as it comes off the printer: each workbook converted to PDF by LibreOffice and read
// page by page, as a ministry official would read the paper.

const DOCS = path.join(__dirname, '../../../../docs')
const MINIMO = { carta: 8, oficio: 9 } as const

let t: TestApp
const dir = tempDir()
let responsables: Map<string, string>
/** The words of the ejes, objetivos, acciones and responsables, as the plan has them. */
let palabrasFuente: string[]
beforeAll(async () => {
  t = await openTestApp()
  const arbol = await planArbol(t.app.db)
  palabrasFuente = arbol.ejes
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
  responsables = new Map(
    arbol.ejes.flatMap((e) =>
      e.objetivos.flatMap((o) =>
        o.acciones.map((a) => [a.codigo, sinCorte(plano(a.responsables))] as const)
      )
    )
  )
})
afterAll(async () => {
  await t.close()
  dir.cleanup()
})

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
async function primerasDelEscritor(xlsx: Buffer): Promise<string[]> {
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
function columnaResponsables(
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
function filasDePagina(
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

describe.each(['carta', 'oficio'] as const)('the matrix printed on %s', (papel) => {
  let pdf: string
  let paginas: Palabra[][]
  let primeras: string[]
  beforeAll(async () => {
    const { data } = await exportarMatriz(t.app.db, { seguimiento: false, papel })
    const file = path.join(dir.dir, `matriz-${papel}.xlsx`)
    fs.writeFileSync(file, data)
    pdf = libreOfficeConvert(file, 'pdf')
    paginas = palabrasPorPagina(pdf)
    primeras = await primerasDelEscritor(data)
  })

  it('breaks pages where the writer did: LibreOffice adds none of its own', () => {
    const impresas = paginas
      .filter((p) => p.some((w) => w.texto === 'Metas'))
      .map((p) => filasDePagina(p)[0]!.codigo)
    expect(impresas).toEqual(primeras)
  })

  it('shows every acción once, each with its responsables on its own page', () => {
    const vistas: string[] = []
    paginas.forEach((palabras, i) => {
      if (!palabras.some((w) => w.texto === 'Metas')) return
      const filas = filasDePagina(palabras)
      // Eje and objetivo cells are cut at the page break too, their text repeated.
      expect(filas[0]!.ejeYObjetivo, `${papel}, página ${i + 1}`).toMatch(/^\d\. .+ \d\.\d\. /)
      filas.forEach((f, j) => {
        vistas.push(f.codigo)
        const donde = `${papel}, página ${i + 1}, ${f.codigo}`
        if (f.responsables) expect(f.responsables, donde).toBe(responsables.get(f.codigo))
        else {
          // Inside a merged cell: the cell's text is printed higher up on this same page.
          const arriba = filas.slice(0, j).reverse()
          const primera = arriba.find((x) => x.responsables)
          expect(primera, `${donde}: sin responsables en la página`).toBeDefined()
          expect(primera!.responsables, donde).toBe(responsables.get(f.codigo))
        }
      })
    })
    expect(vistas).toEqual([...responsables.keys()])
  })

  it('gives every row room for its text: no word is drawn over another', () => {
    // Lines of a cell touch (a word's box is taller than the line spacing): words overlap only
    // when more than half their height is shared, as when a row too short spills into the next.
    const solapan = (a: Palabra, b: Palabra): boolean => {
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin)
      return x > 0.5 && y > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)
    }
    paginas.forEach((palabras, i) => {
      const encima = palabras.flatMap((a, j) =>
        palabras
          .slice(j + 1)
          .filter((b) => solapan(a, b))
          .map((b) => `${a.texto}/${b.texto}`)
      )
      expect(encima, `${papel}, página ${i + 1}`).toEqual([])
    })
  })

  it(`prints no text smaller than ${MINIMO[papel]} pt, footer included`, () => {
    const tamanos = tamanosPorPagina(pdf, dir.dir)
    expect(tamanos).toHaveLength(paginas.length)
    tamanos.forEach((t, i) => {
      expect(t.length, `página ${i + 1}`).toBeGreaterThan(0)
      expect(Math.min(...t), `${papel}, página ${i + 1}`).toBeGreaterThanOrEqual(MINIMO[papel])
    })
  })

  it('prints the glossary on a page of its own, under its title, without the matrix header', () => {
    const glosario = paginas
      .map((_, i) => i + 1)
      .filter((n) => textoPagina(pdf, n).includes('Glosario de términos:'))
    expect(glosario).toEqual([paginas.length])
    const texto = textoPagina(pdf, paginas.length)
    expect(texto).not.toContain('Ejes Estratégicos')
    expect(texto).not.toContain('PLAN DE ACCIÓN CONTRA LA TRATA')
    for (const sigla of ['MININT', 'CARABINEROS', 'SERNAM', "ONG's", 'MITP'])
      expect(texto, sigla).toMatch(new RegExp(`^\\s*${sigla}\\s+\\S`, 'm'))
    const titulo = texto.split('\n').findIndex((l) => l.includes('Glosario de términos:'))
    const primera = texto.split('\n').findIndex((l) => /^\s*MININT\s/.test(l))
    expect(primera).toBeGreaterThan(titulo)
  })

  if (papel === 'carta')
    it('draws the README picture from the first page', () => {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        path.join(DOCS, 'matriz')
      ])
      expect(fs.statSync(path.join(DOCS, 'matriz.png')).size).toBeGreaterThan(10_000)
    })
})

describe.each(['oficio', 'carta'] as const)('the tracking matrix printed on %s', (papel) => {
  let pdf: string
  let paginas: Palabra[][]
  let matriz: number[]
  let primeras: string[]
  beforeAll(async () => {
    const { data } = await exportarMatriz(t.app.db, { seguimiento: true, papel })
    const file = path.join(dir.dir, `seguimiento-${papel}.xlsx`)
    fs.writeFileSync(file, data)
    pdf = libreOfficeConvert(file, 'pdf')
    paginas = palabrasPorPagina(pdf)
    // The Matriz sheet's pages (the glossary and detail sheets follow).
    matriz = paginas.flatMap((p, i) => (p.some((w) => w.texto === 'Metas') ? [i] : []))
    primeras = await primerasDelEscritor(data)
  })

  it('breaks pages where the writer did: LibreOffice adds none of its own', () => {
    const impresas = matriz.map(
      (i) => filasDePagina(paginas[i]!, columnaResponsables(paginas[i]!, papel))[0]!.codigo
    )
    expect(impresas).toEqual(primeras)
  })

  it("shows every acción once, each page with its acciones' codes and responsables", () => {
    expect(matriz.length).toBeGreaterThan(1)
    const vistas: string[] = []
    for (const i of matriz) {
      const filas = filasDePagina(paginas[i]!, columnaResponsables(paginas[i]!, papel))
      expect(filas.length, `${papel}, página ${i + 1}`).toBeGreaterThan(0)
      expect(filas[0]!.ejeYObjetivo, `${papel}, página ${i + 1}`).toMatch(/^\d\. .+ \d\.\d\. /)
      filas.forEach((f, j) => {
        vistas.push(f.codigo)
        const donde = `${papel}, página ${i + 1}, ${f.codigo}`
        if (f.responsables) expect(f.responsables, donde).toBe(responsables.get(f.codigo))
        else {
          const primera = filas
            .slice(0, j)
            .reverse()
            .find((x) => x.responsables)
          expect(primera, `${donde}: sin responsables en la página`).toBeDefined()
          expect(primera!.responsables, donde).toBe(responsables.get(f.codigo))
        }
      })
      // Its progress on the same page, in the same row: the estado column is never cut off.
      const texto = textoPagina(pdf, i + 1)
      expect(texto, `${papel}, página ${i + 1}`).toMatch(/Sin reporte/)
    }
    expect(vistas).toEqual([...responsables.keys()])
  })

  it('prints the title whole and the ten headers on every page of the matrix', () => {
    for (const i of matriz) {
      const texto = textoPagina(pdf, i + 1)
      expect(texto, `página ${i + 1}`).toMatch(/PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS/)
      for (const h of ['Acciones', 'Responsables', 'Estado', 'avance', 'Último', 'pendientes'])
        expect(texto, `página ${i + 1}: ${h}`).toContain(h)
    }
  })

  it('prints the matrix at 8 pt or more, footer included', () => {
    const tamanos = tamanosPorPagina(pdf, dir.dir)
    // LibreOffice keeps font sizes in hundredths of a millimetre: 8 pt is 282 of them, drawn
    // as 7.994 pt. Anything shrunk to fit would be well below that.
    for (const i of matriz)
      expect(Math.min(...tamanos[i]!), `${papel}, página ${i + 1}`).toBeGreaterThanOrEqual(7.99)
  })

  it('prints every sheet at 8 pt or more: glossary, Sesiones, Asistencia, Acuerdos, Indicadores', () => {
    const tamanos = tamanosPorPagina(pdf, dir.dir)
    const hojas = new Set<string>()
    tamanos.forEach((t, i) => {
      // The detail sheets name themselves in their footer.
      const hoja = ['Sesiones', 'Asistencia', 'Acuerdos', 'Indicadores'].find((n) =>
        new RegExp(`^\\s*${n}\\s+Página`, 'm').test(textoPagina(pdf, i + 1))
      )
      if (hoja) hojas.add(hoja)
      expect(
        Math.min(...t),
        `${papel}, página ${i + 1} (${hoja ?? 'Matriz'})`
      ).toBeGreaterThanOrEqual(7.99)
    })
    expect([...hojas].sort()).toEqual(['Acuerdos', 'Asistencia', 'Indicadores', 'Sesiones'])
  })

  it('breaks no word of the plan across lines ("INTERINSTITUCIO | NAL")', () => {
    const impresas = new Set(matriz.flatMap((i) => paginas[i]!.map((w) => w.texto)))
    const cortadas = [...new Set(palabrasFuente)].filter((w) => !impresas.has(w))
    expect(cortadas, papel).toEqual([])
  })
})
