import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import {
  LIMITES_LIBRO,
  partes,
  revisarLibro
} from '../../../../../src/main/core/matriz/importar/zip'

/**
 * The zip under a workbook, read before exceljs sees it: small real zips built here (stored and
 * deflated parts, a comment, broken headers), with the limits lowered so each edge is cheap.
 */
const LIMITES = { ...LIMITES_LIBRO }
afterEach(() => void Object.assign(LIMITES_LIBRO, LIMITES))

type Archivos = Record<string, string | Buffer>
async function zip(
  archivos: Archivos,
  opts: { compresion?: 'STORE' | 'DEFLATE'; comentario?: string } = {}
): Promise<Buffer> {
  const z = new JSZip()
  for (const [nombre, datos] of Object.entries(archivos))
    z.file(nombre, datos, { createFolders: false })
  return z.generateAsync({
    type: 'nodebuffer',
    compression: opts.compresion ?? 'DEFLATE',
    comment: opts.comentario
  })
}

const error = (f: () => unknown): string => {
  try {
    f()
    return 'aceptado'
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`
  }
}
const NO_ES =
  'entrada_invalida: El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.'
const demasiado = (nombre: string, mb: number) =>
  `entrada_invalida: El libro es demasiado grande al descomprimirlo: «${nombre}» pasa de ${mb} MB (el máximo por parte es ${Math.round(LIMITES_LIBRO.parte / 1048576)} MB y ${Math.round(LIMITES_LIBRO.total / 1048576)} MB en total). No se modificó nada.`

/** Offsets of every header with this signature (PK 1 2: central directory; PK 3 4: local). */
function cabeceras(b: Buffer, tipo: 1 | 3): number[] {
  const firma = Buffer.from([0x50, 0x4b, tipo, tipo + 1])
  const out: number[] = []
  for (let i = b.indexOf(firma); i >= 0; i = b.indexOf(firma, i + 4)) out.push(i)
  return out
}

/**
 * A stored zip written byte by byte, with room in every header for the optional fields that
 * JSZip never writes (extra fields in both headers, a comment per entry).
 */
function zipAMano(
  entradas: {
    nombre: string
    datos: Buffer
    extraLocal?: number
    extraCentral?: number
    comentario?: string
  }[]
): Buffer {
  const locales: Buffer[] = []
  const centrales: Buffer[] = []
  let offset = 0
  for (const e of entradas) {
    const nombre = Buffer.from(e.nombre)
    const extraLocal = Buffer.alloc(e.extraLocal ?? 0, 0x41)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt32LE(e.datos.length, 18)
    local.writeUInt32LE(e.datos.length, 22)
    local.writeUInt16LE(nombre.length, 26)
    local.writeUInt16LE(extraLocal.length, 28)
    const comentario = Buffer.from(e.comentario ?? '')
    const extraCentral = Buffer.alloc(e.extraCentral ?? 0, 0x42)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt32LE(e.datos.length, 20)
    central.writeUInt32LE(e.datos.length, 24)
    central.writeUInt16LE(nombre.length, 28)
    central.writeUInt16LE(extraCentral.length, 30)
    central.writeUInt16LE(comentario.length, 32)
    central.writeUInt32LE(offset, 42)
    locales.push(local, nombre, extraLocal, e.datos)
    centrales.push(central, nombre, extraCentral, comentario)
    offset += 30 + nombre.length + extraLocal.length + e.datos.length
  }
  const directorio = Buffer.concat(centrales)
  const fin = Buffer.alloc(22)
  fin.writeUInt32LE(0x06054b50, 0)
  fin.writeUInt16LE(entradas.length, 8)
  fin.writeUInt16LE(entradas.length, 10)
  fin.writeUInt32LE(directorio.length, 12)
  fin.writeUInt32LE(offset, 16)
  return Buffer.concat([...locales, directorio, fin])
}

describe('partes', () => {
  it('skips the extra fields and comments of each header to find the data and the next entry', () => {
    const z = zipAMano([
      {
        nombre: 'a.xml',
        datos: Buffer.from('<a/>'),
        extraLocal: 9,
        extraCentral: 12,
        comentario: 'uno'
      },
      { nombre: 'b.xml', datos: Buffer.from('<b/>'), extraLocal: 5, extraCentral: 3 }
    ])
    expect(partes(z).map((p) => [p.nombre, p.datos.toString()])).toEqual([
      ['a.xml', '<a/>'],
      ['b.xml', '<b/>']
    ])
  })

  it('finds the end of the directory behind the longest comment a zip can carry', async () => {
    for (const largo of [65_500, 65_535]) {
      const z = await zip({ 'a.xml': '<a/>' }, { comentario: 'c'.repeat(largo) })
      expect([largo, partes(z).map((p) => p.nombre)]).toEqual([largo, ['a.xml']])
    }
  })

  it('keeps its limits: 128 MB a part, 160 MB in all, 2,000 parts, 300,000 rows, 1,500,000 cells', () => {
    expect(LIMITES).toMatchObject({
      parte: 128 * 1024 * 1024,
      total: 160 * 1024 * 1024,
      partes: 2000,
      filas: 300_000,
      celdas: 1_500_000
    })
  })

  it('unpacks stored and deflated parts, in order, whatever comment ends the zip', async () => {
    const archivos = { 'a.xml': '<a/>', 'xl/b.bin': Buffer.alloc(3000, 7), 'c.txt': 'ñandú' }
    for (const compresion of ['STORE', 'DEFLATE'] as const) {
      const z = await zip(archivos, { compresion, comentario: 'x'.repeat(500) })
      const p = partes(z)
      expect(p.map((x) => [x.nombre, x.bytes])).toEqual([
        ['a.xml', 4],
        ['xl/b.bin', 3000],
        ['c.txt', 7]
      ])
      expect(p[0]!.datos.toString('utf8')).toBe('<a/>')
      expect(p[1]!.datos.equals(Buffer.alloc(3000, 7))).toBe(true)
      expect(p[2]!.datos.toString('utf8')).toBe('ñandú')
    }
  })

  it('refuses a part past its ceiling, stored or deflated, and keeps one exactly at it', async () => {
    Object.assign(LIMITES_LIBRO, { parte: 10 })
    for (const compresion of ['STORE', 'DEFLATE'] as const) {
      const diez = await zip({ 'diez.bin': Buffer.alloc(10) }, { compresion })
      expect(partes(diez)[0]!.bytes).toBe(10)
      const once = await zip({ 'ok.bin': 'x', 'once.bin': Buffer.alloc(11) }, { compresion })
      expect([compresion, error(() => partes(once))]).toEqual([
        compresion,
        demasiado('once.bin', 0)
      ])
    }
  })

  it('counts every part against the total: the ceiling of each is what the total has left', async () => {
    Object.assign(LIMITES_LIBRO, { parte: 8, total: 12 })
    const seis = Buffer.alloc(6, 1)
    const z = await zip({ 'a.bin': seis, 'b.bin': seis })
    expect(partes(z).map((p) => p.bytes)).toEqual([6, 6])
    Object.assign(LIMITES_LIBRO, { total: 11 })
    expect(error(() => partes(z))).toBe(demasiado('b.bin', 0))
  })

  it('refuses more parts than the limit, counting them from the zip’s directory', async () => {
    Object.assign(LIMITES_LIBRO, { partes: 2 })
    expect(partes(await zip({ a: '1', b: '2' }))).toHaveLength(2)
    const tres = await zip({ a: '1', b: '2', c: '3' })
    expect(error(() => partes(tres))).toBe(
      'entrada_invalida: El libro tiene demasiadas partes (3). No se modificó nada.'
    )
  })

  it('refuses a compression it does not know, naming the part', async () => {
    const z = await zip({ 'xl/raro.xml': '<raro/>' })
    // Method 12 (bzip2) in both headers.
    for (const i of cabeceras(z, 1)) z.writeUInt16LE(12, i + 10)
    for (const i of cabeceras(z, 3)) z.writeUInt16LE(12, i + 8)
    expect(error(() => partes(z))).toBe(
      'entrada_invalida: El libro usa una compresión no admitida en «xl/raro.xml». No se modificó nada.'
    )
  })

  it('refuses a zip whose structure is broken, in the words used for any non-workbook', async () => {
    const bueno = await zip({ 'a.xml': '<a>'.repeat(50) })
    const [cd] = cabeceras(bueno, 1)
    const [local] = cabeceras(bueno, 3)
    const roto = (cambiar: (b: Buffer) => void): Buffer => {
      const b = Buffer.from(bueno)
      cambiar(b)
      return b
    }
    const casos: [string, Buffer][] = [
      ['no directory end', Buffer.concat([Buffer.from('PK'), Buffer.alloc(100)])],
      ['too short for one', Buffer.from('PK\x05\x06')],
      ['directory entry signature', roto((b) => b.writeUInt32LE(0, cd!))],
      ['local header signature', roto((b) => b.writeUInt32LE(0, local!))],
      ['local header past the end', roto((b) => b.writeUInt32LE(b.length, cd! + 42))],
      ['deflated data', roto((b) => b.fill(0xff, local! + 30 + 5, local! + 30 + 12))],
      ['directory past the end', roto((b) => b.writeUInt32LE(b.length - 40, b.length - 22 + 16))],
      ['directory at the very end', roto((b) => b.writeUInt32LE(b.length - 2, b.length - 22 + 16))],
      ['more entries than written', roto((b) => b.writeUInt16LE(2, b.length - 22 + 10))]
    ]
    for (const [caso, b] of casos) expect([caso, error(() => partes(b))]).toEqual([caso, NO_ES])
    expect(partes(bueno)).toHaveLength(1)
  })
})

describe('revisarLibro', () => {
  const hoja = (filas: number, celdasPorFila: number, prefijo = ''): string =>
    `<${prefijo}worksheet><${prefijo}cols><${prefijo}col min="1"/></${prefijo}cols><${prefijo}sheetData>${Array.from(
      { length: filas },
      (_, r) =>
        `<${prefijo}row r="${r + 1}">${`<${prefijo}c r="A1"><${prefijo}v>1</${prefijo}v></${prefijo}c>`.repeat(celdasPorFila)}</${prefijo}row>`
    ).join('')}<${prefijo}rows/></${prefijo}sheetData></${prefijo}worksheet>`

  it('counts the rows and cells of every sheet, with or without a namespace prefix', async () => {
    Object.assign(LIMITES_LIBRO, { filas: 5, celdas: 10 })
    const libro = (a: string, b: string) =>
      zip({
        'xl/worksheets/sheet1.xml': a,
        'xl/worksheets/sheet2.xml': b,
        // Not sheets: their rows and cells do not count.
        'xl/worksheets/_rels/sheet1.xml.rels': hoja(50, 50),
        'xl/sharedStrings.xml': hoja(50, 50),
        'xl/worksheets/sheet3.xml.bak': hoja(50, 50),
        'copia/xl/worksheets/sheet1.xml': hoja(50, 50)
      })
    const revisar = async (a: string, b: string) => {
      const z = await libro(a, b)
      return error(() => revisarLibro(z))
    }
    // 5 rows and 10 cells: at both limits.
    expect(await revisar(hoja(3, 2), hoja(2, 2, 'x:'))).toBe('aceptado')
    expect(await revisar(hoja(3, 1), hoja(3, 1, 'x:'))).toBe(
      'entrada_invalida: El libro tiene 6 filas; el máximo es 5. No se modificó nada.'
    )
    expect(await revisar(hoja(3, 2), hoja(2, 3, 'x:'))).toBe(
      'entrada_invalida: El libro tiene 12 celdas; el máximo es 10. No se modificó nada.'
    )
    // A self-closing row and cell count too.
    expect(await revisar(hoja(3, 2), '<sheetData><row/><row r="2"><c/></row></sheetData>')).toBe(
      'aceptado'
    )
    expect(
      await revisar(hoja(3, 2), '<sheetData><row/><row/><row r="2"><c/></row></sheetData>')
    ).toBe('entrada_invalida: El libro tiene 6 filas; el máximo es 5. No se modificó nada.')
  })
})
