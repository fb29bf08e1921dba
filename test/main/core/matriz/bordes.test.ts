import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { escribirMatriz } from '../../../../src/main/core/matriz/exportar/libro'
import { metasEIndicadores } from '../../../../src/main/core/matriz/exportar/hoja-matriz'
import type { MatrizOpciones } from '../../../../src/main/core/matriz/exportar/datos'
import {
  altoLineas,
  disposicionSeguimiento,
  lineasEn
} from '../../../../src/main/core/matriz/exportar/medida'
import { accion, datos, LARGO, leer } from './fixture'

// Edges of the Matriz sheet: row heights driven by each column, fonts and fills as written,
// where a cancel stops, and which text a refusal names.
const o: MatrizOpciones = { seguimiento: false, papel: 'carta' }
const hoja = async (d = datos(false), op = o): Promise<ExcelJS.Worksheet> =>
  (await leer(await escribirMatriz(d, op))).getWorksheet('Matriz')!

describe('row heights', () => {
  it('grow for a long eje name, a long responsible cell and a long session title', async () => {
    const d = datos(false)
    d.arbol.ejes[1]!.nombre = LARGO // "2." and 40 words, 3 a line in a 20-wide column: 14 lines
    const ws = await hoja(d)
    expect(ws.getRow(6).height).toBe(altoLineas(14, 9))
    expect(altoLineas(14, 9)).toBe(157)
    // The tracking matrix has a layout of its own: 8 pt, narrower columns.
    const seg = disposicionSeguimiento('carta')
    const t = datos(true)
    t.arbol.ejes[1]!.nombre = LARGO
    expect((await hoja(t, { ...o, seguimiento: true })).getRow(6).height).toBe(
      altoLineas(lineasEn(`2. ${LARGO}`, seg.anchos[0]!, 8), 8)
    )
    const r = datos(false)
    // One 200-letter word, 927 pt at 9 pt, broken over a 19-wide column (98.5 pt): 10 lines.
    r.arbol.ejes[1]!.objetivos[0]!.acciones[0]!.responsables = 'x'.repeat(200)
    expect((await hoja(r)).getRow(6).height).toBe(altoLineas(10, 9))
    const s = datos(true)
    s.seguimiento!.get('a-2.1.a')!.sesion = 'y'.repeat(60) // a word broken over 5 lines
    expect(lineasEn('y'.repeat(60), seg.seguimiento[3]!, 8)).toBe(5)
    expect((await hoja(s, { ...o, seguimiento: true })).getRow(6).height).toBe(altoLineas(5, 8))
  })

  it('count the metas text as written, labels included', async () => {
    const d = datos(false)
    const a = d.arbol.ejes[1]!.objetivos[0]!.acciones[0]!
    // Nine "aaaa" fill a 40-wide column's line at 9 pt; "Meta: " before them takes a second.
    a.metas = [
      {
        id: 'm',
        accionId: a.id,
        texto: 'aaaa '.repeat(9).trim(),
        plazo: null,
        orden: 1,
        rotulo: null
      }
    ]
    expect(lineasEn('aaaa '.repeat(9).trim(), 40, 9)).toBe(1)
    expect((await hoja(d)).getRow(6).height).toBe(altoLineas(2, 9))
  })
})

describe('fonts and fills', () => {
  it('write Arial at the paper’s size, bold labels, solid fills', async () => {
    const bold = metasEIndicadores(accion('1', 't', '', ['A'], []))[0]!
    expect(bold.font).toEqual({ name: 'Arial', size: 10, bold: true })
    const ws = await hoja(datos(true), { ...o, seguimiento: true })
    // The tracking matrix prints at 8 pt, its progress columns too.
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Arial', size: 8, bold: true })
    expect(ws.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
    expect(ws.getCell('F3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
    expect(ws.getCell('C3').font).toMatchObject({ name: 'Arial', size: 8 })
    expect(ws.getCell('I3').font).toMatchObject({ name: 'Arial', size: 8 })
    expect(ws.getCell('C3').font?.bold).toBeFalsy()
  })
})

describe('cancelling', () => {
  it('stops at the next acción, and at the end with the same message', async () => {
    const ac = new AbortController()
    const pasos: string[] = []
    const r = escribirMatriz(datos(false), o, (_, d) => (pasos.push(d), ac.abort()), ac.signal)
    await expect(r).rejects.toMatchObject({ code: 'cancelado', message: 'Exportación cancelada.' })
    expect(pasos).toEqual(['Acción 1.1.a'])
    const tarde = new AbortController()
    const s = escribirMatriz(
      datos(true),
      { ...o, seguimiento: true },
      (f) => f === 0.5 && tarde.abort(),
      tarde.signal
    )
    await expect(s).rejects.toMatchObject({ code: 'cancelado', message: 'Exportación cancelada.' })
  })
})

describe('refusals name the text', () => {
  it.each([
    ['El eje 1 ', (d: ReturnType<typeof datos>) => (d.arbol.ejes[0]!.nombre = 'E\u0002')],
    [
      'El objetivo 1.1 ',
      (d: ReturnType<typeof datos>) => (d.arbol.ejes[0]!.objetivos[0]!.texto = 'O\u0002')
    ],
    [
      'La acción 1.1.a ',
      (d: ReturnType<typeof datos>) =>
        (d.arbol.ejes[0]!.objetivos[0]!.acciones[0]!.texto = 'A\u0002')
    ],
    [
      'Un indicador de la acción 1.1.a ',
      (d: ReturnType<typeof datos>) =>
        (d.arbol.ejes[0]!.objetivos[0]!.acciones[0]!.indicadores[0]!.texto = 'I\u0002')
    ],
    ['Una sigla del glosario ', (d: ReturnType<typeof datos>) => (d.glosario[0]!.sigla = 'S\u0002')]
  ])('%s', async (donde, romper) => {
    const d = datos(false)
    romper(d)
    await expect(escribirMatriz(d, o)).rejects.toMatchObject({
      code: 'entrada_invalida',
      message: `${donde}contiene caracteres de control que Excel no guarda; corríjalo antes de exportar.`
    })
  })
})
