import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { libreOfficeConvertAll } from './office'

/** A document as LibreOffice reads it: its text, each table's rows of cells, its pictures. */
export interface DocumentoLeido {
  texto: string
  tablas: string[][][]
  /** The pictures the HTML shows, and the files LibreOffice wrote them to beside it. */
  imagenes: number
  archivosImagen: string[]
}

const ENTIDADES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' }

const limpio = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (ENTIDADES[e] ?? m)
    )
    .replace(/\s+/g, ' ')
    .trim()

/** Converts the DOCX with soffice to HTML (in a folder of its own) and reads it back. */
export function leerConLibreOffice(docx: string): DocumentoLeido {
  const dir = fs.mkdtempSync(`${docx}-html-`)
  const [salida] = libreOfficeConvertAll([docx], 'html', dir)
  const html = fs.readFileSync(salida!, 'utf8')
  const archivosImagen = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .map((f) => path.join(dir, f))
  const tablas = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((t) =>
    [...t[0].matchAll(/<tr[\s\S]*?<\/tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<t[dh][\s\S]*?<\/t[dh]>/g)].map((c) => limpio(c[0]))
    )
  )
  const imagenes = (html.match(/<img /g) ?? []).length
  return { texto: limpio(html), tablas, imagenes, archivosImagen }
}

/** The rows (header left out) of every table whose header is exactly `columnas`, in order. */
export const filasDe = (d: DocumentoLeido, columnas: string[]): string[][] =>
  d.tablas
    .filter((t) => JSON.stringify(t[0]) === JSON.stringify(columnas))
    .flatMap((t) => t.slice(1))

export interface Png {
  ruta: string
  bytes: number
  ancho: number
  alto: number
  valido: boolean
}

/** The pictures inside the DOCX's zip, each checked as a PNG by its signature and header. */
export async function imagenesDocx(docx: string): Promise<Png[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(docx))
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))
  return Promise.all(
    media.map(async (ruta) => {
      const b = Buffer.from(await zip.file(ruta)!.async('uint8array'))
      const firma = b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
      return {
        ruta,
        bytes: b.length,
        ancho: b.readUInt32BE(16),
        alto: b.readUInt32BE(20),
        valido: firma && b.subarray(12, 16).toString('ascii') === 'IHDR'
      }
    })
  )
}
