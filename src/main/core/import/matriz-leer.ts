import ExcelJS from 'exceljs'
import { LIMITES } from '../../../shared/api/campos'
import { AppError } from '../errors'
import { ENCABEZADOS, GLOSARIO } from '../export/matriz-xlsx'
import { tieneControl } from '../export/texto-celda'

export const MAX_LIBRO_BYTES = 20 * 1024 * 1024

export interface AccionLeida {
  codigo: string
  texto: string
  responsables: string
  metas: string[]
  indicadores: string[]
  fila: number
}

export interface MatrizLeida {
  hoja: string
  ejes: {
    codigo: string
    nombre: string
    objetivos: { codigo: string; texto: string; acciones: AccionLeida[] }[]
  }[]
  glosario: { sigla: string; nombre: string }[]
}

const COL = ['A', 'B', 'C', 'D', 'E']

/** A workbook that does not fit the layout: the message names the sheet, row and column. */
function fallo(hoja: string, fila: number, col: number, detalle: string): AppError {
  return new AppError(
    'entrada_invalida',
    `Hoja «${hoja}», fila ${fila}, columna ${COL[col - 1]} (${COL[col - 1]}${fila}): ${detalle} No se modificó nada.`
  )
}

function texto(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'text' in v) return String(v.text)
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return ''
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase()

/** "Meta: …", "Meta 1: …", then "Indicadores:" and bullets, as the matrix writes them. */
export function partirMetasEIndicadores(celda: string): { metas: string[]; indicadores: string[] } {
  const [antes, despues = ''] = celda.split(/(?:^|\n)\s*Indicador(?:es)?\s*:\s*/i)
  const metas = antes!
    .split(/(?:^|\n)\s*Metas?(?:\s+\d+)?\s*:?\s+(?=\S)/i)
    .map((m) => m.trim())
    .filter(Boolean)
  const indicadores = despues
    .split('\n')
    .map((l) => l.replace(/^\s*[•\-–·]\s*/, '').trim())
    .filter(Boolean)
  return { metas, indicadores }
}

function revisar(hoja: string, fila: number, col: number, valor: string, max: number): string {
  if (tieneControl(valor))
    throw fallo(
      hoja,
      fila,
      col,
      'el texto contiene caracteres de control; quítelos y vuelva a intentarlo.'
    )
  if (valor.length > max) throw fallo(hoja, fila, col, `el texto supera ${max} caracteres.`)
  return valor.trim()
}

async function abrir(data: Uint8Array): Promise<ExcelJS.Workbook> {
  if (data.length > MAX_LIBRO_BYTES) {
    throw new AppError(
      'entrada_invalida',
      `El archivo pesa ${(data.length / 1048576).toFixed(1)} MB; el máximo es ${MAX_LIBRO_BYTES / 1048576} MB. No se modificó nada.`
    )
  }
  const noEsLibro = new AppError(
    'entrada_invalida',
    'El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.'
  )
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw noEsLibro
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer)
  } catch {
    throw noEsLibro
  }
  return wb
}

function buscarEncabezado(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; fila: number } {
  const hojas = [...wb.worksheets].sort(
    (a, b) => Number(b.name === 'Matriz') - Number(a.name === 'Matriz')
  )
  for (const ws of hojas) {
    for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
      if (norm(texto(ws.getCell(r, 1))) === norm(ENCABEZADOS[0])) return { ws, fila: r }
    }
  }
  const primera = wb.worksheets[0]
  if (!primera)
    throw new AppError('entrada_invalida', 'El libro no tiene hojas. No se modificó nada.')
  throw fallo(
    primera.name,
    1,
    1,
    `no se encontró la fila de encabezados (${ENCABEZADOS.join(' | ')}).`
  )
}

/** Reads a workbook in the matrix layout (ours, or one edited by the ministry), or says why not. */
export async function leerMatriz(data: Uint8Array): Promise<MatrizLeida> {
  const wb = await abrir(data)
  const { ws, fila: cab } = buscarEncabezado(wb)
  const hoja = ws.name
  ENCABEZADOS.forEach((esperado, i) => {
    const real = texto(ws.getCell(cab, i + 1))
    if (norm(real) !== norm(esperado))
      throw fallo(hoja, cab, i + 1, `se esperaba el encabezado «${esperado}» y dice «${real}».`)
  })
  const res: MatrizLeida = { hoja, ejes: [], glosario: [] }
  const codigos = new Map<string, number>()
  let eje: MatrizLeida['ejes'][number] | undefined
  let obj: MatrizLeida['ejes'][number]['objetivos'][number] | undefined
  let ejeTexto = ''
  let objTexto = ''
  let responsables = ''
  let r = cab + 1
  for (; r <= ws.rowCount; r++) {
    const c = [1, 2, 3, 4, 5].map((i) => texto(ws.getCell(r, i)))
    if (norm(c[0]!).startsWith(norm(GLOSARIO).replace(':', ''))) break
    if (c.every((x) => !x.trim())) continue
    const [a, b, acc, d, e] = c.map((x, i) =>
      revisar(hoja, r, i + 1, x, i === 4 ? LIMITES.responsables : LIMITES.texto)
    ) as [string, string, string, string, string]
    if (a && a !== ejeTexto) {
      const m = /^(\d{1,2})\.\s*([\s\S]+)$/.exec(a)
      if (!m)
        throw fallo(
          hoja,
          r,
          1,
          'el eje no tiene código (por ejemplo «1. PREVENCIÓN Y SENSIBILIZACIÓN»).'
        )
      if (res.ejes.some((x) => x.codigo === m[1]))
        throw fallo(hoja, r, 1, `el eje ${m[1]} está repetido.`)
      eje = { codigo: m[1]!, nombre: m[2]!.trim(), objetivos: [] }
      res.ejes.push(eje)
      ejeTexto = a
      obj = undefined
      objTexto = ''
    }
    if (!eje) throw fallo(hoja, r, 1, 'la acción no está bajo ningún eje.')
    if (b && (b !== objTexto || !obj)) {
      const m = /^(\d{1,2}\.\d{1,2})\.?\s+([\s\S]+)$/.exec(b)
      if (!m)
        throw fallo(hoja, r, 2, 'el objetivo no tiene código (por ejemplo «1.1. Fortalecer…»).')
      if (!m[1]!.startsWith(`${eje.codigo}.`))
        throw fallo(hoja, r, 2, `el objetivo ${m[1]} no corresponde al eje ${eje.codigo}.`)
      if (codigos.has(m[1]!))
        throw fallo(
          hoja,
          r,
          2,
          `el código ${m[1]} está repetido (ya aparece en la fila ${codigos.get(m[1]!)}).`
        )
      codigos.set(m[1]!, r)
      obj = { codigo: m[1]!, texto: m[2]!.trim(), acciones: [] }
      eje.objetivos.push(obj)
      objTexto = b
    }
    if (!obj) throw fallo(hoja, r, 2, 'la acción no está bajo ningún objetivo.')
    if (!acc) throw fallo(hoja, r, 3, 'falta la acción (código y texto).')
    const m = /^(\d{1,2}\.\d{1,2}\.[a-z]{1,2})\.?\s+([\s\S]+)$/.exec(acc)
    if (!m) throw fallo(hoja, r, 3, 'la acción no tiene código (por ejemplo «1.1.a. Generar…»).')
    if (!m[1]!.startsWith(`${obj.codigo}.`))
      throw fallo(hoja, r, 3, `la acción ${m[1]} no corresponde al objetivo ${obj.codigo}.`)
    if (codigos.has(m[1]!))
      throw fallo(
        hoja,
        r,
        3,
        `el código ${m[1]} está repetido (ya aparece en la fila ${codigos.get(m[1]!)}).`
      )
    codigos.set(m[1]!, r)
    // An empty responsible cell continues the one above, as a merged cell does.
    if (e) responsables = e
    const { metas, indicadores } = partirMetasEIndicadores(d)
    obj.acciones.push({
      codigo: m[1]!,
      texto: m[2]!.trim(),
      responsables,
      metas,
      indicadores,
      fila: r
    })
  }
  if (res.ejes.length === 0) throw fallo(hoja, cab + 1, 1, 'la matriz no tiene acciones.')
  for (r = r + 1; r <= ws.rowCount; r++) {
    const sigla = revisar(hoja, r, 1, texto(ws.getCell(r, 1)), LIMITES.sigla)
    const nombre = revisar(
      hoja,
      r,
      2,
      texto(ws.getCell(r, 2)).replace(/^\s*:\s*/, ''),
      LIMITES.nombre
    )
    if (sigla && nombre) res.glosario.push({ sigla: sigla.replace(/\s*:$/, ''), nombre })
  }
  return res
}
