import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { fuenteBase, nombresDeFiltro } from './seguimiento-libro-partes'

/** A workbook being streamed into memory, and how to finish it. */
export interface LibroEnCurso {
  /** The writer, typed as a Workbook: the sheet code is the same for both. */
  wb: ExcelJS.Workbook
  /** Commits what is left and returns the file's bytes. */
  terminar: () => Promise<Buffer>
  /** Bytes of the file written so far: how far the zip has caught up with the sheets. */
  escritos: () => number
}

/**
 * exceljs's streaming writer as every streamed workbook of the app sets it up: shared styles,
 * inline strings (no shared-string table kept in memory), Arial 10 as the base font, each
 * sheet's filter named for LibreOffice, the app as its author.
 */
export function libroEnStreaming(titulo: string, asunto?: string): LibroEnCurso {
  const partes: Buffer[] = []
  let escritos = 0
  const salida = new PassThrough()
  salida.on('data', (b: Buffer) => {
    partes.push(b)
    escritos += b.length
  })
  const escritor = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: salida,
    useStyles: true,
    useSharedStrings: false
  })
  fuenteBase(escritor)
  nombresDeFiltro(escritor)
  escritor.creator = 'Secretaría MITP'
  escritor.title = titulo
  if (asunto) escritor.subject = asunto
  escritor.created = new Date()
  return {
    wb: escritor as unknown as ExcelJS.Workbook,
    terminar: async () => {
      await escritor.commit()
      return Buffer.concat(partes)
    },
    escritos: () => escritos
  }
}
