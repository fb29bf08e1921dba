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
import { ARCHIVO_CONFIG } from '../core/base-datos/config'
import { ARCHIVO_PERFIL } from '../core/historial/perfil-local'
import { servidorConfigurado } from '../core/base-datos/inicio'
import type { EntornoBaseDatos } from '../core/base-datos/handlers'

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
  // Configuración → Base de datos compartida, beside the file; no secure storage here, so no
  // password is ever stored (the server's comes from PGPASSWORD or .pgpass, as node-pg reads).
  const baseDatos: EntornoBaseDatos = {
    archivo: path.join(path.dirname(dbPath), ARCHIVO_CONFIG),
    cifrado: null,
    enUso: () => nucleo.dbPath,
    reiniciar: null,
    elegirArchivo: null
  }
  const servidor = await servidorConfigurado(baseDatos.archivo, null)
  const nucleo = await iniciarNucleo({
    dbPath,
    ...(servidor ? { servidor } : {}),
    baseDatos,
    perfilArchivo: path.join(path.dirname(dbPath), ARCHIVO_PERFIL),
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
