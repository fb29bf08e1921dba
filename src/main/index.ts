import path from 'node:path'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { DatabaseOpenError } from './core/db/open'
import { usarBindingNativo } from './core/db/sqlite'
import { explicar } from './core/causas'
import { iniciarNucleo, type Nucleo } from './core/host/nucleo'
import { crearLog } from './core/log'
import type { Logger } from './core/dispatch'
import {
  elegirRespaldo,
  faltaConRespaldos,
  mostrarFalla,
  recuperar,
  restaurarDesde
} from './shell/recovery'
import { bindIpc } from './shell/ipc'
import { reenviarEventos } from './shell/eventos'
import { buildMenu } from './shell/menu'
import { registerAppScheme, serveRenderer } from './shell/protocol'
import { createMainWindow, isTrustedUrl } from './shell/window'
import { fijarRenderer } from './shell/origin'
import { decidirArranque, homeDeCuenta, type Arranque } from './shell/arranque'
import { electronPdfPrinter } from './shell/pdf'
import { cifradoElectron } from './shell/cifrado-electron'
import { avisarEdicion, recuperarServidor } from './shell/recuperar-servidor'
import { ARCHIVO_CONFIG, escribirConfig } from './core/base-datos/config'
import { ARCHIVO_PERFIL } from './core/historial/perfil-local'
import type { EntornoBaseDatos } from './core/base-datos/handlers'
import { servidorConfigurado } from './core/base-datos/inicio'
import { nucleoSinBase } from './core/base-datos/sin-base'
import { describirDestino } from './core/db/destino'

// The Electron shell: lifecycle, one instance, the window, IPC and menus. All logic is in core.

let log: Logger = (message, error) => console.error(`[mitp] ${message}`, error ?? '')

/** Decided once, at start: the packaged app takes no override from outside (arranque.ts). */
let arranque: Arranque | undefined
function decidido(): Arranque {
  arranque ??= decidirArranque({
    isPackaged: app.isPackaged,
    env: process.env,
    argv: process.argv,
    resourcesPath: process.resourcesPath ?? '',
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    appData: app.getPath('appData'),
    nombre: app.getName(),
    plataforma: process.platform,
    homeDeCuenta: homeDeCuenta()
  })
  return arranque
}
const userData = (): string => decidido().userData
const respaldosDir = (): string => path.join(userData(), 'respaldos')
// Chromium's own files (and anything Electron keeps) go to the same folder as the database.
app.setPath('userData', userData())

let database: Nucleo | undefined
/** Whether the core opened the local file (a server's backups are IT's: nothing to restore). */
let enArchivo = false

/** Configuración → Base de datos compartida, served by this process (handlers.ts). */
const entornoBaseDatos = (): EntornoBaseDatos => ({
  archivo: path.join(userData(), ARCHIVO_CONFIG),
  cifrado: cifradoElectron(),
  enUso: () => database?.dbPath ?? 'ninguna',
  reiniciar: () => {
    app.relaunch()
    app.quit()
  },
  elegirArchivo: async () => {
    const r = await dialog.showOpenDialog({
      title: 'Certificado de la autoridad (CA) del servidor',
      properties: ['openFile'],
      filters: [{ name: 'Certificado', extensions: ['pem', 'crt', 'cer'] }]
    })
    return r.canceled ? null : (r.filePaths[0] ?? null)
  }
})

/**
 * The core over what the configuration names: the shared server when one is configured (never
 * the local file in its place: a failure is shown, with retry, edit, or an explicit return to
 * the local file), else the SQLite file.
 */
async function abrirBase(): Promise<Nucleo | null> {
  for (;;) {
    let servidor: Awaited<ReturnType<typeof servidorConfigurado>>
    try {
      servidor = await servidorConfigurado(entornoBaseDatos().archivo, cifradoElectron())
    } catch (error) {
      const e = await recuperarServidor(
        String((error as Error).message),
        '(configuración ilegible)'
      )
      if (e === 'salir') return null
      if (e === 'editar') return editarConexion('(configuración ilegible)')
      if (e === 'local') escribirConfig(entornoBaseDatos().archivo, { tipo: 'local' })
      continue
    }
    if (!servidor) {
      enArchivo = true
      return abrirArchivo()
    }
    try {
      return await iniciarNucleo({ ...opcionesNucleo(describirDestino(servidor)), servidor })
    } catch (error) {
      log('no se pudo abrir la base de datos del servidor', error)
      const detalle =
        error instanceof DatabaseOpenError
          ? error.message
          : (explicar(error, 'abrir la base de datos') ?? String(error))
      const e = await recuperarServidor(detalle, describirDestino(servidor))
      if (e === 'salir') return null
      if (e === 'editar') return editarConexion(describirDestino(servidor))
      if (e === 'local') escribirConfig(entornoBaseDatos().archivo, { tipo: 'local' })
    }
  }
}

/** Only Configuración answers until the connection is saved (the app restarts then). */
async function editarConexion(servidor: string): Promise<Nucleo> {
  await avisarEdicion()
  return nucleoSinBase(entornoBaseDatos(), log, servidor)
}

const opcionesNucleo = (file: string): Parameters<typeof iniciarNucleo>[0] => ({
  dbPath: file,
  version: app.getVersion(),
  workerFile: path.join(__dirname, 'nucleo.js'),
  nativeBinding: decidido().nativeBinding,
  respaldosDir: respaldosDir(),
  printPdf: electronPdfPrinter,
  baseDatos: entornoBaseDatos(),
  // On a shared server each notebook names its own user (the server's rows are everyone's).
  perfilArchivo: path.join(userData(), ARCHIVO_PERFIL),
  log
})

/**
 * Starts the core over the database file in its worker threads (this process only routes),
 * going through the recovery screen for as long as the file cannot be opened.
 */
async function abrirArchivo(): Promise<Nucleo | null> {
  let file = decidido().dbPath
  if (await faltaConRespaldos(file, respaldosDir())) {
    const e = await recuperar(
      file,
      respaldosDir(),
      `No se encontró la base de datos en ${file}, pero hay respaldos.`
    )
    if ('salir' in e) return null
    file = e.abrir
  }
  for (;;) {
    try {
      return await iniciarNucleo(opcionesNucleo(file))
    } catch (error) {
      log('no se pudo abrir la base de datos', error)
      const detalle =
        error instanceof DatabaseOpenError
          ? error.message
          : (explicar(error, 'abrir la base de datos') ?? String(error))
      const e = await recuperar(file, respaldosDir(), detalle)
      if ('salir' in e) return null
      file = e.abrir
    }
  }
}

async function start(): Promise<void> {
  log = crearLog(path.join(userData(), 'logs'))
  const { rendererUrl, devtools, nativeBinding } = decidido()
  // Recovery and restore open SQLite here, in the main process: with Electron's build, not Node's.
  usarBindingNativo(nativeBinding)
  fijarRenderer(rendererUrl)
  Menu.setApplicationMenu(
    buildMenu(devtools, {
      // Restoring replaces the open file: close it, restore (the current file is kept aside), restart.
      restaurarRespaldo: () =>
        void (async () => {
          if (!enArchivo)
            return void (await dialog.showMessageBox({
              type: 'info',
              message: 'Esta instalación usa la base de datos compartida del servidor',
              detail:
                'Sus respaldos los hace y los restaura informática (pg_dump), no la aplicación.'
            }))
          const elegido = await elegirRespaldo()
          if (!elegido || !database) return
          const file = database.dbPath
          await database.cerrar()
          database = undefined
          await restaurarDesde(file, elegido)
          app.relaunch()
          app.exit(0)
        })().catch((e: unknown) => mostrarFalla('restaurar el respaldo', e))
    })
  )
  serveRenderer(path.join(__dirname, '../renderer'), async (id) =>
    database ? database.descarga(id) : null
  )
  const db = await abrirBase()
  if (!db) return app.exit(0)
  database = db
  // Backups (daily, after each approval) are taken by the core itself, off this thread.
  reenviarEventos(db.alEvento)
  bindIpc(db.call, isTrustedUrl, log)
  createMainWindow(rendererUrl, devtools, () => database?.dbPath ?? null)
}

// Chilean Spanish for the whole window: date inputs show dd-mm-aaaa, spelling is checked in Spanish.
app.commandLine.appendSwitch('lang', 'es-CL')

if (decidido().rechazados.length > 0) {
  // Before any window exists: nothing for a remote debugger or inspector to reach.
  console.error(`[mitp] opciones no permitidas: ${decidido().rechazados.join(' ')}`)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  // Quitting waits for the core to close its database (a backup or a task may be running).
  let saliendo = false
  app.on('will-quit', (event) => {
    if (!database || saliendo) return
    event.preventDefault()
    saliendo = true
    void database.cerrar().finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch(async (e: unknown) => {
      log('arranque', e)
      await mostrarFalla('iniciar Secretaría MITP', e).catch(() => undefined)
      app.exit(1)
    })
}
