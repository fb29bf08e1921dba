import { describe, expect, it } from 'vitest'
import { disponer, paginar, type Grupo } from '../../../../src/main/core/matriz/exportar/paginas'
import { corridasResponsables } from '../../../../src/main/core/matriz/exportar/hoja-matriz'
import { escribirMatriz } from '../../../../src/main/core/matriz/exportar/libro'
import {
  disposicion,
  disposicionSeguimiento,
  escala,
  lineasEn
} from '../../../../src/main/core/matriz/exportar/medida'
import plan from '../../../../resources/seed/plan-2013-2014.json'
import { accion, arbol, datos, leer, texto } from './fixture'

// The writer's own page breaks: a merged cell prints only where it starts, so no merge may run
// across a break without its text on the new page.

const alturas = (hs: number[]) => new Map(hs.map((h, i) => [i + 3, h]))

describe('paginar', () => {
  it('fills pages in order and moves a group that would be cut to the next page whole', () => {
    expect(paginar(alturas([40, 40, 40, 40]), 3, 6, 100, [])).toEqual([
      { desde: 3, hasta: 4 },
      { desde: 5, hasta: 6 }
    ])
    // Rows 4-5 together (80) do not fit after row 3 (40 of 100): they start the next page.
    expect(paginar(alturas([40, 40, 40, 10]), 3, 6, 100, [{ desde: 4, hasta: 5 }])).toEqual([
      { desde: 3, hasta: 3 },
      { desde: 4, hasta: 6 }
    ])
    // A group taller than a page cannot be kept whole: it is cut like any rows.
    expect(paginar(alturas([40, 40, 40, 40]), 3, 6, 100, [{ desde: 3, hasta: 6 }])).toEqual([
      { desde: 3, hasta: 4 },
      { desde: 5, hasta: 6 }
    ])
  })
})

describe('disponer', () => {
  it('cuts a merge at each page break, and grows a piece until its text fits', () => {
    const h = alturas([40, 40, 40, 40])
    const eje: Grupo = { col: 1, desde: 3, hasta: 6, texto: 'Eje' }
    const { paginas, piezas } = disponer(h, 3, 6, 100, [eje], (g) => (g.desde === 5 ? 90 : 50))
    expect(paginas).toEqual([
      { desde: 3, hasta: 4 },
      { desde: 5, hasta: 6 }
    ])
    expect(piezas).toEqual([
      { ...eje, desde: 3, hasta: 4 },
      { ...eje, desde: 5, hasta: 6 }
    ])
    // The second piece needs 90: its last row grew from 40 to 50.
    expect([...h.values()]).toEqual([40, 40, 40, 50])
  })
})

describe('corridasResponsables', () => {
  it('merges only consecutive one-acción objetivos of an eje that share their responsables', () => {
    const a = arbol()
    // 1.1 has two acciones (each row keeps its own cell); 1.2 and 2.1 are one-acción objetivos
    // with the same responsables, but in different ejes.
    expect(corridasResponsables(a)).toEqual([])
    a.ejes[0]!.objetivos.push({
      id: 'o13',
      ejeId: 'e1',
      codigo: '1.3',
      texto: 'Otro',
      orden: 2,
      acciones: [accion('1.3.a', 'Tercera', 'MININT', [], [])]
    })
    expect(corridasResponsables(a)).toEqual([{ col: 5, desde: 5, hasta: 6, texto: 'MININT' }])
    a.ejes[0]!.objetivos[2]!.acciones[0]!.responsables = 'PDI'
    expect(corridasResponsables(a)).toEqual([])
  })

  it('are written on every row, merged only over such a run', async () => {
    const d = datos(false)
    d.arbol.ejes[1]!.objetivos[0]!.acciones[0]!.responsables = 'MININT'
    d.arbol.ejes[0]!.objetivos.push({
      id: 'o13',
      ejeId: 'e1',
      codigo: '1.3',
      texto: 'Otro',
      orden: 2,
      acciones: [accion('1.3.a', 'Tercera', 'MININT', [], [])]
    })
    const ws = (
      await leer(await escribirMatriz(d, { seguimiento: false, papel: 'carta' }))
    ).getWorksheet('Matriz')!
    expect([3, 4, 5, 6, 7].map((r) => texto(ws.getCell(r, 5)))).toEqual([
      'SERNAM\nPDI',
      'SERNAM\nPDI',
      'MININT',
      'MININT',
      'MININT'
    ])
    const merges = (ws.model as { merges: string[] }).merges.filter((m) => m.startsWith('E'))
    expect(merges).toEqual(['E5:E6'])
  })
})

describe('escala', () => {
  it('is 1 where the plan’s columns fit the page, and shrinks with the progress columns', () => {
    for (const papel of ['carta', 'oficio', 'a4'] as const)
      expect(escala(disposicion(papel).anchos, disposicion(papel)), papel).toBe(1)
    const carta = disposicion('carta')
    // 130 + 76 units: 1,119 pt as Excel draws them, on 734 pt of carta.
    expect(escala([...carta.anchos, 14, 11, 13, 26, 12], carta)).toBeCloseTo(734.4 / 1119, 3)
  })
})

describe('no word of the plan is cut across lines on paper', () => {
  // Arial Bold's capitals run ~1 % wider than the plain widths measured: a point is spare.
  const entero = (palabra: string, ancho: number, puntos: number) =>
    lineasEn(palabra, ancho, puntos + 0.1)
  const largas = (textos: string[]) =>
    textos
      .flatMap((t) => t.split(/\s+/))
      .sort((a, b) => b.length - a.length)
      .slice(0, 3)

  it('the eje column holds the longest word of every eje name, on every paper', () => {
    const palabras = largas(plan.ejes.map((e) => e.nombre))
    expect(palabras).toContain('INTERINSTITUCIONAL')
    for (const papel of ['carta', 'oficio', 'a4'] as const)
      for (const d of [disposicion(papel), disposicionSeguimiento(papel)])
        for (const p of palabras) expect(entero(p, d.anchos[0]!, d.fuente), `${papel} ${p}`).toBe(1)
  })
})
