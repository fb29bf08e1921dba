import zlib from 'node:zlib'
import { AppError } from '../../errors'

/**
 * An .xlsx is a zip: its 20 MB limit says nothing of what it unpacks to (a 318 KB workbook once
 * took 1.45 GB of memory). Before the workbook is parsed, every part is unpacked here with a
 * ceiling (whatever sizes the zip claims), and the rows and cells of its sheets are counted.
 */
export const LIMITES_LIBRO = {
  /**
   * Uncompressed bytes of one part (a sheet's XML, the shared strings): room for a matrix of
   * 200,000 acciones (76 MB), hundreds of times any real plan.
   */
  parte: 128 * 1024 * 1024,
  /** Uncompressed bytes of all parts together. */
  total: 160 * 1024 * 1024,
  partes: 2000,
  filas: 300_000,
  celdas: 1_500_000,
  /** Columns a sheet may reach (the matrix uses about 20). */
  columnas: 200
}

const NADA = 'No se modificó nada.'
const mb = (n: number): string => `${Math.round(n / 1048576)} MB`

function rechazo(detalle: string): AppError {
  return new AppError('entrada_invalida', `El libro ${detalle} ${NADA}`)
}

/** A file whose zip structure is broken: the same words as any file that is not a workbook. */
const noEsLibro = (): AppError =>
  new AppError('entrada_invalida', `El archivo no es un libro de Excel (.xlsx) válido. ${NADA}`)

/** Where the central directory starts, from the end-of-central-directory record. */
function directorio(data: Buffer): { inicio: number; entradas: number } {
  const desde = Math.max(0, data.length - 22 - 0xffff)
  for (let i = data.length - 22; i >= desde; i--) {
    if (data.readUInt32LE(i) !== 0x06054b50) continue
    return { entradas: data.readUInt16LE(i + 10), inicio: data.readUInt32LE(i + 16) }
  }
  throw noEsLibro()
}

export interface Parte {
  nombre: string
  /** Unpacked bytes (counted against the limits). */
  bytes: number
  datos: Buffer
}

/** Unpacks one entry, never past `techo` bytes: a false size in the header cannot get around it. */
function desempacar(data: Buffer, cd: number, nombre: string, techo: number): Buffer {
  const metodo = data.readUInt16LE(cd + 10)
  const comprimido = data.readUInt32LE(cd + 20)
  const local = data.readUInt32LE(cd + 42)
  if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw noEsLibro()
  const inicio = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
  const bruto = data.subarray(inicio, inicio + comprimido)
  if (metodo === 0) {
    if (bruto.length > techo) throw demasiado(nombre, techo)
    return bruto
  }
  if (metodo !== 8) throw rechazo(`usa una compresión no admitida en «${nombre}».`)
  try {
    return zlib.inflateRawSync(bruto, { maxOutputLength: techo })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw demasiado(nombre, techo)
    throw noEsLibro()
  }
}

const demasiado = (nombre: string, techo: number): AppError =>
  rechazo(
    `es demasiado grande al descomprimirlo: «${nombre}» pasa de ${mb(techo)} (el máximo por parte es ${mb(LIMITES_LIBRO.parte)} y ${mb(LIMITES_LIBRO.total)} en total).`
  )

/** The zip's entries, from its central directory: names and where each is, nothing unpacked. */
export function entradas(data: Buffer): { nombre: string; cd: number }[] {
  const { inicio, entradas: n } = directorio(data)
  if (n > LIMITES_LIBRO.partes) throw rechazo(`tiene demasiadas partes (${n}).`)
  const out: { nombre: string; cd: number }[] = []
  let cd = inicio
  for (let i = 0; i < n; i++) {
    if (cd + 46 > data.length || data.readUInt32LE(cd) !== 0x02014b50) throw noEsLibro()
    const largo = data.readUInt16LE(cd + 28)
    out.push({ nombre: data.toString('utf8', cd + 46, cd + 46 + largo), cd })
    cd += 46 + largo + data.readUInt16LE(cd + 30) + data.readUInt16LE(cd + 32)
  }
  return out
}

/** The parts of the zip `elegir` keeps (every one unless told), unpacked within the limits. */
export function partes(data: Buffer, elegir: (nombre: string) => boolean = () => true): Parte[] {
  const out: Parte[] = []
  let total = 0
  for (const { nombre, cd } of entradas(data)) {
    if (!elegir(nombre)) continue
    const techo = Math.min(LIMITES_LIBRO.parte, LIMITES_LIBRO.total - total)
    const datos = desempacar(data, cd, nombre, techo)
    total += datos.length
    out.push({ nombre, bytes: datos.length, datos })
  }
  return out
}

/** Elements named `nombre` (with or without a namespace prefix) in an XML part. */
function contar(datos: Buffer, nombre: string): number {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${nombre}[\\s/>]`, 'g')
  let n = 0
  const texto = datos.toString('latin1')
  while (re.exec(texto)) n++
  return n
}

/** A column's number from its letters (A = 1, XFD = 16384). */
const columna = (letras: string): number =>
  [...letras].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0)

/**
 * The furthest row and column a sheet names in its `r` attributes: one `<row r="1048576">` is a
 * single element, but the reader fills every row up to it (12.8 KB once took 74 s and 1.66 GB).
 */
function alcance(datos: Buffer): { fila: number; columna: number } {
  const texto = datos.toString('latin1')
  let fila = 0
  let col = 0
  const filas = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\sr\s*=\s*["']\s*(\d+)/g
  for (let m = filas.exec(texto); m; m = filas.exec(texto)) fila = Math.max(fila, Number(m[1]))
  const celdas = /<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\sr\s*=\s*["']\s*\$?([A-Za-z]+)\$?(\d+)/g
  for (let m = celdas.exec(texto); m; m = celdas.exec(texto)) {
    fila = Math.max(fila, Number(m[2]))
    col = Math.max(col, columna(m[1]!.toUpperCase()))
  }
  return { fila, columna: col }
}

/** Refuses, before any parsing, a workbook that unpacks or spreads beyond the limits. */
export function revisarLibro(data: Buffer): void {
  let filas = 0
  let celdas = 0
  let fila = 0
  let col = 0
  for (const p of partes(data)) {
    // Seven million one-letter strings (119 MB) once took 49 s and 688 MB: no more strings than
    // the cells that could use them.
    const textos = p.nombre === 'xl/sharedStrings.xml' ? contar(p.datos, 'si') : 0
    if (textos > LIMITES_LIBRO.celdas)
      throw rechazo(`tiene ${textos} textos compartidos; el máximo es ${LIMITES_LIBRO.celdas}.`)
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(p.nombre)) continue
    filas += contar(p.datos, 'row')
    celdas += contar(p.datos, 'c')
    const a = alcance(p.datos)
    fila = Math.max(fila, a.fila)
    col = Math.max(col, a.columna)
  }
  if (filas > LIMITES_LIBRO.filas)
    throw rechazo(`tiene ${filas} filas; el máximo es ${LIMITES_LIBRO.filas}.`)
  if (celdas > LIMITES_LIBRO.celdas)
    throw rechazo(`tiene ${celdas} celdas; el máximo es ${LIMITES_LIBRO.celdas}.`)
  if (fila > LIMITES_LIBRO.filas)
    throw rechazo(`usa la fila ${fila}; el máximo es ${LIMITES_LIBRO.filas}.`)
  if (col > LIMITES_LIBRO.columnas)
    throw rechazo(`usa la columna ${col}; el máximo es ${LIMITES_LIBRO.columnas}.`)
}
