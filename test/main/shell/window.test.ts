import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ROOT } from '../../helpers/cli'

// Electron cannot run here: a fake BrowserWindow records what our code asks of it.
type Handler = (...args: unknown[]) => unknown
type OpenHandler = (details: { url: string }) => { action: string }
const fake = vi.hoisted(() => {
  class FakeContents {
    handlers = new Map<string, Handler>()
    sessionHandlers = new Map<string, Handler>()
    openHandler: OpenHandler | null = null
    permissionHandler: Handler | null = null
    checkHandler: Handler | null = null
    session = {
      setPermissionRequestHandler: (h: Handler) => {
        this.permissionHandler = h
      },
      setPermissionCheckHandler: (h: Handler) => {
        this.checkHandler = h
      },
      on: (event: string, h: Handler) => this.sessionHandlers.set(event, h)
    }
    printToPDF = vi.fn((_options: unknown) => Promise.resolve(Buffer.from('%PDF-')))
    on(event: string, h: Handler): this {
      this.handlers.set(event, h)
      return this
    }
    setWindowOpenHandler(h: OpenHandler): void {
      this.openHandler = h
    }
  }
  class FakeWindow {
    static made: FakeWindow[] = []
    webContents = new FakeContents()
    loaded: string[] = []
    onceHandlers = new Map<string, Handler>()
    shown = false
    destroyed = false
    constructor(readonly options: unknown) {
      FakeWindow.made.push(this)
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url)
      return Promise.resolve()
    }
    once(event: string, h: Handler): this {
      this.onceHandlers.set(event, h)
      return this
    }
    show(): void {
      this.shown = true
    }
    destroy(): void {
      this.destroyed = true
    }
  }
  return {
    FakeWindow,
    dialog: { showMessageBox: vi.fn((_o: unknown) => Promise.resolve({ response: 1 })) },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()), showItemInFolder: vi.fn() }
  }
})
vi.mock('electron', () => ({
  BrowserWindow: fake.FakeWindow,
  Notification: class {
    on(): void {}
    show(): void {}
  },
  dialog: fake.dialog,
  shell: fake.shell
}))

const { createMainWindow } = await import('../../../src/main/shell/window')
const { electronPdfPrinter } = await import('../../../src/main/shell/pdf')

type Win = InstanceType<typeof fake.FakeWindow>
const only = (): Win => {
  expect(fake.FakeWindow.made).toHaveLength(1)
  return fake.FakeWindow.made[0]!
}

beforeEach(() => {
  fake.FakeWindow.made.length = 0
  fake.dialog.showMessageBox.mockClear()
  fake.shell.openExternal.mockClear()
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
  return () => vi.unstubAllEnvs()
})

describe('main window', () => {
  it('is created with exactly these options (the security checklist)', () => {
    createMainWindow(null, false)
    const win = only()
    expect(win.options).toStrictEqual({
      width: 1280,
      height: 860,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Secretaría MITP',
      webPreferences: {
        // __dirname is src/main/shell here and out/main in the bundle: ../preload/index.js.
        preload: path.join(ROOT, 'src/main/preload/index.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        devTools: false,
        spellcheck: true
      }
    })
    expect(win.loaded).toEqual(['app://mitp/index.html'])
    win.onceHandlers.get('ready-to-show')!()
    expect(win.shown).toBe(true)
  })

  it('navigates only within app://mitp', () => {
    createMainWindow(null, false)
    const navigate = only().webContents.handlers.get('will-navigate')!
    const tryUrl = (url: string): boolean => {
      const event = { preventDefault: vi.fn() }
      navigate(event, url)
      return event.preventDefault.mock.calls.length === 0
    }
    expect(tryUrl('app://mitp/index.html#/plan')).toBe(true)
    for (const url of [
      'https://evil.example/',
      'app://mitp.evil/index.html',
      'app://evil/app://mitp/',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'no es una url'
    ])
      expect(tryUrl(url), url).toBe(false)
  })

  it('denies every new window, webview and permission', async () => {
    createMainWindow(null, false)
    const contents = only().webContents
    for (const url of ['https://example.org/', 'app://mitp/index.html', 'file:///etc/passwd'])
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' })
    const attach = { preventDefault: vi.fn() }
    contents.handlers.get('will-attach-webview')!(attach)
    expect(attach.preventDefault).toHaveBeenCalled()
    const granted = vi.fn()
    contents.permissionHandler!(null, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    // Permission checks (no prompt: notifications, clipboard, media devices) are denied too.
    for (const p of ['notifications', 'clipboard-read', 'media', 'geolocation'])
      expect(contents.checkHandler!(null, p, 'app://mitp', {}), p).toBe(false)
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1))
  })

  it('opens only https links in the browser, and only after the user confirms', async () => {
    createMainWindow(null, false)
    const open = only().webContents.openHandler!
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'javascript:alert(1)'])
      open({ url })
    open({ url: 'https://example.org/cancelada' })
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1))
    expect(fake.shell.openExternal).not.toHaveBeenCalled()

    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 })
    open({ url: 'https://example.org/aceptada' })
    await vi.waitFor(() => expect(fake.shell.openExternal).toHaveBeenCalledTimes(1))
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.org/aceptada')
  })
})

describe('PDF window', () => {
  it('prints in a hidden, sandboxed window with no script, then destroys it', async () => {
    const pdf = await electronPdfPrinter('<p>Acta & "firmas"</p>', '<span>pie</span>')
    const win = only()
    expect(win.options).toStrictEqual({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false
      }
    })
    expect(win.loaded).toEqual([
      `data:text/html;charset=utf-8,${encodeURIComponent('<p>Acta & "firmas"</p>')}`
    ])
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ displayHeaderFooter: true, footerTemplate: '<span>pie</span>' })
    )
    expect(Buffer.from(pdf).toString()).toBe('%PDF-')
    expect(win.destroyed).toBe(true)
    expect(win.shown).toBe(false)
  })

  it('destroys the window even when printing fails', async () => {
    const failing = electronPdfPrinter('<p></p>', '')
    only().webContents.printToPDF.mockRejectedValueOnce(new Error('sin impresora'))
    await expect(failing).rejects.toThrow('sin impresora')
    expect(only().destroyed).toBe(true)
  })
})
