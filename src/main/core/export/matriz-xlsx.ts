import ExcelJS from 'exceljs'
import type { Accion } from '../../../shared/domain/plan'
import {
  AVANCE_ESTADO_LABEL,
  ACUERDO_SITUACION_LABEL,
  ASISTENCIA_ESTADO_LABEL,
  CALIDAD_LABEL,
  SESION_ESTADO_LABEL,
  SESION_TIPO_LABEL,
  type AvanceEstado
} from '../../../shared/domain/sesiones'
import { AppError } from '../errors'
import type { MatrizDatos, MatrizOpciones } from './matriz-datos'
import { textoExportable } from './texto-celda'

export const TITULO_MATRIZ = 'PLAN DE ACCIÓN CONTRA LA TRATA DE PERSONAS'
export const ENCABEZADOS = [
  'Ejes Estratégicos',
  'Objetivos',
  'Acciones',
  'Metas e Indicadores',
  'Instituciones Responsables'
] as const
export const ENCABEZADOS_SEGUIMIENTO = [
  'Estado',
  '% de avance',
  'Último reporte',
  'Sesión del reporte',
  'Acuerdos pendientes'
] as const
export const HOJA_MATRIZ = 'Matriz'
export const GLOSARIO = 'Glosario de términos:'

const ANCHOS = [20, 28, 42, 62, 24]
const ANCHOS_SEGUIMIENTO = [14, 11, 13, 26, 12]
/** Excel paper sizes: Letter, Folio (8.5 × 13 in, Chile's oficio), A4. */
const PAPEL_CODIGO = { carta: 1, oficio: 14, a4: 9 } as const
// exceljs's PaperSize type lists only some of the standard (ECMA-376) sizes; Letter and Folio
// are valid codes it writes as given.
const papel = (p: MatrizOpciones['papel']): ExcelJS.PaperSize =>
  PAPEL_CODIGO[p] as unknown as ExcelJS.PaperSize
const ESTADO_FILL: Record<AvanceEstado, string> = {
  no_iniciada: 'FFE7E6E6',
  en_curso: 'FFFFF2CC',
  cumplida: 'FFE2EFDA',
  atrasada: 'FFF8CBAD'
}
const HEADER_FILL = 'FFD9E2F3'
const BORDE: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' }
}

export type Progreso = (fraccion: number, detalle: string) => void

/** "Meta:"/"Meta 1:" and "Indicadores:" in bold, bullets as in the source matrix. */
export function metasEIndicadores(a: Accion): ExcelJS.RichText[] {
  const rich: ExcelJS.RichText[] = []
  const bold = (text: string) => rich.push({ text, font: { name: 'Arial', size: 10, bold: true } })
  const plain = (text: string) => rich.push({ text, font: { name: 'Arial', size: 10 } })
  a.metas.forEach((m, i) => {
    if (i > 0) plain('\n')
    bold(a.metas.length > 1 ? `Meta ${i + 1}:` : 'Meta:')
    plain(` ${textoExportable(m.texto, `Una meta de la acción ${a.codigo}`)}`)
  })
  if (a.indicadores.length) {
    if (rich.length) plain('\n')
    bold(a.indicadores.length > 1 ? 'Indicadores:' : 'Indicador:')
    for (const ind of a.indicadores)
      plain(`\n• ${textoExportable(ind.texto, `Un indicador de la acción ${a.codigo}`)}`)
  }
  return rich
}

/** Lines a text takes in a column of this width (LibreOffice needs explicit row heights). */
function lineas(texto: string, ancho: number): number {
  const porLinea = Math.max(8, Math.floor(ancho * 1.15))
  return texto.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / porLinea)), 0)
}
const alto = (lineasNecesarias: number): number => Math.max(18, lineasNecesarias * 13 + 6)

function estilo(cell: ExcelJS.Cell): void {
  cell.alignment = { wrapText: true, vertical: 'top' }
  cell.border = BORDE
  cell.font = { name: 'Arial', size: 10, ...(cell.font ?? {}) }
}

function encabezado(ws: ExcelJS.Worksheet, fila: number, titulos: readonly string[]): void {
  const row = ws.getRow(fila)
  titulos.forEach((t, i) => {
    const c = row.getCell(i + 1)
    c.value = t
    c.font = { name: 'Arial', size: 10, bold: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } }
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    c.border = BORDE
  })
  row.height = 30
}

function merge(
  ws: ExcelJS.Worksheet,
  col: number,
  desde: number,
  hasta: number,
  alturas: Map<number, number>,
  texto: string
): void {
  if (hasta > desde) ws.mergeCells(desde, col, hasta, col)
  // A merged cell's text must fit in the rows it spans: grow the last row if it does not.
  const necesario = alto(lineas(texto, ANCHOS[col - 1]!))
  let total = 0
  for (let r = desde; r <= hasta; r++) total += alturas.get(r) ?? 18
  if (total < necesario) alturas.set(hasta, (alturas.get(hasta) ?? 18) + necesario - total)
}

function hojaMatriz(
  wb: ExcelJS.Workbook,
  d: MatrizDatos,
  o: MatrizOpciones,
  progreso: Progreso,
  signal?: AbortSignal
): void {
  const seg = d.seguimiento
  const columnas = seg ? [...ENCABEZADOS, ...ENCABEZADOS_SEGUIMIENTO] : [...ENCABEZADOS]
  const ws = wb.addWorksheet(HOJA_MATRIZ, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: papel(o.papel),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2'
    },
    headerFooter: { oddFooter: '&LSecretaría MITP&RPágina &P de &N' }
  })
  ws.columns = [...ANCHOS, ...(seg ? ANCHOS_SEGUIMIENTO : [])].map((width) => ({ width }))
  ws.mergeCells(1, 1, 1, columnas.length)
  const titulo = ws.getCell(1, 1)
  titulo.value = TITULO_MATRIZ
  titulo.font = { name: 'Arial', size: 14, bold: true }
  titulo.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 26
  encabezado(ws, 2, columnas)

  const alturas = new Map<number, number>()
  const acciones = d.arbol.ejes.flatMap((e) => e.objetivos.flatMap((ob) => ob.acciones))
  let fila = 3
  let hechas = 0
  for (const eje of d.arbol.ejes) {
    const ejeDesde = fila
    for (const ob of eje.objetivos) {
      const obDesde = fila
      for (const a of ob.acciones) {
        if (signal?.aborted) throw new AppError('cancelado', 'Exportación cancelada.')
        const row = ws.getRow(fila)
        row.getCell(1).value =
          `${eje.codigo}. ${textoExportable(eje.nombre, `El eje ${eje.codigo}`)}`
        row.getCell(2).value =
          `${ob.codigo}. ${textoExportable(ob.texto, `El objetivo ${ob.codigo}`)}`
        row.getCell(3).value = `${a.codigo}. ${textoExportable(a.texto, `La acción ${a.codigo}`)}`
        const rich = metasEIndicadores(a)
        row.getCell(4).value = { richText: rich }
        row.getCell(5).value = textoExportable(
          a.responsables,
          `Los responsables de la acción ${a.codigo}`
        )
        const planas = rich.map((r) => r.text).join('')
        let n = Math.max(
          lineas(row.getCell(3).value as string, ANCHOS[2]!),
          lineas(planas, ANCHOS[3]!)
        )
        if (seg) {
          const s = seg.get(a.id)!
          const c = (i: number) => row.getCell(5 + i)
          c(1).value = s.estado ? AVANCE_ESTADO_LABEL[s.estado] : 'Sin reporte'
          c(2).value = s.porcentaje === null ? null : s.porcentaje / 100
          c(2).numFmt = '0%'
          c(3).value = s.fecha ? new Date(`${s.fecha}T00:00:00Z`) : null
          c(3).numFmt = 'dd-mm-yyyy'
          c(4).value = s.sesion
          c(5).value = s.acuerdosPendientes
          if (s.estado)
            for (let i = 1; i <= 5; i++)
              c(i).fill = {
                type: 'pattern',
                pattern: 'solid',
                fgColor: { argb: ESTADO_FILL[s.estado] }
              }
          n = Math.max(n, lineas(s.sesion ?? '', ANCHOS_SEGUIMIENTO[3]!))
        }
        for (let i = 1; i <= columnas.length; i++) estilo(row.getCell(i))
        alturas.set(fila, alto(n))
        fila++
        progreso(++hechas / acciones.length / (seg ? 2 : 1), `Acción ${a.codigo}`)
      }
      merge(ws, 2, obDesde, fila - 1, alturas, `${ob.codigo}. ${ob.texto}`)
    }
    merge(ws, 1, ejeDesde, fila - 1, alturas, `${eje.codigo}. ${eje.nombre}`)
  }
  // Responsible cells merge where consecutive acciones share them, as in the source.
  let desde = 3
  for (let r = 4; r <= fila; r++) {
    const prev = ws.getCell(r - 1, 5).value
    if (r === fila || ws.getCell(r, 5).value !== prev) {
      merge(ws, 5, desde, r - 1, alturas, String(prev ?? ''))
      desde = r
    }
  }
  for (const [r, h] of alturas) ws.getRow(r).height = h

  fila += 1
  const g = ws.getCell(fila, 1)
  g.value = GLOSARIO
  g.font = { name: 'Arial', size: 10, bold: true }
  for (const item of d.glosario) {
    fila++
    ws.getCell(fila, 1).value = textoExportable(item.sigla, 'Una sigla del glosario')
    ws.getCell(fila, 1).font = { name: 'Arial', size: 10, bold: true }
    ws.getCell(fila, 2).value = textoExportable(item.nombre, `El nombre de ${item.sigla}`)
    ws.getCell(fila, 2).font = { name: 'Arial', size: 10 }
    ws.mergeCells(fila, 2, fila, 4)
  }
}

type Col = { header: string; width: number; fmt?: string }

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
      cell.value =
        typeof v === 'string'
          ? textoExportable(v, `La hoja ${nombre}, fila ${i + 2}`)
          : (v as ExcelJS.CellValue)
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

function hojasSeguimiento(wb: ExcelJS.Workbook, d: MatrizDatos, o: MatrizOpciones): void {
  const F = 'dd-mm-yyyy'
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

/** The workbook the ministry knows: its matrix, and with seguimiento, the progress sheets. */
export async function escribirMatriz(
  d: MatrizDatos,
  o: MatrizOpciones,
  progreso: Progreso = () => {},
  signal?: AbortSignal
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Secretaría MITP'
  wb.title = `${d.arbol.plan.nombre}${o.seguimiento ? ' — con seguimiento' : ''}`
  wb.subject = TITULO_MATRIZ
  wb.created = new Date()
  wb.modified = wb.created
  hojaMatriz(wb, d, o, progreso, signal)
  if (d.seguimiento) {
    progreso(0.6, 'Hojas de seguimiento')
    hojasSeguimiento(wb, d, o)
  }
  if (signal?.aborted) throw new AppError('cancelado', 'Exportación cancelada.')
  progreso(0.9, 'Escribiendo el archivo')
  return Buffer.from(await wb.xlsx.writeBuffer())
}
