import type ExcelJS from 'exceljs'
import type { Accion, PlanArbol } from '../../../../shared/domain/plan'
import { AVANCE_ESTADO_LABEL, type AvanceEstado } from '../../../../shared/domain/sesiones'
import { AppError } from '../../errors'
import {
  ENCABEZADOS,
  ENCABEZADOS_SEGUIMIENTO,
  GLOSARIO,
  HOJA_MATRIZ,
  TITULO_MATRIZ
} from '../disposicion'
import { celdaTexto, textoExportable } from '../texto-celda'
import type { MatrizDatos, MatrizOpciones, SeguimientoAccion } from './datos'
import { ANCHOS, ANCHOS_SEGUIMIENTO, alto, encabezado, estilo, lineas, papel } from './formato'

export type Progreso = (fraccion: number, detalle: string) => void

type Eje = PlanArbol['ejes'][number]
type Objetivo = Eje['objetivos'][number]

const ESTADO_FILL: Record<AvanceEstado, string> = {
  no_iniciada: 'FFE7E6E6',
  en_curso: 'FFFFF2CC',
  cumplida: 'FFE2EFDA',
  atrasada: 'FFF8CBAD'
}

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

/** The sheet with its page setup, the title across every column and the header row. */
function crearHoja(
  wb: ExcelJS.Workbook,
  o: MatrizOpciones,
  columnas: string[],
  seg: boolean
): ExcelJS.Worksheet {
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
  return ws
}

/** The plan's five columns of one acción; returns the lines its tallest text needs. */
function celdasPlan(row: ExcelJS.Row, eje: Eje, ob: Objetivo, a: Accion): number {
  row.getCell(1).value = `${eje.codigo}. ${textoExportable(eje.nombre, `El eje ${eje.codigo}`)}`
  row.getCell(2).value = `${ob.codigo}. ${textoExportable(ob.texto, `El objetivo ${ob.codigo}`)}`
  row.getCell(3).value = `${a.codigo}. ${textoExportable(a.texto, `La acción ${a.codigo}`)}`
  const rich = metasEIndicadores(a)
  row.getCell(4).value = { richText: rich }
  row.getCell(5).value = celdaTexto(a.responsables, `Los responsables de la acción ${a.codigo}`)
  const planas = rich.map((r) => r.text).join('')
  return Math.max(lineas(row.getCell(3).value as string, ANCHOS[2]!), lineas(planas, ANCHOS[3]!))
}

/** The five progress columns of one acción, filled by state; returns the lines they need. */
function celdasSeguimiento(row: ExcelJS.Row, s: SeguimientoAccion): number {
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
  return lineas(s.sesion ?? '', ANCHOS_SEGUIMIENTO[3]!)
}

/**
 * One row per acción from row 3, eje and objetivo cells merged over their acciones. Returns the
 * row after the last and the height each row needs.
 */
function filasAcciones(
  ws: ExcelJS.Worksheet,
  d: MatrizDatos,
  columnas: number,
  progreso: Progreso,
  signal?: AbortSignal
): { fila: number; alturas: Map<number, number> } {
  const seg = d.seguimiento
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
        let n = celdasPlan(row, eje, ob, a)
        if (seg) n = Math.max(n, celdasSeguimiento(row, seg.get(a.id)!))
        for (let i = 1; i <= columnas; i++) estilo(row.getCell(i))
        alturas.set(fila, alto(n))
        fila++
        progreso(++hechas / acciones.length / (seg ? 2 : 1), `Acción ${a.codigo}`)
      }
      merge(ws, 2, obDesde, fila - 1, alturas, `${ob.codigo}. ${ob.texto}`)
    }
    merge(ws, 1, ejeDesde, fila - 1, alturas, `${eje.codigo}. ${eje.nombre}`)
  }
  return { fila, alturas }
}

/** Responsible cells merge where consecutive acciones share them, as in the source. */
function unirResponsables(ws: ExcelJS.Worksheet, fila: number, alturas: Map<number, number>): void {
  let desde = 3
  for (let r = 4; r <= fila; r++) {
    const prev = ws.getCell(r - 1, 5).value
    if (r === fila || ws.getCell(r, 5).value !== prev) {
      merge(ws, 5, desde, r - 1, alturas, String(prev ?? ''))
      desde = r
    }
  }
}

/** The glossary of institutions below the matrix, from row `desde`. */
function glosario(ws: ExcelJS.Worksheet, desde: number, items: MatrizDatos['glosario']): void {
  let fila = desde
  const g = ws.getCell(fila, 1)
  g.value = GLOSARIO
  g.font = { name: 'Arial', size: 10, bold: true }
  for (const item of items) {
    fila++
    ws.getCell(fila, 1).value = celdaTexto(item.sigla, 'Una sigla del glosario')
    ws.getCell(fila, 1).font = { name: 'Arial', size: 10, bold: true }
    ws.getCell(fila, 2).value = celdaTexto(item.nombre, `El nombre de ${item.sigla}`)
    ws.getCell(fila, 2).font = { name: 'Arial', size: 10 }
    ws.mergeCells(fila, 2, fila, 4)
  }
}

/** The matrix sheet: the plan as the ministry lays it out, with seguimiento its progress. */
export function hojaMatriz(
  wb: ExcelJS.Workbook,
  d: MatrizDatos,
  o: MatrizOpciones,
  progreso: Progreso,
  signal?: AbortSignal
): void {
  const columnas: string[] = d.seguimiento
    ? [...ENCABEZADOS, ...ENCABEZADOS_SEGUIMIENTO]
    : [...ENCABEZADOS]
  const ws = crearHoja(wb, o, columnas, d.seguimiento !== null)
  const { fila, alturas } = filasAcciones(ws, d, columnas.length, progreso, signal)
  unirResponsables(ws, fila, alturas)
  for (const [r, h] of alturas) ws.getRow(r).height = h
  glosario(ws, fila + 1, d.glosario)
}
