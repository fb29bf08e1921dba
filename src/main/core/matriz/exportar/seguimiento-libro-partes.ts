import type ExcelJS from 'exceljs'
import {
  ACUERDO_SITUACION_LABEL,
  tituloSesion,
  type AcuerdoEstado,
  type SesionTipo
} from '../../../../shared/domain/sesiones'

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
