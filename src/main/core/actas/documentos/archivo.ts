import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Documento } from '../../../../shared/api/contract'
import { actaDocumento } from './modelo'
import { actaDocx } from './docx'
import { actaHtml, actaPieHtml } from './html'
import { conflict } from '../../errors'

export const MENSAJE_SIN_PDF =
  'Este equipo no tiene cómo generar el PDF (falta Chromium). Descargue el acta en DOCX.'

/**
 * Prints HTML to PDF with a running footer on every page: Electron's printToPDF in the app,
 * Chromium in development and tests.
 */
export type PdfPrinter = (html: string, footerHtml: string) => Promise<Uint8Array>

export interface ActaArchivo {
  nombre: string
  mime: string
  data: Uint8Array
}

const nombreArchivo = (titulo: string, instancia: string, ext: string): string =>
  `${titulo} ${instancia}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/N°/g, 'N')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() + `.${ext}`

export async function actaArchivo(
  db: Kysely<Database>,
  sesionId: string,
  formato: 'docx' | 'pdf',
  printPdf: PdfPrinter | null
): Promise<ActaArchivo> {
  const doc = await actaDocumento(db, sesionId)
  if (formato === 'docx') {
    return {
      nombre: nombreArchivo(doc.titulo, doc.instancia, 'docx'),
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      data: await actaDocx(doc)
    }
  }
  if (!printPdf) throw conflict(MENSAJE_SIN_PDF)
  return {
    nombre: nombreArchivo(doc.titulo, doc.instancia, 'pdf'),
    mime: 'application/pdf',
    data: await printPdf(actaHtml(doc), actaPieHtml(doc))
  }
}

export const toDocumento = (a: ActaArchivo): Documento => ({
  nombre: a.nombre,
  mime: a.mime,
  base64: Buffer.from(a.data).toString('base64')
})
