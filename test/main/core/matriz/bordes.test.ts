import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { escribirMatriz } from '../../../../src/main/core/matriz/exportar/libro'
import { metasEIndicadores } from '../../../../src/main/core/matriz/exportar/hoja-matriz'
import type { MatrizOpciones } from '../../../../src/main/core/matriz/exportar/datos'
import { accion, datos, LARGO, leer } from './fixture'

// Edges of the Matriz sheet: row heights driven by each column, fonts and fills as written,
// where a cancel stops, and which text a refusal names.
const o: MatrizOpciones = { seguimiento: false, papel: 'carta' }
const hoja = async (d = datos(false), op = o): Promise<ExcelJS.Worksheet> =>
  (await leer(await escribirMatriz(d, op))).getWorksheet('Matriz')!

describe('row heights', () => {
  it('grow for a long eje name, a long responsible cell and a long session title', async () => {
    const d = datos(true)
    d.arbol.ejes[1]!.nombre = LARGO // 322 characters in a 20-wide column: 14 lines
    const ws = await hoja(d, { ...o, seguimiento: true })
    expect(ws.getRow(6).height).toBe(14 * 13 + 6)
    const r = datos(false)
    r.arbol.ejes[1]!.objetivos[0]!.acciones[0]!.responsables = 'x'.repeat(200) // 8 lines of 27
    expect((await hoja(r)).getRow(6).height).toBe(8 * 13 + 6)
    const s = datos(true)
    s.seguimiento!.get('a-2.1.a')!.sesion = 'y'.repeat(60) // 3 lines of 29
    expect((await hoja(s, { ...o, seguimiento: true })).getRow(6).height).toBe(3 * 13 + 6)
  })

  it('count the metas text as written, labels included', async () => {
    const d = datos(false)
    const a = d.arbol.ejes[1]!.objetivos[0]!.acciones[0]!
    a.metas = [{ id: 'm', accionId: a.id, texto: 'z'.repeat(60), plazo: null, orden: 1 }]
    // "Meta: " and 60 characters fit the 71 of a line.
    expect((await hoja(d)).getRow(6).height).toBe(19)
  })
})

describe('fonts and fills', () => {
  it('write Arial 10, bold labels, solid fills', async () => {
    const bold = metasEIndicadores(accion('1', 't', '', ['A'], []))[0]!
    expect(bold.font).toEqual({ name: 'Arial', size: 10, bold: true })
    const ws = await hoja(datos(true), { ...o, seguimiento: true })
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Arial', size: 10, bold: true })
    expect(ws.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
    expect(ws.getCell('F3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
    expect(ws.getCell('A8').font).toMatchObject({ name: 'Arial', size: 10, bold: true })
    expect(ws.getCell('A9').font).toMatchObject({ name: 'Arial', size: 10, bold: true })
    expect(ws.getCell('B9').font).toMatchObject({ name: 'Arial', size: 10 })
    expect(ws.getCell('B9').font?.bold).toBeFalsy()
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
      (f) => f === 0.6 && tarde.abort(),
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
