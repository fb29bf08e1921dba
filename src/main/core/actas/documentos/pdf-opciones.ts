import type { Papel } from '../../../../shared/actas/contract'

/**
 * How an acta is printed to PDF, the same for Electron's printToPDF and for Chromium through
 * playwright: the paper from the page's own CSS (see PAPEL), backgrounds, and the running footer.
 */
export const OPCIONES_PDF = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>'
} as const

/**
 * The paper sizes both documents use, in inches: carta (US letter) and the Chilean oficio
 * (216 × 330 mm, 8.5 × 13 in). One setting in Configuración lays out the DOCX and the PDF.
 */
export const PAPEL: Record<Papel, { ancho: number; alto: number }> = {
  carta: { ancho: 8.5, alto: 11 },
  oficio: { ancho: 8.5, alto: 13 }
}

/** The page margins, in centimetres, shared by the DOCX and the PDF. */
export const MARGENES_CM = { arriba: 2.2, abajo: 2.4, izquierda: 2, derecha: 2 }
