import { describe, expect, it } from 'vitest'
import { leerMatriz } from '../../../../../src/main/core/matriz/importar/leer'
import { CAB, FILA_11A, libro } from './libro-chico'

/**
 * Reading a workbook in the matrix layout, on small workbooks built here: what each row gives
 * (ejes, objetivos, acciones with their metas, indicadores, responsables and labels; the
 * glossary), and numbers, dates, rich text, links, formulas and quoted text read as the text they
 * show. In process, without the export.
 */

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
})
