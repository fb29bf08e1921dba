/**
 * How an acta is printed to PDF, the same for Electron's printToPDF and for Chromium through
 * playwright: letter size from the page's own CSS, backgrounds, and the running footer.
 */
export const OPCIONES_PDF = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>'
} as const
