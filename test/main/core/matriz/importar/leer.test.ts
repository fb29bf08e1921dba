import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  leerMatriz,
  partirMetasEIndicadores,
  leerMetasEIndicadores
} from '../../../../../src/main/core/matriz/importar/leer'
import { ENCABEZADOS } from '../../../../../src/main/core/matriz/disposicion'
import { LIMITES } from '../../../../../src/shared/api/campos'

/**
 * Reading a workbook in the matrix layout, on small workbooks built here: what each row gives,
 * and each refusal's message naming the sheet, row and column. In process, without the export.
 */
type Celda = ExcelJS.CellValue
const CAB: Celda[] = [...ENCABEZADOS]
const FILA_11A: Celda[] = [
  '1. PREVENCIÓN',
  '1.1. Fortalecer.',
  '1.1.a. Generar un manual.',
  'Meta: Manual al primer semestre de 2015.\nIndicadores:\n• Manual publicado',
  'Subcomisión PREVENCIÓN'
]

/** A workbook with one sheet (or more) holding these rows from row 1. */
async function libro(
  filas: Celda[][],
  opts: { hoja?: string; antes?: { nombre: string; filas: Celda[][] }[] } = {}
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const h of opts.antes ?? []) wb.addWorksheet(h.nombre).addRows(h.filas)
  const ws = wb.addWorksheet(opts.hoja ?? 'Hoja1')
  filas.forEach((f, i) => f.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const error = (data: Uint8Array): Promise<string> =>
  leerMatriz(data).then(
    () => 'leído sin error',
    (e: Error & { code?: string }) => `${e.code}: ${e.message}`
  )
const fallo = (hoja: string, celda: string, detalle: string) => {
  const [, col, fila] = /^([A-E])(\d+)$/.exec(celda)!
  return `entrada_invalida: Hoja «${hoja}», fila ${fila}, columna ${col} (${celda}): ${detalle} No se modificó nada.`
}

describe('leerMatriz', () => {
  it('reads ejes, objetivos and acciones with their metas, indicadores and responsables', async () => {
    const data = await libro([
      ['PLAN DE ACCIÓN'],
      [],
      CAB,
      FILA_11A,
      [
        null,
        null,
        '1.1.b Difundir.',
        'Meta 1: Campaña durante 2015.\nMeta 2: Otra campaña.\nIndicador:\n- Número de campañas\n–  Cobertura',
        null
      ],
      ['1. PREVENCIÓN', '1.2 Capacitar.', '1.2.a. Capacitar a fiscales.', '', 'Fiscalía'],
      [null, null, null, null, null],
      ['2.  CONTROL', '2.1. Investigar.', '2.1.a. Investigar casos.', 'Meta: Casos.', 'PDI'],
      [],
      ['Glosario de términos:'],
      ['PDI:', ': Policía de Investigaciones'],
      ['SERNAM', 'Servicio Nacional de la Mujer'],
      ['Sin nombre', ''],
      ['', 'Sin sigla']
    ])
    const m = await leerMatriz(data)
    const acciones = m.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
    // The labels as written, null where they are the ones the matrix writes by itself.
    expect(acciones.find((a) => a.codigo === '1.1.b')!.rotulos).toEqual({
      separador: ' ',
      metas: [null, null],
      indicadores: 'Indicador:',
      vinetas: ['-', '–']
    })
    expect(acciones.find((a) => a.codigo === '1.2.a')!.rotulos).toEqual({
      separador: null,
      metas: [],
      indicadores: null,
      vinetas: []
    })
    for (const a of acciones) delete a.rotulos
    expect(m).toEqual({
      hoja: 'Hoja1',
      ejes: [
        {
          codigo: '1',
          nombre: 'PREVENCIÓN',
          objetivos: [
            {
              codigo: '1.1',
              texto: 'Fortalecer.',
              acciones: [
                {
                  codigo: '1.1.a',
                  texto: 'Generar un manual.',
                  responsables: 'Subcomisión PREVENCIÓN',
                  metas: ['Manual al primer semestre de 2015.'],
                  indicadores: ['Manual publicado'],
                  fila: 4
                },
                {
                  codigo: '1.1.b',
                  texto: 'Difundir.',
                  // An empty responsible cell continues the one above, as a merged cell does.
                  responsables: 'Subcomisión PREVENCIÓN',
                  metas: ['Campaña durante 2015.', 'Otra campaña.'],
                  indicadores: ['Número de campañas', 'Cobertura'],
                  fila: 5
                }
              ]
            },
            {
              codigo: '1.2',
              texto: 'Capacitar.',
              acciones: [
                {
                  codigo: '1.2.a',
                  texto: 'Capacitar a fiscales.',
                  responsables: 'Fiscalía',
                  metas: [],
                  indicadores: [],
                  fila: 6
                }
              ]
            }
          ]
        },
        {
          codigo: '2',
          nombre: 'CONTROL',
          objetivos: [
            {
              codigo: '2.1',
              texto: 'Investigar.',
              acciones: [
                {
                  codigo: '2.1.a',
                  texto: 'Investigar casos.',
                  responsables: 'PDI',
                  metas: ['Casos.'],
                  indicadores: [],
                  fila: 8
                }
              ]
            }
          ]
        }
      ],
      glosario: [
        { sigla: 'PDI', nombre: 'Policía de Investigaciones' },
        { sigla: 'SERNAM', nombre: 'Servicio Nacional de la Mujer' }
      ]
    })
  })

  it('reads numbers, dates, rich text, links, formulas and quoted text as the text they show', async () => {
    const data = await libro([
      CAB,
      [
        { richText: [{ text: '1. ' }, { font: { bold: true }, text: 'PREVENCIÓN' }] },
        { text: '1.1. Vinculado.', hyperlink: 'https://example.org' },
        { formula: 'A1', result: '1.1.a. Calculada.' },
        { richText: [{ font: { bold: true }, text: 'Meta: ' }, { text: 'Al 2015-03-31.' }] },
        "'=SUMA(A1)"
      ],
      [null, null, '1.1.b. Con fecha.', new Date('2015-06-30T00:00:00Z'), true],
      [null, null, '1.1.c. Con número.', 42, 3.5]
    ])
    const m = await leerMatriz(data)
    const acciones = m.ejes[0]!.objetivos[0]!.acciones
    expect(m.ejes[0]!.nombre).toBe('PREVENCIÓN')
    expect(m.ejes[0]!.objetivos[0]!.texto).toBe('Vinculado.')
    expect(acciones.map((a) => [a.codigo, a.texto, a.metas, a.responsables])).toEqual([
      ['1.1.a', 'Calculada.', ['Al 2015-03-31.'], "'=SUMA(A1)"],
      ['1.1.b', 'Con fecha.', ['2015-06-30'], 'true'],
      ['1.1.c', 'Con número.', ['42'], '3.5']
    ])
  })

  it('finds the headers in the first ten rows, on the sheet named Matriz first', async () => {
    const otra = { nombre: 'Notas', filas: [['texto'], CAB, FILA_11A] }
    const m = await leerMatriz(
      await libro([[], [], CAB, FILA_11A], { hoja: 'Matriz', antes: [otra] })
    )
    expect(m.hoja).toBe('Matriz')
    expect(m.ejes[0]!.objetivos[0]!.acciones[0]!.fila).toBe(4)
    // Without a sheet named Matriz, the first one with the headers.
    const n = await leerMatriz(await libro([CAB, FILA_11A], { antes: [otra] }))
    expect([n.hoja, n.ejes[0]!.objetivos[0]!.acciones[0]!.fila]).toEqual(['Notas', 3])
    // Headers in row 10 are found; in row 11 they are not.
    const diez = Array.from({ length: 9 }, (): Celda[] => [])
    expect((await leerMatriz(await libro([...diez, CAB, FILA_11A]))).ejes).toHaveLength(1)
    expect(await error(await libro([...diez, [], CAB, FILA_11A]))).toBe(
      fallo('Hoja1', 'A1', `no se encontró la fila de encabezados (${ENCABEZADOS.join(' | ')}).`)
    )
    // Headers are compared without case or extra spaces.
    const cab = ENCABEZADOS.map((c) => `  ${c.toUpperCase().replace(' ', '   ')} `)
    expect((await leerMatriz(await libro([cab, FILA_11A]))).ejes).toHaveLength(1)
  })

  it('refuses wrong headers, naming the cell and both texts', async () => {
    const cab = [...CAB]
    cab[3] = 'Metas'
    expect(await error(await libro([cab, FILA_11A]))).toBe(
      fallo('Hoja1', 'D1', 'se esperaba el encabezado «Metas e Indicadores» y dice «Metas».')
    )
    const sin = [...CAB]
    sin[4] = null
    expect(await error(await libro([sin, FILA_11A]))).toBe(
      fallo('Hoja1', 'E1', 'se esperaba el encabezado «Instituciones Responsables» y dice «».')
    )
  })

  it('refuses each malformed row, naming its cell', async () => {
    const casos: [Celda[][], string, string][] = [
      [[CAB], 'A2', 'la matriz no tiene acciones.'],
      [[CAB, ['', '1.1. X.', '1.1.a. Y.', '', '']], 'A2', 'la acción no está bajo ningún eje.'],
      [
        [CAB, ['PREVENCIÓN', '1.1. X.', '1.1.a. Y.', '', '']],
        'A2',
        'el eje no tiene código (por ejemplo «1. PREVENCIÓN Y SENSIBILIZACIÓN»).'
      ],
      [
        [CAB, FILA_11A, ['1. PREVENCIÓN otra vez', '1.2. X.', '1.2.a. Y.', '', '']],
        'A3',
        'el eje 1 está repetido.'
      ],
      [[CAB, ['1. E', '', '1.1.a. Y.', '', '']], 'B2', 'la acción no está bajo ningún objetivo.'],
      [
        [CAB, ['1. E', 'Fortalecer sin código.', '1.1.a. Y.', '', '']],
        'B2',
        'el objetivo no tiene código (por ejemplo «1.1. Fortalecer…»).'
      ],
      [
        [CAB, ['1. E', '2.1. Ajeno.', '2.1.a. Y.', '', '']],
        'B2',
        'el objetivo 2.1 no corresponde al eje 1.'
      ],
      [
        [
          CAB,
          ['1. E', '1.1. X.', '1.1.a. Y.', '', ''],
          [null, '1.1. X otra vez.', '1.1.b. Z.', '', '']
        ],
        'B3',
        'el código 1.1 está repetido (ya aparece en la fila 2).'
      ],
      [
        [CAB, ['1. E', '1.1. X.', '', 'Meta: algo.', '']],
        'C2',
        'falta la acción (código y texto).'
      ],
      [
        [CAB, ['1. E', '1.1. X.', 'Generar sin código.', '', '']],
        'C2',
        'la acción no tiene código (por ejemplo «1.1.a. Generar…»).'
      ],
      [
        [CAB, ['1. E', '1.1. X.', '1.2.a. Ajena.', '', '']],
        'C2',
        'la acción 1.2.a no corresponde al objetivo 1.1.'
      ],
      [
        [CAB, FILA_11A, [null, null, '1.1.a. Repetida.', '', '']],
        'C3',
        'el código 1.1.a está repetido (ya aparece en la fila 2).'
      ],
      [
        [CAB, ['1. E', '1.1. X.', '1.1.a. Y.', '', 'R'.repeat(LIMITES.responsables + 1)]],
        'E2',
        `el texto supera ${LIMITES.responsables} caracteres.`
      ]
    ]
    for (const [filas, celda, detalle] of casos) {
      expect([detalle, await error(await libro(filas))]).toEqual([
        detalle,
        fallo('Hoja1', celda, detalle)
      ])
    }
  })

  it('keeps a text at its limit and trims it, and checks the glossary cells too', async () => {
    // The limit counts the cell as written, spaces included; the text kept is trimmed.
    const celda = (n: number) => ` 1.1.a. ${'x'.repeat(n - 8)}`
    expect(celda(LIMITES.texto)).toHaveLength(LIMITES.texto)
    const m = await leerMatriz(
      await libro([CAB, ['1. E', '1.1. X.', celda(LIMITES.texto), '', '']])
    )
    expect(m.ejes[0]!.objetivos[0]!.acciones[0]!.texto).toBe('x'.repeat(LIMITES.texto - 8))
    expect(
      await error(await libro([CAB, ['1. E', '1.1. X.', celda(LIMITES.texto + 1), '', '']]))
    ).toBe(fallo('Hoja1', 'C2', `el texto supera ${LIMITES.texto} caracteres.`))
    expect(
      await error(
        await libro([CAB, FILA_11A, ['Glosario de términos:'], ['S'.repeat(41), 'Nombre']])
      )
    ).toBe(fallo('Hoja1', 'A4', 'el texto supera 40 caracteres.'))
  })

  it('refuses what is not a workbook, and a workbook without sheets', async () => {
    const NO =
      'entrada_invalida: El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.'
    expect(await error(new Uint8Array([0x50, 0x4b, 3]))).toBe(NO)
    expect(await error(new TextEncoder().encode('PLAN DE ACCIÓN'))).toBe(NO)
    expect(await error(new Uint8Array([0x50, 0x00, 3, 4, 5]))).toBe(NO)
    expect(await error(new Uint8Array([0x00, 0x4b, 3, 4, 5]))).toBe(NO)
    const vacio = new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer())
    expect(await error(vacio)).toBe(
      'entrada_invalida: El libro no tiene hojas. No se modificó nada.'
    )
  })
})

describe('leerMetasEIndicadores', () => {
  it('keeps the labels as written where they are not the usual ones', () => {
    expect(leerMetasEIndicadores('Metas: Una.\nIndicadores:\nSin viñeta.').rotulos).toEqual({
      metas: ['Metas:'],
      indicadores: 'Indicadores:',
      vinetas: ['']
    })
    expect(leerMetasEIndicadores('Meta A contar del 31.\nIndicador:\n• Uno.').rotulos).toEqual({
      metas: ['Meta'],
      indicadores: null,
      vinetas: [null]
    })
    expect(
      leerMetasEIndicadores('Meta 1: A.\nMeta  2 : B.\nIndicadores:\n• X\n• Y').rotulos
    ).toEqual({ metas: [null, 'Meta 2 :'], indicadores: null, vinetas: [null, null] })
  })
})

describe('partirMetasEIndicadores', () => {
  it('splits metas and indicadores as the matrix writes them', () => {
    expect(partirMetasEIndicadores('')).toEqual({ metas: [], indicadores: [] })
    expect(partirMetasEIndicadores('Una meta sin rótulo.')).toEqual({
      metas: ['Una meta sin rótulo.'],
      indicadores: []
    })
    expect(
      partirMetasEIndicadores(
        'Metas: Primera.\nMeta 2 Segunda,\n  en dos líneas.\nmeta 3: Tercera.\n  INDICADORES :  \n · Uno\n\n• Dos \nTres'
      )
    ).toEqual({
      metas: ['Primera.', 'Segunda,\n  en dos líneas.', 'Tercera.'],
      indicadores: ['Uno', 'Dos', 'Tres']
    })
    expect(partirMetasEIndicadores('Indicador: N° de casos')).toEqual({
      metas: [],
      indicadores: ['N° de casos']
    })
    // "Metas" inside a sentence is not a label.
    expect(partirMetasEIndicadores('Cumplir las Metas: todas.')).toEqual({
      metas: ['Cumplir las Metas: todas.'],
      indicadores: []
    })
  })
})
