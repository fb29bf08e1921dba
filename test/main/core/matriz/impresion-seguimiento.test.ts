import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { cerrar, type Carpeta } from './libro-exportado'
import { tamanosPorPagina, textoPagina, type Palabra } from './pdf'
import {
  abrirPlan,
  columnaResponsables,
  filasDePagina,
  imprimir,
  primerasDelEscritor
} from './impreso'

// The matrix as it comes off the printer: each workbook converted to PDF by LibreOffice and read
// page by page, as a ministry official would read the paper. Here the tracking matrix on oficio
// and carta: the writer's page breaks, every acción once with its codes and responsables, the
// title and ten headers on every page, every sheet at 8 pt or more, no word of the plan broken.

let t: TestApp, dir: Carpeta, responsables: Map<string, string>, palabrasFuente: string[]
beforeAll(async () => ({ t, dir, responsables, palabrasFuente } = await abrirPlan()))
afterAll(() => cerrar(t, dir))

describe.each(['oficio', 'carta'] as const)('the tracking matrix printed on %s', (papel) => {
  let pdf: string
  let paginas: Palabra[][]
  let matriz: number[]
  let primeras: string[]
  beforeAll(async () => {
    let data: Buffer
    ;({ data, pdf, paginas } = await imprimir(t, dir.dir, true, papel))
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
