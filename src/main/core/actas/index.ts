// What other domains may use of the actas: sealing one at approval.
export { leerSellado, sellar } from './sello'
export type { PdfPrinter } from './documentos/archivo'
// The documents' building blocks and page, shared by the annual report.
export { ANCHO_TEXTO, h, p, paginaDocx, tabla } from './documentos/docx-elementos'
export { MARGENES_CM, OPCIONES_PDF, PAPEL } from './documentos/pdf-opciones'
export { cssPapel, esc } from './documentos/html'
