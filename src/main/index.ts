import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { openAppDatabase, DatabaseOpenError, type AppDatabase } from './core/db/open'
import { createApi } from './core/api'
import { bindIpc } from './shell/ipc'
import { buildMenu } from './shell/menu'
import { registerAppScheme, serveRenderer } from './shell/protocol'
import { createMainWindow, isTrustedUrl } from './shell/window'
import { electronPdfPrinter } from './shell/pdf'

// The Electron shell: lifecycle, one instance, the window, IPC and menus. All logic is in core.

const log = (message: string, error?: unknown): void =>
  console.error(`[mitp] ${message}`, error ?? '')

function databasePath(): string {
  const flag = process.argv.find((a) => a.startsWith('--db='))
  if (flag) return flag.slice('--db='.length)
  return process.env.MITP_DB ?? path.join(app.getPath('userData'), 'secretaria-mitp.db')
}

/** better-sqlite3 must be built for Electron; that build ships beside the app (see README). */
function electronSqliteBinding(): string | undefined {
  const candidates = [
    process.env.MITP_SQLITE_BINDING,
    path.join(process.resourcesPath ?? '', 'better_sqlite3.node'),
    path.join(app.getAppPath(), 'build-electron', 'better_sqlite3.node')
  ]
  return candidates.find((c): c is string => !!c && fs.existsSync(c))
}

let database: AppDatabase | undefined

async function start(): Promise<void> {
  const isDev = !!process.env.ELECTRON_RENDERER_URL
  Menu.setApplicationMenu(buildMenu(isDev))
  serveRenderer(path.join(__dirname, '../renderer'))
  try {
    database = await openAppDatabase(databasePath(), { nativeBinding: electronSqliteBinding() })
  } catch (error) {
    const detail = error instanceof DatabaseOpenError ? error.message : String(error)
    log('no se pudo abrir la base de datos', error)
    dialog.showErrorBox('No se pudo abrir la base de datos', detail)
    app.exit(1)
    return
  }
  const db = database
  bindIpc(
    createApi(db.db, {
      info: () => ({ version: app.getVersion(), schemaVersion: db.schemaVersion, dbPath: db.path }),
      printPdf: electronPdfPrinter
    }),
    isTrustedUrl,
    log
  )
  createMainWindow()
}

// Chilean Spanish for the whole window: date inputs show dd-mm-aaaa, spelling is checked in Spanish.
app.commandLine.appendSwitch('lang', 'es-CL')

if (!app.requestSingleInstanceLock()) {
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
  app.on('will-quit', () => void database?.close())
  app.whenReady().then(start, (e: unknown) => log('arranque', e))
}
