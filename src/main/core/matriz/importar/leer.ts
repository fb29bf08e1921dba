import ExcelJS from 'exceljs'
import { LIMITES } from '../../../../shared/api/campos'
import { AppError } from '../../errors'
import { ENCABEZADOS, GLOSARIO } from '../disposicion'
import { tieneControl } from '../texto-celda'
import { texto } from './celda'
import { revisarLibro } from './zip'
import { soloHojasDelPlan } from './solo-hojas'
import { soloLoQueSeLee } from './adornos'
import type { RotulosAccion } from '../rotulos'
import { leerMetasEIndicadores, separadorLeido } from './metas-celda'
import { SIGUE } from '../exportar/partir'

export { leerMetasEIndicadores, partirMetasEIndicadores } from './metas-celda'

export const MAX_LIBRO_BYTES = 20 * 1024 * 1024

export interface AccionLeida {
  codigo: string
  texto: string
  responsables: string
  metas: string[]
  indicadores: string[]
  fila: number
  /** The labels as the workbook writes them (absent: not read from a workbook). */
  rotulos?: RotulosAccion
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

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase()

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
  // Only the sheets the plan is read from; what they unpack to, and their rows and cells, before
  // exceljs builds them in memory.
  const libro = await soloHojasDelPlan(Buffer.from(data.buffer, data.byteOffset, data.length))
  revisarLibro(libro)
  const limpio = await soloLoQueSeLee(libro)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(limpio as unknown as ArrayBuffer)
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

function revisarEncabezados(ws: ExcelJS.Worksheet, hoja: string, cab: number): void {
  ENCABEZADOS.forEach((esperado, i) => {
    const real = texto(ws.getCell(cab, i + 1))
    if (norm(real) !== norm(esperado))
      throw fallo(hoja, cab, i + 1, `se esperaba el encabezado «${esperado}» y dice «${real}».`)
  })
}

type EjeLeido = MatrizLeida['ejes'][number]
type ObjetivoLeido = EjeLeido['objetivos'][number]

/** What reading carries from one row to the next: the current eje and objetivo, codes seen. */
interface Lectura {
  hoja: string
  res: MatrizLeida
  codigos: Map<string, number>
  eje: EjeLeido | undefined
  obj: ObjetivoLeido | undefined
  ejeTexto: string
  objTexto: string
  responsables: string
  /** The last acción read, with its metas cell's text: rows below may continue it. */
  ultima?: { accion: AccionLeida; metas: string }
}

/**
 * A row that continues the acción above ("1.1.a (continuación)", as the writer leaves an acción
 * too tall for one row): its pieces join the acción's, as they were split.
 */
function continuarAccion(l: Lectura, r: number, codigo: string, celdas: string[]): void {
  const [texto, d, e] = celdas as [string, string, string]
  const u = l.ultima
  if (!u || u.accion.codigo !== codigo)
    throw fallo(l.hoja, r, 3, `la fila continúa la acción ${codigo}, pero no está bajo ella.`)
  const a = u.accion
  if (texto) a.texto = `${a.texto} ${texto}`
  if (d) {
    // "… " where the writer cut a paragraph too long for a row: it goes on after a space.
    u.metas = !u.metas
      ? d
      : d.startsWith(SIGUE)
        ? `${u.metas} ${d.slice(SIGUE.length)}`
        : `${u.metas}\n${d}`
    const leidas = leerMetasEIndicadores(u.metas)
    a.metas = leidas.metas
    a.indicadores = leidas.indicadores
    a.rotulos = { separador: a.rotulos?.separador ?? null, ...leidas.rotulos }
  }
  // Short responsables are repeated on each row; long ones are split like the text.
  if (e && e !== a.responsables) a.responsables = l.responsables = `${a.responsables} ${e}`
}

/** A code already used elsewhere in the sheet, with the row it first appeared in. */
function revisarRepetido(l: Lectura, r: number, col: number, codigo: string): void {
  if (l.codigos.has(codigo))
    throw fallo(
      l.hoja,
      r,
      col,
      `el código ${codigo} está repetido (ya aparece en la fila ${l.codigos.get(codigo)}).`
    )
  l.codigos.set(codigo, r)
}

function nuevoEje(l: Lectura, r: number, a: string): void {
  const m = /^(\d{1,2})\.\s*([\s\S]+)$/.exec(a)
  if (!m)
    throw fallo(
      l.hoja,
      r,
      1,
      'el eje no tiene código (por ejemplo «1. PREVENCIÓN Y SENSIBILIZACIÓN»).'
    )
  if (l.res.ejes.some((x) => x.codigo === m[1]))
    throw fallo(l.hoja, r, 1, `el eje ${m[1]} está repetido.`)
  l.eje = { codigo: m[1]!, nombre: m[2]!.trim(), objetivos: [] }
  l.res.ejes.push(l.eje)
  l.ejeTexto = a
  l.obj = undefined
  l.objTexto = ''
}

function nuevoObjetivo(l: Lectura, r: number, b: string, eje: EjeLeido): void {
  const m = /^(\d{1,2}\.\d{1,2})\.?\s+([\s\S]+)$/.exec(b)
  if (!m) throw fallo(l.hoja, r, 2, 'el objetivo no tiene código (por ejemplo «1.1. Fortalecer…»).')
  if (!m[1]!.startsWith(`${eje.codigo}.`))
    throw fallo(l.hoja, r, 2, `el objetivo ${m[1]} no corresponde al eje ${eje.codigo}.`)
  revisarRepetido(l, r, 2, m[1]!)
  l.obj = { codigo: m[1]!, texto: m[2]!.trim(), acciones: [] }
  eje.objetivos.push(l.obj)
  l.objTexto = b
}

/** One acción's row: a new eje or objetivo where their cells change, then the acción. */
function leerFila(l: Lectura, r: number, celdas: string[]): void {
  const [a, b, acc, d, e] = celdas.map((x, i) =>
    revisar(l.hoja, r, i + 1, x, i === 4 ? LIMITES.responsables : LIMITES.texto)
  ) as [string, string, string, string, string]
  if (a && a !== l.ejeTexto) nuevoEje(l, r, a)
  const eje = l.eje
  if (!eje) throw fallo(l.hoja, r, 1, 'la acción no está bajo ningún eje.')
  if (b && (b !== l.objTexto || !l.obj)) nuevoObjetivo(l, r, b, eje)
  const obj = l.obj
  if (!obj) throw fallo(l.hoja, r, 2, 'la acción no está bajo ningún objetivo.')
  if (!acc) throw fallo(l.hoja, r, 3, 'falta la acción (código y texto).')
  const sigue = /^(\d{1,2}\.\d{1,2}\.[a-z]{1,2}) \(continuación\)(?:\n([\s\S]*))?$/.exec(acc)
  if (sigue) return continuarAccion(l, r, sigue[1]!, [sigue[2]?.trim() ?? '', d, e])
  const m = /^(\d{1,2}\.\d{1,2}\.[a-z]{1,2})(\.?\s+)([\s\S]+)$/.exec(acc)
  if (!m) throw fallo(l.hoja, r, 3, 'la acción no tiene código (por ejemplo «1.1.a. Generar…»).')
  if (!m[1]!.startsWith(`${obj.codigo}.`))
    throw fallo(l.hoja, r, 3, `la acción ${m[1]} no corresponde al objetivo ${obj.codigo}.`)
  revisarRepetido(l, r, 3, m[1]!)
  // An empty responsible cell continues the one above, as a merged cell does.
  if (e) l.responsables = e
  const { metas, indicadores, rotulos } = leerMetasEIndicadores(d)
  const accion: AccionLeida = {
    codigo: m[1]!,
    texto: m[3]!.trim(),
    responsables: l.responsables,
    metas,
    indicadores,
    fila: r,
    rotulos: { separador: separadorLeido(m[2]!), ...rotulos }
  }
  obj.acciones.push(accion)
  l.ultima = { accion, metas: d }
}

/** The glossary below the matrix: sigla in column A, name in column B. */
function leerGlosario(ws: ExcelJS.Worksheet, hoja: string, desde: number): MatrizLeida['glosario'] {
  const glosario: MatrizLeida['glosario'] = []
  for (let r = desde; r <= ws.rowCount; r++) {
    const sigla = revisar(hoja, r, 1, texto(ws.getCell(r, 1)), LIMITES.sigla)
    const nombre = revisar(
      hoja,
      r,
      2,
      texto(ws.getCell(r, 2)).replace(/^\s*:\s*/, ''),
      LIMITES.nombre
    )
    if (sigla && nombre) glosario.push({ sigla: sigla.replace(/\s*:$/, ''), nombre })
  }
  return glosario
}

/** Reads a workbook in the matrix layout (ours, or one edited by the ministry), or says why not. */
export async function leerMatriz(data: Uint8Array): Promise<MatrizLeida> {
  const wb = await abrir(data)
  const { ws, fila: cab } = buscarEncabezado(wb)
  const hoja = ws.name
  revisarEncabezados(ws, hoja, cab)
  const l: Lectura = {
    hoja,
    res: { hoja, ejes: [], glosario: [] },
    codigos: new Map(),
    eje: undefined,
    obj: undefined,
    ejeTexto: '',
    objTexto: '',
    responsables: ''
  }
  let r = cab + 1
  for (; r <= ws.rowCount; r++) {
    const c = [1, 2, 3, 4, 5].map((i) => texto(ws.getCell(r, i)))
    if (norm(c[0]!).startsWith(norm(GLOSARIO).replace(':', ''))) break
    if (c.every((x) => !x.trim())) continue
    leerFila(l, r, c)
  }
  if (l.res.ejes.length === 0) throw fallo(hoja, cab + 1, 1, 'la matriz no tiene acciones.')
  if (r <= ws.rowCount) l.res.glosario = leerGlosario(ws, hoja, r + 1)
  else {
    // Ours prints the glossary on a sheet of its own, titled as the source titles it.
    const g = wb.worksheets.find((x) => x !== ws && norm(texto(x.getCell(1, 1))) === norm(GLOSARIO))
    if (g) l.res.glosario = leerGlosario(g, g.name, 2)
  }
  return l.res
}
