import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import type { PdfPrinter } from '../core/actas/documentos/archivo'
import { AppError } from '../core/errors'
import { OPCIONES_PDF } from '../core/actas/documentos/pdf-opciones'

/**
 * PDFs for development, tests and the CLI: the same HTML the app prints with Electron,
 * printed by headless Chromium. The browser starts on first use and is reused.
 */
export function chromiumPdfPrinter(
  executablePath: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
): { print: PdfPrinter | null; close: () => Promise<void> } {
  if (!fs.existsSync(executablePath)) return { print: null, close: async () => {} }
  let browser: Promise<Browser> | undefined
  const start = (): Promise<Browser> => (browser ??= lanzar(executablePath))
  return {
    print: async (html, footerHtml) => {
      const page = await (await start()).newPage({ javaScriptEnabled: false })
      try {
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({ ...OPCIONES_PDF, footerTemplate: footerHtml })
      } finally {
        await page.close()
      }
    },
    close: async () => {
      if (browser) await (await browser).close()
    }
  }
}

/** Starts headless Chromium; a browser that will not start is a Spanish refusal, not a dump. */
async function lanzar(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
  } catch (e) {
    const causa = (e instanceof Error ? e.message : String(e)).split('\n')[0]
    throw new AppError(
      'conflicto',
      `No se pudo iniciar Chromium (${executablePath}) para generar el PDF: ${causa}. Descargue el acta en DOCX.`
    )
  }
}
