import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import type { PdfPrinter } from '../core/actas/documentos/archivo'
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
  const start = (): Promise<Browser> =>
    (browser ??= chromium.launch({
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
    }))
  return {
    print: async (html, footerHtml) => {
      const page = await (await start()).newPage({ javaScriptEnabled: false })
      try {
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({ ...OPCIONES_PDF, format: 'Letter', footerTemplate: footerHtml })
      } finally {
        await page.close()
      }
    },
    close: async () => {
      if (browser) await (await browser).close()
    }
  }
}
