import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { primeraPaginaPng } from '../../../helpers/office'
import { cerrar, type Carpeta } from './libro-exportado'
import { tamanosPorPagina, textoPagina, type Palabra } from './pdf'
import { abrirPlan, filasDePagina, imprimir, primerasDelEscritor } from './impreso'

// The matrix as it comes off the printer: each workbook converted to PDF by LibreOffice and read
// page by page, as a ministry official would read the paper. Here the plan's matrix on carta and
// oficio: the writer's page breaks, every acción once with its responsables, no overlapping words,
// no text too small, the glossary on its own page.

const DOCS = path.join(__dirname, '../../../../docs')
const MINIMO = { carta: 8, oficio: 9 } as const

let t: TestApp, dir: Carpeta, responsables: Map<string, string>
beforeAll(async () => ({ t, dir, responsables } = await abrirPlan()))
afterAll(() => cerrar(t, dir))

describe.each(['carta', 'oficio'] as const)('the matrix printed on %s', (papel) => {
  let pdf: string
  let paginas: Palabra[][]
  let primeras: string[]
  beforeAll(async () => {
    let data: Buffer
    ;({ data, pdf, paginas } = await imprimir(t, dir.dir, false, papel))
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
      primeraPaginaPng(pdf, path.join(DOCS, 'matriz'), 70)
      expect(fs.statSync(path.join(DOCS, 'matriz.png')).size).toBeGreaterThan(10_000)
    })
})
