import { afterEach, describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { importarMatriz } from '../../../../src/main/core/matriz/importar/importar'
import type { MatrizOpciones } from '../../../../src/main/core/matriz/exportar/datos'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas as filasDe, valor } from '../../../helpers/consulta'
import { lineasEn } from '../../../../src/main/core/matriz/exportar/medida'
import { fill, leer, texto } from './fixture'

// The tracking workbook's detail sheets (Sesiones, Asistencia, Acuerdos, Indicadores) as the
// streaming writer writes them from a real database with hand-made rows, read back from the
// XLSX bytes; and an in-process export → import of the whole matrix.

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const ID = '01900000-0000-7000-8000-000000000001'
const CREADO = '2014-03-12T10:00:00.000Z'

/** One closed session with four attendees, two acuerdos and three indicator values. */
async function conFilas(a: TestApp, acuerdo2 = 'Revisar'): Promise<void> {
  const inst = await valor(a, 'select id from instancias order by orden')
  await filasDe(
    a,
    `insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, estado, created_at, updated_at)
     values (?, ?, 'extraordinaria', 1, 2014, '2014-03-12', 'presencial', 'cerrada', ?, ?)`,
    ID,
    inst,
    CREADO,
    CREADO
  )
  const personas = [
    ['Ana', 'SERNAM', 'titular', 'presente', ''],
    ['Berta', 'PDI', 'suplente', 'presente', ''],
    ['Carlos', 'MININT', 'titular', 'presente', ''],
    ['Eva', 'OIM', 'invitado', 'excusado', 'Viaje']
  ]
  for (const [i, p] of personas.entries())
    await filasDe(
      a,
      `insert into asistencias (id, sesion_id, nombre, institucion, calidad, estado, motivo, orden, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      `as-${i}`,
      ID,
      ...p,
      i,
      CREADO,
      CREADO
    )
  const acuerdo = (...v: unknown[]) =>
    filasDe(
      a,
      `insert into acuerdos (id, sesion_id, numero, texto, responsable, plazo, accion_codigo, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ...v
    )
  await acuerdo('ac-1', ID, 1, 'x'.repeat(120), 'PDI', '2014-04-30', '1.1.a', CREADO, CREADO)
  await acuerdo('ac-2', ID, 2, acuerdo2, '', null, null, CREADO, CREADO)
  const medicion = (...v: unknown[]) =>
    filasDe(
      a,
      `insert into mediciones (id, sesion_id, accion_codigo, indicador_texto, tipo, valor, numerador, denominador, fecha_corte, created_at, updated_at)
       values (?, ?, '1.1.a', 'Casos', ?, ?, ?, ?, '2014-03-01', ?, ?)`,
      ...v
    )
  await medicion('m-1', ID, 'conteo', 7, null, null, CREADO, CREADO)
  await medicion('m-2', ID, 'porcentaje', 99, 1, 4, CREADO, CREADO)
  await medicion('m-3', ID, 'porcentaje', null, null, null, CREADO, CREADO)
}

async function libro(o: Partial<MatrizOpciones> = {}, filas = true): Promise<ExcelJS.Workbook> {
  t = await openTestApp()
  if (filas) await conFilas(t)
  const r = await exportarMatriz(t.app.db, {
    seguimiento: true,
    papel: 'oficio',
    hoy: '2014-06-01',
    ...o
  })
  return leer(r.data)
}

const fila = (ws: ExcelJS.Worksheet, r: number): unknown[] =>
  (ws.getRow(r).values as unknown[]).slice(1)
const encabezados = (ws: ExcelJS.Worksheet): string[] =>
  (ws.getRow(2).values as unknown[]).slice(1).map(String)
const ORIGEN = ['Instancia', 'Sesión', 'Fecha', 'Acta']

describe('the tracking sheets, streamed', () => {
  it('have their title, headers, widths, frozen header rows, filter and print setup', async () => {
    const wb = await libro()
    const esperado: Record<string, [string[], number[]]> = {
      Sesiones: [
        [...ORIGEN, 'Tipo', 'N°', 'Presentes', 'Excusados', 'Acuerdos'],
        [24, 24, 11, 10, 13, 5, 10, 10, 10]
      ],
      Asistencia: [
        [...ORIGEN, 'Institución', 'Nombre', 'Calidad', 'Asistencia', 'Motivo'],
        [24, 24, 11, 10, 15, 26, 10, 11, 24]
      ],
      Acuerdos: [
        [...ORIGEN, 'N°', 'Acuerdo', 'Responsable', 'Plazo', 'Acción', 'Estado'],
        // Wider than oficio allows (190): the text columns give up room, the others keep it.
        [20, 20, 11, 10, 5, 37, 17, 11, 8, 11, 18]
      ],
      Indicadores: [
        [
          'Instancia',
          'Sesión',
          'Fecha de la sesión',
          'Acta',
          'Fecha de corte',
          'Acción',
          'Indicador',
          'Tipo',
          'Valor',
          'Numerador',
          'Denominador',
          'Porcentaje'
        ],
        [21, 21, 11, 10, 11, 8, 34, 11, 10, 10, 11, 10]
      ]
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Matriz',
      'Glosario',
      ...Object.keys(esperado)
    ])
    for (const [nombre, [headers, anchos]] of Object.entries(esperado)) {
      const ws = wb.getWorksheet(nombre)!
      const h = nombre === 'Acuerdos' ? [...headers, 'Seguimiento en borrador'] : headers
      expect(encabezados(ws), nombre).toEqual(h)
      // exceljs leaves out a width of 9, its default.
      expect(
        ws.columns.map((c) => c.width ?? 9),
        nombre
      ).toEqual(anchos)
      expect(texto(ws.getCell('A1')), nombre).toMatch(/\S/)
      expect(ws.getCell('A1').font, nombre).toMatchObject({ name: 'Arial', size: 13, bold: true })
      expect(ws.getCell('A2').font, nombre).toMatchObject({ name: 'Arial', size: 10, bold: true })
      expect(fill(ws.getCell('A2')), nombre).toBe('FFD9E2F3')
      expect(ws.views[0], nombre).toMatchObject({ state: 'frozen', ySplit: 2 })
      expect(ws.pageSetup, nombre).toMatchObject({
        orientation: 'landscape',
        paperSize: 14,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '2:2'
      })
      expect(ws.headerFooter.oddFooter, nombre).toMatch(/&P de &N/)
      const dato = ws.getCell('A3')
      expect(dato.font, nombre).toMatchObject({ name: 'Arial', size: 10 })
      expect(dato.font?.bold, nombre).toBeFalsy()
      expect(dato.border?.top?.style, nombre).toBe('thin')
      expect(dato.alignment, nombre).toMatchObject({ wrapText: true, vertical: 'top' })
    }
    expect(wb.getWorksheet('Sesiones')!.autoFilter).toEqual('A2:I3')
    expect(wb.getWorksheet('Acuerdos')!.autoFilter).toEqual('A2:K4')
    expect(wb.getWorksheet('Indicadores')!.autoFilter).toEqual('A2:L5')
  })

  it('write each row with its labels, dates and numbers, and size rows to the longest text', async () => {
    const wb = await libro({ papel: 'carta' })
    const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
    const inst = 'Subcomisión Prevención'
    const origen = [inst, 'Sesión Extraordinaria N° 1/2014', d('2014-03-12'), 'Cerrada']
    const ses = wb.getWorksheet('Sesiones')!
    expect(fila(ses, 3)).toEqual([...origen, 'Extraordinaria', 1, 3, 1, 2])
    expect([ses.getCell('C3').numFmt, ses.getCell('F3').numFmt]).toEqual(['dd-mm-yyyy', undefined])
    // The session's title takes two lines of its 24-wide column.
    expect(ses.getRow(3).height).toBe(2 * 12.75 + 2)
    const asis = wb.getWorksheet('Asistencia')!
    expect(fila(asis, 3)).toEqual([...origen, 'SERNAM', 'Ana', 'Titular', 'Presente'])
    expect(fila(asis, 6)).toEqual([...origen, 'OIM', 'Eva', 'Invitado/a', 'Excusado/a', 'Viaje'])
    // On carta the text columns give up room, but Institución keeps its siglas whole
    // ("CARABINEROS" printed as "CARABINER|OS" at 11).
    expect(lineasEn('CARABINEROS', asis.getColumn(5).width!, 10)).toBe(1)
    const ac = wb.getWorksheet('Acuerdos')!
    expect(fila(ac, 3)).toEqual([
      ...origen,
      1,
      'x'.repeat(120),
      'PDI',
      d('2014-04-30'),
      '1.1.a',
      'Pendiente'
    ])
    // At carta the Acuerdo column is 27 wide: 120 characters take five lines.
    expect(ac.getColumn(6).width).toBe(27)
    expect(ac.getRow(3).height).toBe(5 * 12.75 + 2)
    expect(fila(ac, 4)).toEqual([
      ...origen,
      2,
      'Revisar',
      undefined,
      undefined,
      undefined,
      'Pendiente'
    ])
    expect(ac.getCell('H3').numFmt).toBe('dd-mm-yyyy')
    const ind = wb.getWorksheet('Indicadores')!
    expect(fila(ind, 3)).toEqual([...origen, d('2014-03-01'), '1.1.a', 'Casos', 'Conteo', 7])
    expect(ind.getCell('L3').value).toBeNull()
    expect(ind.getCell('I4').value).toBeNull()
    expect(ind.getCell('L4').value).toEqual({ formula: 'J4/K4', result: 0.25 })
    expect(ind.getCell('L4').numFmt).toBe('0.0%')
    // No denominator: no porcentaje, a blank cell rather than a formula giving "".
    expect(ind.getCell('L5').value).toBeNull()
  })

  it('name the sheet and row of a text a cell cannot hold', async () => {
    t = await openTestApp()
    await conFilas(t, 'mal\u0001')
    await expect(
      exportarMatriz(t.app.db, { seguimiento: true, papel: 'carta', hoy: '2014-06-01' })
    ).rejects.toThrow(/^La hoja Acuerdos, fila 4 contiene caracteres de control/)
  })

  it('an empty sheet keeps its header and a one-row filter', async () => {
    const wb = await libro({}, false)
    expect(wb.getWorksheet('Indicadores')!.autoFilter).toEqual('A2:L2')
    expect(texto(wb.getWorksheet('Asistencia')!.getCell('I2'))).toBe('Motivo')
  })
})

describe('importarMatriz, in process', () => {
  it('reports its steps, and reads an exported matrix back as the same plan', async () => {
    t = await openTestApp()
    const { data } = await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })
    const pasos: [number, string][] = []
    const [plan] = await t.api['plan:listar'](undefined)
    const r = await importarMatriz(
      t.app.db,
      data,
      { modo: 'actualizar', planId: plan!.id },
      { progreso: (f, x) => pasos.push([f, x]) }
    )
    expect(pasos.slice(0, 2)).toEqual([
      [0.1, 'Leyendo el libro'],
      [0.5, 'Aplicando los cambios']
    ])
    expect([r.planId, r.vista.sinCambios, r.vista.totalAcciones]).toEqual([plan!.id, true, 25])
    const nuevo = await importarMatriz(t.app.db, data, {
      modo: 'nuevo',
      nombre: 'Copia',
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31'
    })
    expect(nuevo.planId).not.toBe(plan!.id)
    expect(nuevo.vista.sinCambios).toBe(false)
    expect(nuevo.vista.acciones.agregadas).toHaveLength(25)
  })
})
