import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openAppDatabase, DatabaseOpenError } from '../core/db/open'
import { createAppApi } from '../core/app-api'
import { startBridge } from './server'
import { chromiumPdfPrinter } from '../ports/pdf-chromium'

/** `npm run dev:web`: the built renderer and the real API in any browser, without Electron. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } })
  const dbPath = values.db ?? process.env.MITP_DB ?? path.resolve('datos-dev', 'secretaria-mitp.db')
  fs.mkdirSync(path.dirname(dbPath), { recursive: true })
  const app = await openAppDatabase(dbPath)
  const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string })
    .version
  const pdf = chromiumPdfPrinter()
  const handlers = createAppApi(app, {
    version,
    printPdf: pdf.print,
    log: (m, e) => console.error(m, e)
  })
  const bridge = await startBridge({
    handlers,
    token: crypto.randomBytes(24).toString('hex'),
    staticDir: path.resolve('out', 'renderer'),
    port: Number(values.port ?? process.env.PORT ?? 5174),
    log: (m, e) => console.error(m, e)
  })
  console.log(
    `Secretaría MITP (navegador) en ${bridge.url}\nBase de datos: ${app.path}\nCtrl+C para salir.`
  )
  const stop = (): void => {
    void bridge
      .close()
      .then(() => pdf.close())
      .then(() => app.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof DatabaseOpenError ? `Error: ${e.message}` : e)
  process.exit(1)
})
