import path from 'node:path'
import { app, BrowserWindow, Notification, shell, dialog, type WebContents } from 'electron'
import { APP_ORIGIN, isTrustedUrl } from './origin'
import { elegirDestinoLibre } from '../core/destino-protegido'

export { isTrustedUrl }

/**
 * The main window, with Electron's security checklist applied: it shows `rendererUrl` (the dev
 * server, development only) or the built page at app://mitp.
 */
export function createMainWindow(
  rendererUrl: string | null,
  devtools: boolean,
  /** The database open now: nothing the page hands over is saved over it. */
  dbPath: () => string | null = () => null
): BrowserWindow {
  // electronegativity AUXCLICK_JS_CHECK: a middle click asks for a new window, and the window
  // open handler below denies every one (https links go to the browser after a confirmation).
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Secretaría MITP',
    webPreferences: {
      // electronegativity PRELOAD_JS_CHECK: the sandboxed preload exposes one function per
      // contract channel through contextBridge, never ipcRenderer itself.
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: devtools,
      spellcheck: true
    }
  })
  lockDown(win.webContents, dbPath)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(rendererUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

/** No navigation away, no new windows; https links open in the browser after asking. */
function lockDown(contents: WebContents, dbPath: () => string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterConfirm(url)
    return { action: 'deny' }
  })
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  // Checks (asked without a prompt: notifications, clipboard, media devices…) are denied too.
  contents.session.setPermissionCheckHandler(() => false)
  // Documents the page hands over are saved through Chromium's download (written under a
  // temporary name and renamed); the place is asked here, so it is never the live database
  // («Respaldar ahora» saved over it would replace it). When done, offer to open the folder.
  contents.session.on('will-download', (_event, item) => {
    const destino = elegirDestinoLibre(
      () =>
        dialog.showSaveDialogSync({
          defaultPath: path.join(app.getPath('downloads'), item.getFilename())
        }) ?? null,
      (motivo) =>
        void dialog.showMessageBoxSync({
          type: 'warning',
          message: 'Elija otro lugar',
          detail: motivo
        }),
      dbPath
    )
    if (!destino) return item.cancel()
    item.setSavePath(destino)
    item.once('done', (_e, state) => {
      if (state !== 'completed') return
      const saved = item.getSavePath()
      const aviso = new Notification({
        title: 'Archivo guardado',
        body: `${path.basename(saved)} — haga clic para abrir la carpeta`
      })
      aviso.on('click', () => shell.showItemInFolder(saved))
      aviso.show()
    })
  })
}

async function openExternalAfterConfirm(url: string): Promise<void> {
  if (!url.startsWith('https://')) return
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Abrir', 'Cancelar'],
    defaultId: 1,
    cancelId: 1,
    message: '¿Abrir este enlace en el navegador?',
    detail: url
  })
  // electronegativity OPEN_EXTERNAL_JS_CHECK: only https URLs reach here, and only after the
  // user confirms in a dialog that shows the address.
  if (response === 0) await shell.openExternal(url)
}
