import { BrowserWindow } from 'electron'
import type { PdfPrinter } from '../core/actas/documentos/archivo'
import { OPCIONES_PDF } from '../core/actas/documentos/pdf-opciones'

/** Prints the acta's HTML with Electron in a hidden window that runs no script. */
export const electronPdfPrinter: PdfPrinter = async (html, footerHtml) => {
  // electronegativity AUXCLICK_JS_CHECK: the window is never shown, so nothing can be clicked,
  // and it runs no script.
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false
    }
  })
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
    return await win.webContents.printToPDF({
      ...OPCIONES_PDF,
      footerTemplate: footerHtml
    })
  } finally {
    win.destroy()
  }
}
