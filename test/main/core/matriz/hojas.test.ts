import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { escribirMatriz } from '../../../../src/main/core/matriz/exportar/libro'
import { exportarMatriz } from '../../../../src/main/core/matriz/exportar/exportar'
import { importarMatriz } from '../../../../src/main/core/matriz/importar/importar'
import type { MatrizDatos } from '../../../../src/main/core/matriz/exportar/datos'
import { openTestApp } from '../../../helpers/db'
import { datos, fill, leer, texto } from './fixture'

// The progress sheets (Sesiones, Asistencia, Acuerdos, Indicadores) on hand-made rows, read
// back from the XLSX bytes; and an in-process export → import of the whole matrix.
function conFilas(): MatrizDatos {
  const d = datos(true)
  d.sesiones = [
    {
      id: 's',
      instancia: 'Prevención',
      titulo: 'Sesión Ordinaria N° 1/2014',
      tipo: 'extraordinaria',
      numero: 1,
      fecha: '2014-03-12',
      estado: 'aprobada',
      presentes: 3,
      excusados: 1,
      acuerdos: 2
    }
  ]
  d.asistencia = [
    {
      sesion: 'S1',
      fecha: '2014-03-12',
      institucion: 'OIM',
      nombre: 'Eva',
      calidad: 'invitado',
      estado: 'excusado',
      motivo: 'Viaje'
    }
  ]
  d.acuerdos = [
    {
      sesion: 'S1',
      fecha: '2014-03-12',
      numero: 1,
      texto: 'x'.repeat(120),
      responsable: 'PDI',
      plazo: '2014-04-30',
      accion: '1.1.a',
      situacion: 'vencido'
    },
    {
      sesion: 'S1',
      fecha: '2014-03-12',
      numero: 2,
      texto: 'Revisar',
      responsable: '',
      plazo: null,
      accion: null,
      situacion: 'pendiente'
    }
  ]
  const m = { sesion: 'S1', fechaCorte: '2014-03-01', accion: '1.1.a', indicador: 'Casos' }
  d.mediciones = [
    { ...m, tipo: 'conteo', valor: 7, numerador: null, denominador: null },
    { ...m, tipo: 'porcentaje', valor: 99, numerador: 1, denominador: 4 },
    { ...m, tipo: 'porcentaje', valor: null, numerador: null, denominador: 0 }
  ]
  return d
}
const fila = (ws: ExcelJS.Worksheet, r: number): unknown[] =>
  (ws.getRow(r).values as unknown[]).slice(1)
const encabezados = (ws: ExcelJS.Worksheet): string[] =>
  (ws.getRow(1).values as unknown[]).slice(1).map(String)
const filtro = (ws: ExcelJS.Worksheet): unknown => ws.autoFilter

describe('the progress sheets', () => {
  it('have their headers, widths, frozen first row, filter and print setup', async () => {
    const wb = await leer(await escribirMatriz(conFilas(), { seguimiento: true, papel: 'oficio' }))
    const esperado: Record<string, [string[], number[]]> = {
      Sesiones: [
        [
          'Instancia',
          'Sesión',
          'Tipo',
          'N°',
          'Fecha',
          'Estado',
          'Presentes',
          'Excusados',
          'Acuerdos'
        ],
        [26, 30, 14, 6, 12, 12, 10, 10, 10]
      ],
      Asistencia: [
        ['Sesión', 'Fecha', 'Institución', 'Nombre', 'Calidad', 'Asistencia', 'Motivo'],
        [30, 12, 14, 30, 12, 12, 30]
      ],
      Acuerdos: [
        ['Sesión', 'Fecha', 'N°', 'Acuerdo', 'Responsable', 'Plazo', 'Acción', 'Estado'],
        [30, 12, 6, 50, 24, 12, 9, 12]
      ],
      Indicadores: [
        [
          'Sesión',
          'Fecha de corte',
          'Acción',
          'Indicador',
          'Tipo',
          'Valor',
          'Numerador',
          'Denominador',
          'Porcentaje'
        ],
        [30, 13, 9, 50, 12, 10, 11, 12, 11]
      ]
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Matriz',
      'Glosario',
      ...Object.keys(esperado)
    ])
    for (const [nombre, [headers, anchos]] of Object.entries(esperado)) {
      const ws = wb.getWorksheet(nombre)!
      expect(encabezados(ws), nombre).toEqual(headers)
      // exceljs leaves out a width of 9, its default.
      expect(
        ws.columns.map((c) => c.width ?? 9),
        nombre
      ).toEqual(anchos)
      expect(ws.getCell('A1').font, nombre).toMatchObject({ name: 'Arial', size: 10, bold: true })
      expect(fill(ws.getCell('A1')), nombre).toBe('FFD9E2F3')
      expect(ws.views[0], nombre).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(ws.pageSetup, nombre).toMatchObject({
        orientation: 'landscape',
        paperSize: 14,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1'
      })
      expect(ws.getCell('A2').font, nombre).toMatchObject({ name: 'Arial', size: 10 })
      expect(ws.getCell('A2').border?.top?.style, nombre).toBe('thin')
    }
    expect(filtro(wb.getWorksheet('Sesiones')!)).toEqual('A1:I2')
    expect(filtro(wb.getWorksheet('Acuerdos')!)).toEqual('A1:H3')
  })

  it('write each row with its labels, dates and numbers, and size rows to the longest text', async () => {
    const wb = await leer(await escribirMatriz(conFilas(), { seguimiento: true, papel: 'carta' }))
    const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
    const ses = wb.getWorksheet('Sesiones')!
    expect(fila(ses, 2)).toEqual([
      'Prevención',
      'Sesión Ordinaria N° 1/2014',
      'Extraordinaria',
      1,
      d('2014-03-12'),
      'Aprobada',
      3,
      1,
      2
    ])
    expect([ses.getCell('E2').numFmt, ses.getCell('D2').numFmt]).toEqual(['dd-mm-yyyy', undefined])
    expect(ses.getRow(2).height).toBe(19)
    expect(fila(wb.getWorksheet('Asistencia')!, 2)).toEqual([
      'S1',
      d('2014-03-12'),
      'OIM',
      'Eva',
      'Invitado/a',
      'Excusado/a',
      'Viaje'
    ])
    const ac = wb.getWorksheet('Acuerdos')!
    expect(fila(ac, 2)).toEqual([
      'S1',
      d('2014-03-12'),
      1,
      'x'.repeat(120),
      'PDI',
      d('2014-04-30'),
      '1.1.a',
      'Vencido'
    ])
    expect(fila(ac, 3)).toEqual([
      'S1',
      d('2014-03-12'),
      2,
      'Revisar',
      '',
      undefined,
      undefined,
      'Pendiente'
    ])
    const ind = wb.getWorksheet('Indicadores')!
    expect(fila(ind, 2)).toEqual(['S1', d('2014-03-01'), '1.1.a', 'Casos', 'conteo', 7])
    expect(ind.getCell('I2').value).toBeNull()
    expect(ind.getCell('F3').value).toBeNull()
    expect(ind.getCell('I3').value).toEqual({ formula: 'IF(H3=0,"",G3/H3)', result: 0.25 })
    expect(ind.getCell('I4').value).toEqual({ formula: 'IF(H4=0,"",G4/H4)' }) // an empty result is not stored
    expect(ind.getCell('I3').numFmt).toBe('0.0%')
    expect(filtro(ind)).toEqual('A1:I4')
  })

  it('name the sheet and row of a text a cell cannot hold', async () => {
    const d = conFilas()
    d.acuerdos[1]!.texto = 'mal\u0001'
    await expect(escribirMatriz(d, { seguimiento: true, papel: 'carta' })).rejects.toThrow(
      /^La hoja Acuerdos, fila 3 contiene caracteres de control/
    )
  })

  it('an empty sheet keeps its header and a one-row filter', async () => {
    const wb = await leer(await escribirMatriz(datos(true), { seguimiento: true, papel: 'carta' }))
    expect(filtro(wb.getWorksheet('Indicadores')!)).toEqual('A1:I1')
    expect(texto(wb.getWorksheet('Asistencia')!.getCell('G1'))).toBe('Motivo')
  })
})

describe('importarMatriz, in process', () => {
  it('reports its steps, and reads an exported matrix back as the same plan', async () => {
    const t = await openTestApp()
    try {
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
    } finally {
      await t.close()
    }
  })
})
