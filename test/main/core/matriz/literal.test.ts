import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { leerMatriz } from '../../../../src/main/core/matriz/importar/leer'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { leerFuente, plano, type AccionFuente } from './fuente'
import { texto } from './fixture'

// A new database's matrix against the ministry's source text, cell by cell, whitespace aside:
// the first-run plan must come out as the ministry wrote it.

let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(async () => t.close())

const fuente = leerFuente()

async function matriz(papel: 'carta' | 'oficio'): Promise<ExcelJS.Worksheet> {
  const { data } = await exportarMatriz(t.app.db, { seguimiento: false, papel })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(data as unknown as ArrayBuffer)
  return wb.getWorksheet('Matriz')!
}

const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as { merges: string[] }).merges

/** The responsables merges the source has: an empty cell continues the one above. */
function mergesFuente(acciones: AccionFuente[]): string[] {
  const out: string[] = []
  acciones.forEach((a, i) => {
    if (a.responsables) return
    const fila = i + 3
    const prev = out.at(-1)
    const m = prev && /^E(\d+):E(\d+)$/.exec(prev)
    if (m && Number(m[2]) === fila - 1) out[out.length - 1] = `E${m[1]}:E${fila}`
    else out.push(`E${fila - 1}:E${fila}`)
  })
  return out
}

// The labels are the source's too: "Metas:" in 3.1.a, "Meta A contar…" without a colon,
// "Indicadores:" over one indicador in 1.2.c, no bullets in 3.4.a and 4.2.d, "2.1.a Sistematizar"
// without a dot. The first-run seed keeps them where the source differs from the usual ones.

describe.each(['carta', 'oficio'] as const)('the %s matrix of a new database', (papel) => {
  let ws: ExcelJS.Worksheet
  beforeAll(async () => (ws = await matriz(papel)))

  it('has the source’s 25 acciones in its order, with its ejes and objetivos', () => {
    expect(fuente).toHaveLength(25)
    const codigos = fuente.map((_, i) =>
      texto(ws.getCell(i + 3, 3))
        .split(/[. ]/, 3)
        .join('.')
    )
    expect(codigos).toEqual(fuente.map((a) => a.codigo))
    fuente.forEach((a, i) => {
      const celda = (col: number) => plano(texto(ws.getCell(i + 3, col)))
      if (a.eje) expect(celda(1), a.codigo).toBe(a.eje)
      if (a.objetivo) expect(celda(2), a.codigo).toBe(a.objetivo)
    })
  })

  it('writes every acción, meta and responsables cell as the source has it', () => {
    const distintas: string[] = []
    let iguales = 0
    fuente.forEach((a, i) => {
      const celdas: [string, string, string][] = [
        ['acción', texto(ws.getCell(i + 3, 3)), a.accion],
        ['metas', texto(ws.getCell(i + 3, 4)), a.metas]
      ]
      // A merged cell shows its first row's text: the source leaves the rest empty.
      if (a.responsables) celdas.push(['responsables', texto(ws.getCell(i + 3, 5)), a.responsables])
      for (const [col, escrito, literal] of celdas) {
        if (plano(escrito) === literal) iguales++
        else distintas.push(`${a.codigo} ${col}`)
      }
    })
    expect(distintas).toEqual([])
    expect(iguales).toBe(25 + 25 + 23)
  })

  it('merges the responsables only where the source does, and repeats them elsewhere', () => {
    expect(mergesFuente(fuente)).toEqual(['E18:E20'])
    expect(merges(ws).filter((m) => m.startsWith('E'))).toEqual(mergesFuente(fuente))
    expect(texto(ws.getCell('E18'))).toBe('Mesa RAV')
    for (let r = 3; r <= 27; r++) expect(texto(ws.getCell(r, 5)), `E${r}`).not.toBe('')
  })
})

describe('the glossary read back', () => {
  it('comes from its own sheet, or from below the matrix as the ministry’s workbook has it', async () => {
    const { data } = await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })
    const propio = (await leerMatriz(data)).glosario
    expect(propio).toHaveLength(18)
    expect(propio[6]).toEqual({ sigla: 'CARABINEROS', nombre: 'Carabineros de Chile' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(data as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Matriz')!
    ws.getCell('A29').value = 'Glosario de términos:'
    propio.forEach((g, i) => {
      ws.getCell(30 + i, 1).value = g.sigla
      ws.getCell(30 + i, 2).value = `: ${g.nombre}`
    })
    wb.removeWorksheet(wb.getWorksheet('Glosario')!.id)
    const ministerio = await leerMatriz(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(ministerio.glosario).toEqual(propio)
    expect(ministerio.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))).toHaveLength(25)
  })
})
