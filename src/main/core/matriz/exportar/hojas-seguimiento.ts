import type ExcelJS from 'exceljs'
import {
  ACUERDO_SITUACION_LABEL,
  ASISTENCIA_ESTADO_LABEL,
  CALIDAD_LABEL,
  SESION_ESTADO_LABEL,
  SESION_TIPO_LABEL
} from '../../../../shared/domain/sesiones'
import { ponerTexto } from '../texto-celda'
import type { MatrizDatos, MatrizOpciones } from './datos'
import { alto, encabezado, estilo, lineas, papel } from './formato'

// The progress sheets of a workbook with seguimiento: one filterable table each for sessions,
// attendance, acuerdos and indicator values.

type Col = { header: string; width: number; fmt?: string }

const F = 'dd-mm-yyyy'

function tabla(
  wb: ExcelJS.Workbook,
  nombre: string,
  cols: Col[],
  filas: unknown[][],
  o: MatrizOpciones
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(nombre, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: papel(o.papel),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1'
    }
  })
  ws.columns = cols.map((c) => ({ width: c.width }))
  encabezado(
    ws,
    1,
    cols.map((c) => c.header)
  )
  filas.forEach((f, i) => {
    const row = ws.getRow(i + 2)
    f.forEach((v, j) => {
      const cell = row.getCell(j + 1)
      if (typeof v === 'string') ponerTexto(cell, v, `La hoja ${nombre}, fila ${i + 2}`)
      else cell.value = v as ExcelJS.CellValue
      if (cols[j]!.fmt) cell.numFmt = cols[j]!.fmt!
      estilo(cell)
    })
    row.height = alto(
      Math.max(...f.map((v, j) => (typeof v === 'string' ? lineas(v, cols[j]!.width) : 1)))
    )
  })
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, filas.length + 1), column: cols.length }
  }
  return ws
}

const fecha = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null)

function hojaSesiones(wb: ExcelJS.Workbook, d: MatrizDatos, o: MatrizOpciones): void {
  tabla(
    wb,
    'Sesiones',
    [
      { header: 'Instancia', width: 26 },
      { header: 'Sesión', width: 30 },
      { header: 'Tipo', width: 14 },
      { header: 'N°', width: 6 },
      { header: 'Fecha', width: 12, fmt: F },
      { header: 'Estado', width: 12 },
      { header: 'Presentes', width: 10 },
      { header: 'Excusados', width: 10 },
      { header: 'Acuerdos', width: 10 }
    ],
    d.sesiones.map((s) => [
      s.instancia,
      s.titulo,
      SESION_TIPO_LABEL[s.tipo as 'ordinaria'],
      s.numero,
      fecha(s.fecha),
      SESION_ESTADO_LABEL[s.estado as 'borrador'],
      s.presentes,
      s.excusados,
      s.acuerdos
    ]),
    o
  )
}

function hojaAsistencia(wb: ExcelJS.Workbook, d: MatrizDatos, o: MatrizOpciones): void {
  tabla(
    wb,
    'Asistencia',
    [
      { header: 'Sesión', width: 30 },
      { header: 'Fecha', width: 12, fmt: F },
      { header: 'Institución', width: 14 },
      { header: 'Nombre', width: 30 },
      { header: 'Calidad', width: 12 },
      { header: 'Asistencia', width: 12 },
      { header: 'Motivo', width: 30 }
    ],
    d.asistencia.map((a) => [
      a.sesion,
      fecha(a.fecha),
      a.institucion,
      a.nombre,
      CALIDAD_LABEL[a.calidad as 'titular'],
      ASISTENCIA_ESTADO_LABEL[a.estado as 'presente'],
      a.motivo
    ]),
    o
  )
}

function hojaAcuerdos(wb: ExcelJS.Workbook, d: MatrizDatos, o: MatrizOpciones): void {
  tabla(
    wb,
    'Acuerdos',
    [
      { header: 'Sesión', width: 30 },
      { header: 'Fecha', width: 12, fmt: F },
      { header: 'N°', width: 6 },
      { header: 'Acuerdo', width: 50 },
      { header: 'Responsable', width: 24 },
      { header: 'Plazo', width: 12, fmt: F },
      { header: 'Acción', width: 9 },
      { header: 'Estado', width: 12 }
    ],
    d.acuerdos.map((a) => [
      a.sesion,
      fecha(a.fecha),
      a.numero,
      a.texto,
      a.responsable,
      fecha(a.plazo),
      a.accion,
      ACUERDO_SITUACION_LABEL[a.situacion as 'pendiente']
    ]),
    o
  )
}

function hojaIndicadores(wb: ExcelJS.Workbook, d: MatrizDatos, o: MatrizOpciones): void {
  const ws = tabla(
    wb,
    'Indicadores',
    [
      { header: 'Sesión', width: 30 },
      { header: 'Fecha de corte', width: 13, fmt: F },
      { header: 'Acción', width: 9 },
      { header: 'Indicador', width: 50 },
      { header: 'Tipo', width: 12 },
      { header: 'Valor', width: 10 },
      { header: 'Numerador', width: 11 },
      { header: 'Denominador', width: 12 },
      { header: 'Porcentaje', width: 11, fmt: '0.0%' }
    ],
    d.mediciones.map((m) => [
      m.sesion,
      fecha(m.fechaCorte),
      m.accion,
      m.indicador,
      m.tipo,
      m.tipo === 'porcentaje' ? null : m.valor,
      m.numerador,
      m.denominador,
      null
    ]),
    o
  )
  // A porcentaje is a live formula over its numerator and denominator.
  d.mediciones.forEach((m, i) => {
    if (m.tipo !== 'porcentaje') return
    const r = i + 2
    ws.getCell(r, 9).value = {
      formula: `IF(H${r}=0,"",G${r}/H${r})`,
      result: m.denominador ? (m.numerador ?? 0) / m.denominador : ''
    }
  })
}

export function hojasSeguimiento(wb: ExcelJS.Workbook, d: MatrizDatos, o: MatrizOpciones): void {
  hojaSesiones(wb, d, o)
  hojaAsistencia(wb, d, o)
  hojaAcuerdos(wb, d, o)
  hojaIndicadores(wb, d, o)
}
