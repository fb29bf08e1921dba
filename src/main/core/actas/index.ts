// What other domains may use of the actas: sealing one at approval.
export { sellar } from './sello'
export type { PdfPrinter } from './documentos/archivo'
