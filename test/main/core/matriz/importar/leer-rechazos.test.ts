import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { leerMatriz } from '../../../../../src/main/core/matriz/importar/leer'
import { ENCABEZADOS } from '../../../../../src/main/core/matriz/disposicion'
import { LIMITES } from '../../../../../src/shared/api/campos'
import { CAB, FILA_11A, error, fallo, libro, type Celda } from './libro-chico'

/**
 * Reading a workbook in the matrix layout, on small workbooks built here: where the headers are
 * looked for, and each refusal's message naming the sheet, row and column (wrong headers,
 * malformed rows, texts over their limit, what is not a workbook). In process, without the export.
 */

describe('leerMatriz', () => {
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
