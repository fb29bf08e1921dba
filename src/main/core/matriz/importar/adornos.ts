import JSZip from 'jszip'
import { AppError } from '../../errors'
import { atributo, destinos } from './solo-hojas'
import { LIMITES_LIBRO, partes } from './zip'

// What exceljs expands cell by cell although the import reads none of it: a column's width over
// `<col min="5" max="2000000000"/>`, a validation or a conditional format over F1:GR300000 (a
// 13 KB workbook took 4.5 GB and ended the process). They are taken out of every sheet before it
// is parsed, which also lets a whole-column validation written by Excel through. Merged cells are
// read (an eje or an objetivo spans its acciones), so they are checked instead.
const QUITAR = ['cols', 'dataValidations', 'conditionalFormatting', 'hyperlinks', 'dimension']

const HOJA = /^xl\/worksheets\/[^/]+\.xml$/

const etiqueta = (t: string): RegExp =>
  new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${t}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${t}\\s*>)`, 'g')

/** A sheet's XML (as latin1: every byte kept as it is) without the parts the import ignores. */
export function sinAdornos(xml: string): string {
  return QUITAR.reduce((s, t) => s.replace(etiqueta(t), ''), xml)
}

const columna = (letras: string): number =>
  [...letras.toUpperCase()].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0)

const rechazo = (hoja: string, detalle: string): AppError =>
  new AppError('entrada_invalida', `Hoja «${hoja}»: ${detalle} No se modificó nada.`)

/** Merged ranges stay within the rows, columns and cells a workbook may have. */
export function revisarCombinadas(hoja: string, xml: string): void {
  const { filas, columnas, celdas } = LIMITES_LIBRO
  let area = 0
  for (const [, ref = ''] of xml.matchAll(
    /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g
  )) {
    const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim())
    if (!m) throw rechazo(hoja, `la celda combinada «${ref}» no es un rango válido.`)
    const [c1, f1] = [columna(m[1]!), Number(m[2])]
    const [c2, f2] = [m[3] ? columna(m[3]) : c1, m[4] ? Number(m[4]) : f1]
    if (Math.max(f1, f2) > filas || Math.max(c1, c2) > columnas)
      throw rechazo(
        hoja,
        `la celda combinada «${ref}» pasa de la fila ${filas} o de la columna ${columnas}.`
      )
    area += (Math.abs(f2 - f1) + 1) * (Math.abs(c2 - c1) + 1)
    if (area > celdas)
      throw rechazo(
        hoja,
        `sus celdas combinadas (hasta «${ref}») cubren más de ${celdas} celdas, el máximo.`
      )
  }
}

/** Each sheet part's name as the workbook shows it, to name it in a refusal. */
function nombres(texto: (n: string) => string): Map<string, string> {
  const porId = destinos(texto('xl/_rels/workbook.xml.rels'), 'xl')
  const out = new Map<string, string>()
  for (const [e] of texto('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const parte = porId.get(atributo(e, 'r:id') ?? '')
    if (parte) out.set(parte, atributo(e, 'name') ?? parte)
  }
  return out
}

/** The workbook with its sheets stripped of what the import ignores, merged cells checked. */
export async function soloLoQueSeLee(data: Buffer): Promise<Buffer> {
  const todas = partes(data)
  const texto = (n: string): string =>
    todas.find((p) => p.nombre === n)?.datos.toString('utf8') ?? ''
  const hojas = nombres(texto)
  const zip = new JSZip()
  for (const p of todas) {
    if (!HOJA.test(p.nombre)) {
      zip.file(p.nombre, p.datos)
      continue
    }
    const xml = p.datos.toString('latin1')
    revisarCombinadas(hojas.get(p.nombre) ?? p.nombre, xml)
    zip.file(p.nombre, Buffer.from(sinAdornos(xml), 'latin1'))
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
}
