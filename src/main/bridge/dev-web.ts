import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DatabaseOpenError } from '../core/db/open'
import { iniciarNucleo } from '../core/host/nucleo'
import { startBridge } from './server'
import { ErrorDeArranque, leerPuerto } from './puerto'
import { workerDeDesarrollo } from './worker-dev'
import { chromiumPdfPrinter } from '../ports/pdf-chromium'

/**
 * `npm run dev:web`: the built renderer and the real core in any browser, without Electron. The
 * core runs in its worker threads, as in the app; this process only routes requests and events.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } })
  const port = leerPuerto(values.port, process.env.PORT)
  const dbPath = values.db ?? process.env.MITP_DB ?? path.resolve('datos-dev', 'secretaria-mitp.db')
  fs.mkdirSync(path.dirname(dbPath), { recursive: true })
  const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string })
    .version
  const log = (m: string, e?: unknown): void => console.error(m, e ?? '')
  const pdf = chromiumPdfPrinter()
  const nucleo = await iniciarNucleo({
    dbPath,
    version,
    workerFile: workerDeDesarrollo(),
    printPdf: pdf.print,
    log
  })
  const bridge = await startBridge({
    call: nucleo.call,
    alEvento: nucleo.alEvento,
    descarga: nucleo.descarga,
    token: crypto.randomBytes(24).toString('hex'),
    staticDir: path.resolve('out', 'renderer'),
    port,
    log
  }).catch(async (e: unknown) => {
    // The core is closed properly, so no in-use mark is left beside the database.
    await pdf.close()
    await nucleo.cerrar()
    throw e
  })
  console.log(
    `Secretaría MITP (navegador): abra ${bridge.entrada()}\n(la dirección sirve una vez; después, recargue esa misma pestaña)\nBase de datos: ${nucleo.dbPath}\nCtrl+C para salir.`
  )
  const stop = (): void => {
    void bridge
      .close()
      .then(() => pdf.close())
      .then(() => nucleo.cerrar())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(
    e instanceof DatabaseOpenError || e instanceof ErrorDeArranque ? `Error: ${e.message}` : e
  )
  process.exit(1)
})
