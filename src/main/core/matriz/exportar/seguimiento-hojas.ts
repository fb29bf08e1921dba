import type ExcelJS from 'exceljs'
import {
  ACUERDO_SITUACION_LABEL,
  ASISTENCIA_ESTADO_LABEL,
  CALIDAD_LABEL,
  SESION_ESTADO_LABEL,
  SESION_TIPO_LABEL,
  tituloSesion
} from '../../../../shared/domain/sesiones'
import { INDICADOR_TIPO_LABEL } from '../../../../shared/domain/plan'
import { AppError } from '../../errors'
import { ponerTexto } from '../texto-celda'
import type { MatrizOpciones } from './datos'
import { papel } from './formato'
import type { Origen } from './seguimiento-datos'

// The tracking sheets written row by row with exceljs's streaming writer: each row is committed
// (and leaves memory) as soon as it is written, styles are a few shared objects (one per column
// kind, looked up by identity), colours are conditional formats that follow later edits.

export type Valor = string | number | Date | null | { formula: string; result?: number }
export interface Columna {
  titulo: string
  ancho: number
  tipo?: 'fecha' | 'numero' | 'porcentaje'
  /** Its words (siglas) must stay whole: it keeps its width when the paper is narrow. */
  entera?: true
}

const FUENTE = { name: 'Arial', size: 10 }
const BORDE: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' }
}
const celda = (numFmt?: string): Partial<ExcelJS.Style> => ({
  font: FUENTE,
  border: BORDE,
  alignment: { wrapText: true, vertical: 'top' },
  ...(numFmt ? { numFmt } : {})
})
const ESTILOS = {
  texto: celda(),
  fecha: celda('dd-mm-yyyy'),
  numero: celda(),
  porcentaje: celda('0.0%')
}
const TITULO: Partial<ExcelJS.Style> = { font: { ...FUENTE, size: 13, bold: true } }
const ENCABEZADO: Partial<ExcelJS.Style> = {
  font: { ...FUENTE, bold: true },
  border: BORDE,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } },
  alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' }
}

/** Rows written between two turns of the event loop (see Hoja.respiro). */
const RESPIRO = 25

/** The style of every data row (none): one object, so the writer resolves it once. */
const SIN_ESTILO: Partial<ExcelJS.Style> = {}

export const fecha = (iso: string | null): Date | null =>
  iso ? new Date(`${iso}T00:00:00Z`) : null

/** Lines a text takes in a column (LibreOffice needs the row heights spelled out). */
function lineas(v: Valor, ancho: number): number {
  if (typeof v !== 'string') return 1
  const porLinea = Math.max(8, ancho * 1.1)
  // Most cells are one paragraph: no array for them.
  if (!v.includes('\n')) return Math.max(1, Math.ceil(v.length / porLinea))
  let n = 0
  for (const p of v.split('\n')) n += Math.max(1, Math.ceil(p.length / porLinea))
  return n
}

/** The columns every detail row begins with: which instancia, which session, and its acta. */
export const ORIGEN: Columna[] = [
  { titulo: 'Instancia', ancho: 24 },
  { titulo: 'Sesión', ancho: 24 },
  { titulo: 'Fecha', ancho: 11, tipo: 'fecha' },
  { titulo: 'Acta', ancho: 10 }
]
export const origenDe = (r: Origen): Valor[] => [
  r.instancia,
  tituloSesion(r),
  fecha(r.fecha),
  SESION_ESTADO_LABEL[r.acta]
]

// The widest a sheet's columns may sum on each paper (Excel character units) so fit-to-width
// prints its 10 pt text at 8 pt or more: a unit is about 5.55 pt in LibreOffice, carta's page
// 734 pt between margins, oficio's 878 and A4's 784, divided by 0.8; less each column's padding
// and a little spare.
const ANCHO_MAXIMO: Record<MatrizOpciones['papel'], number> = { carta: 140, oficio: 170, a4: 150 }

/**
 * The columns laid out for the paper: where they are wider than it allows, the text columns (the
 * wide ones) give up room in proportion; dates, numbers and short labels keep theirs.
 */
export function columnasPara(columnas: Columna[], p: MatrizOpciones['papel']): Columna[] {
  const flexible = (c: Columna) => !c.tipo && !c.entera && c.ancho > 12
  const total = columnas.reduce((t, c) => t + c.ancho, 0)
  const fijo = columnas.reduce((t, c) => t + (flexible(c) ? 0 : c.ancho), 0)
  if (total <= ANCHO_MAXIMO[p]) return columnas
  const factor = (ANCHO_MAXIMO[p] - fijo) / (total - fijo)
  return columnas.map((c) => {
    if (!flexible(c)) return c
    const ancho = Math.floor(c.ancho * factor)
    // exceljs leaves a column of its default width (9) out of the file.
    return { ...c, ancho: ancho === 9 ? 8.5 : ancho }
  })
}

/** A sheet: title on row 1, headers on row 2 (repeated on every page, filterable), print setup. */
export class Hoja {
  readonly ws: ExcelJS.Worksheet
  fila = 2
  // Each rule its own priority, in the order given: where rules overlap the first wins.
  private prioridad = 0
  private readonly estilos: Partial<ExcelJS.Style>[]
  readonly columnas: Columna[]
  constructor(
    wb: ExcelJS.Workbook,
    readonly nombre: string,
    titulo: string,
    columnas: Columna[],
    o: MatrizOpciones
  ) {
    this.columnas = columnas = columnasPara(columnas, o.papel)
    this.ws = wb.addWorksheet(nombre, {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: {
        orientation: 'landscape',
        paperSize: papel(o.papel),
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: '2:2'
      },
      headerFooter: { oddFooter: `&L&"Arial"&9${nombre}&R&"Arial"&9Página &P de &N` }
    })
    this.ws.columns = columnas.map((c) => ({ width: c.ancho }))
    this.estilos = columnas.map((c) => ESTILOS[c.tipo ?? 'texto'])
    const t = this.ws.getRow(1)
    t.getCell(1).value = titulo
    t.getCell(1).style = TITULO
    t.height = 22
    this.ws.mergeCells(1, 1, 1, columnas.length)
    const h = this.ws.getRow(2)
    columnas.forEach((c, i) => {
      h.getCell(i + 1).value = c.titulo
      h.getCell(i + 1).style = ENCABEZADO
    })
    h.height = 30
  }

  /** One row; '' and null are left blank (no empty-string cells). Committed at once. */
  agregar(valores: Valor[]): void {
    const r = this.ws.getRow(++this.fila)
    // exceljs looks a style up by identity: a new empty one per row cost a lookup by its XML.
    // (Its typings leave out the row's style object, which its writer reads.)
    ;(r as unknown as { style: Partial<ExcelJS.Style> }).style = SIN_ESTILO
    let alto = 1
    // A plain loop and the error's words only when needed: this runs for every cell.
    for (let i = 0; i < valores.length; i++) {
      const v = valores[i]!
      const c = r.getCell(i + 1)
      c.style = this.estilos[i]!
      if (v === null || v === '') continue
      if (typeof v === 'string') {
        ponerTexto(c, v, this.donde)
        const n = lineas(v, this.columnas[i]!.ancho)
        if (n > alto) alto = n
      } else c.value = v
    }
    r.height = Math.max(15, alto * 12.75 + 2)
    r.commit()
  }

  /**
   * Every few hundred rows: a cancel is heard, and the event loop turns so the zip compresses
   * what was written. The rows come from a synchronous cursor; without a turn, a sheet's whole
   * XML waited in memory until the sheet ended (~100 MB for Asistencia at ×10).
   */
  async respiro(signal?: AbortSignal): Promise<void> {
    if (this.fila % RESPIRO !== 0) return
    revisarCancelado(signal)
    await new Promise<void>((listo) => setImmediate(listo))
  }

  private readonly donde = (): string => `La hoja ${this.nombre}, fila ${this.fila}`

  /** Filter on the header row; the sheet is then closed (its rows are already written). */
  cerrar(): void {
    this.ws.autoFilter = {
      from: { row: 2, column: 1 },
      to: { row: Math.max(2, this.fila), column: this.columnas.length }
    }
    this.ws.commit()
  }

  /**
   * A colour that follows the cell: a formula rule over the data rows. Rules given earlier take
   * precedence where they overlap (Excel's lower priority number).
   */
  colorSi(formula: string, argb: string, columnas = `A3:${letra(this.columnas.length)}`): void {
    this.ws.addConditionalFormatting({
      ref: `${columnas}${Math.max(3, this.fila)}`,
      rules: [
        {
          type: 'expression',
          priority: ++this.prioridad,
          formulae: [formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } }
        }
      ]
    })
  }
}

export const letra = (n: number): string => String.fromCharCode(64 + n)

export const COLORES = {
  verde: 'FFE2EFDA',
  amarillo: 'FFFFF2CC',
  rojo: 'FFF8CBAD',
  gris: 'FFE7E6E6'
}

export function revisarCancelado(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('cancelado', 'Exportación cancelada.')
}

export const etiquetas = {
  tipoSesion: SESION_TIPO_LABEL,
  calidad: CALIDAD_LABEL,
  asistencia: ASISTENCIA_ESTADO_LABEL,
  acuerdo: ACUERDO_SITUACION_LABEL,
  indicador: INDICADOR_TIPO_LABEL
}
