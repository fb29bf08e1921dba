import type ExcelJS from 'exceljs'
import {
  ACUERDO_SITUACION_LABEL,
  tituloSesion,
  type AcuerdoEstado,
  type SesionTipo
} from '../../../../shared/domain/sesiones'
import type { PlanArbol } from '../../../../shared/domain/plan'
import { CONTINUACION } from './partir'

// What exceljs's streaming writer does not do by itself, done on its internals.

interface NombreDefinido {
  name: string
  ranges: string[]
  localSheetId?: number
}

/**
 * Each sheet's filter range also as the defined name _xlnm._FilterDatabase (local to its sheet):
 * Excel writes it, and LibreOffice drops an autofilter that lacks it. exceljs does not write it,
 * so the workbook's list of names is given these at the end.
 */
export function nombresDeFiltro(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const dn = (wb as unknown as { _definedNames: { model: NombreDefinido[] } })._definedNames
  const propios = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(dn), 'model')!.get!
  const hojas = () =>
    (wb as unknown as { _worksheets: (ExcelJS.Worksheet | undefined)[] })._worksheets.filter(
      (w): w is ExcelJS.Worksheet => w !== undefined
    )
  Object.defineProperty(dn, 'model', {
    get: (): NombreDefinido[] => [
      ...(propios.call(dn) as NombreDefinido[]),
      ...hojas().flatMap((ws, i) => {
        const f = ws.autoFilter as {
          from: { row: number; column: number }
          to: { row: number; column: number }
        } | null
        if (!f) return []
        const col = (n: number) => String.fromCharCode(64 + n)
        return [
          {
            name: '_xlnm._FilterDatabase',
            ranges: [
              `'${ws.name}'!$${col(f.from.column)}$${f.from.row}:$${col(f.to.column)}$${f.to.row}`
            ],
            localSheetId: i
          }
        ]
      })
    ]
  })
}

/**
 * Arial 10 as the workbook's base font (exceljs writes Calibri 11, which LibreOffice replaces by
 * a wider font: every column would print wider and fit-to-width shrink the text): widths mean
 * the same in Excel and LibreOffice. The streaming writer keeps its fonts as XML strings, the
 * first the base, and adds Calibri as the first with the first styled cell unless one is there.
 */
export function fuenteBase(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const base = '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>'
  const estilos = (
    wb as unknown as {
      styles: { model?: { fonts?: string[] }; index?: { font?: Record<string, number> } }
    }
  ).styles
  const fuentes = estilos.model?.fonts
  if (!fuentes) return
  if (fuentes.length) fuentes[0] = base
  else {
    fuentes.push(base)
    if (estilos.index?.font) estilos.index.font[base] = 0
  }
}

/**
 * An acuerdo's follow-up in an acta not yet approved ("estado|tipo|numero|anio"), said as such:
 * "Cumplido, Sesión Ordinaria N° 3/2014 (acta en borrador)". The Estado column keeps the state
 * approved actas record.
 */
export function seguimientoEnBorrador(v: string | null): string | null {
  if (!v) return null
  const [estado, tipo, numero, anio] = v.split('|')
  const sesion = tituloSesion({
    tipo: tipo as SesionTipo,
    numero: Number(numero),
    anio: Number(anio)
  })
  return `${ACUERDO_SITUACION_LABEL[estado as AcuerdoEstado]}, ${sesion} (acta en borrador)`
}

/**
 * Overdue metas in the Matriz sheet: each acción whose metas state a deadline gets a rule over
 * its rows (continuations included), red once the earliest deadline is past and the acción is not
 * "Cumplida". It follows the calendar and an edited estado; the deadline itself lives in the
 * meta's text, so it is written into the rule. Returns the last priority used.
 */
export function metasVencidas(
  ws: ExcelJS.Worksheet,
  arbol: PlanArbol,
  hasta: number,
  argb: string
): number {
  const plazos = arbol.ejes.flatMap((e) =>
    e.objetivos.flatMap((ob) =>
      ob.acciones.map(
        (a) =>
          a.metas
            .map((m) => m.plazo)
            .filter(Boolean)
            .sort()[0] ?? null
      )
    )
  )
  let prioridad = 0
  let i = -1
  const desde: number[] = []
  for (let r = 3; r <= hasta; r++)
    if (!String(ws.getCell(r, 3).value ?? '').includes(CONTINUACION)) desde[++i] = r
  desde.push(hasta + 1)
  plazos.forEach((plazo, k) => {
    if (!plazo || desde[k] === undefined || desde[k + 1] === undefined) return
    const [y, m, d] = plazo.split('-').map(Number)
    const fila = desde[k]!
    ws.addConditionalFormatting({
      ref: `F${fila}:J${desde[k + 1]! - 1}`,
      rules: [
        {
          type: 'expression',
          priority: ++prioridad,
          formulae: [`AND(DATE(${y},${m},${d})<TODAY(),$F$${fila}<>"Cumplida")`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } }
        }
      ]
    })
  })
  return prioridad
}
