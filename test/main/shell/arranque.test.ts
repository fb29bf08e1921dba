import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decidirArranque, type Entorno } from '../../../src/main/shell/arranque'
import { tempDir } from '../../helpers/db'

/**
 * The packaged app trusts nothing from outside: environment variables and flags choose the
 * native module, the page, the developer tools and the database only in development. The shell's
 * real start-up (src/main/index.ts) runs here against a stand-in `electron` module, both ways.
 */
const dir = tempDir('mitp-arranque-')
const ajeno = path.join(dir.dir, 'ajeno.node')
fs.writeFileSync(ajeno, 'no es un módulo')
const recursos = path.join(dir.dir, 'resources')
fs.mkdirSync(recursos)
fs.writeFileSync(path.join(recursos, 'better_sqlite3.node'), 'el propio')
// Electron's userData as $XDG_CONFIG_HOME made it; the account's own folder is under `home`.
const userData = path.join(dir.dir, 'xdg', 'Secretaría MITP')
const home = path.join(dir.dir, 'home')
const propia = path.join(home, '.config', 'Secretaría MITP')
const HOSTIL = {
  MITP_SQLITE_BINDING: ajeno,
  ELECTRON_RENDERER_URL: 'http://evil.example:8080',
  MITP_DB: path.join(dir.dir, 'otra.db'),
  XDG_CONFIG_HOME: path.join(dir.dir, 'xdg'),
  HOME: path.join(dir.dir, 'otro-home')
}
const ARGV = ['electron', '.', `--db=${path.join(dir.dir, 'flag.db')}`]

const entorno = (isPackaged: boolean): Entorno => ({
  isPackaged,
  env: HOSTIL,
  argv: ARGV,
  resourcesPath: recursos,
  appPath: dir.dir,
  userData,
  appData: path.dirname(userData),
  nombre: 'Secretaría MITP',
  plataforma: 'linux',
  homeDeCuenta: home
})

describe('decidirArranque', () => {
  it("packaged: only its own module, app://, no devtools, the database in the account's folder", () => {
    expect(decidirArranque(entorno(true))).toEqual({
      userData: propia,
      dbPath: path.join(propia, 'secretaria-mitp.db'),
      nativeBinding: path.join(recursos, 'better_sqlite3.node'),
      rendererUrl: null,
      devtools: false,
      rechazados: []
    })
  })

  it('packaged: refuses remote debugging, inspector and V8 switches; development allows them', () => {
    const argv = [
      'mitp',
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect-brk=9229',
      '--js-flags=--expose-gc',
      '--lang=es-CL',
      '--remote-debugging-portal'
    ]
    expect(decidirArranque({ ...entorno(true), argv }).rechazados).toEqual([
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect-brk=9229',
      '--js-flags=--expose-gc'
    ])
    expect(decidirArranque({ ...entorno(false), argv }).rechazados).toEqual([])
  })

  it('in development: the overrides are honoured', () => {
    expect(decidirArranque(entorno(false))).toEqual({
      userData,
      dbPath: path.join(dir.dir, 'flag.db'),
      nativeBinding: ajeno,
      rendererUrl: 'http://evil.example:8080',
      devtools: true,
      rechazados: []
    })
    expect(decidirArranque({ ...entorno(false), argv: [] }).dbPath).toBe(HOSTIL.MITP_DB)
  })
})

// The stand-in for Electron: records the window, the menu, the IPC handlers and the core's options.
const fake = vi.hoisted(() => {
  const estado = {
    isPackaged: true,
    ventanas: [] as { options: { webPreferences: Record<string, unknown> }; url: string }[],
    menu: [] as { label?: string; submenu?: { role?: string }[] }[],
    ipc: new Map<string, (e: unknown, i: unknown) => Promise<unknown>>(),
    nucleo: null as null | Record<string, unknown>,
    userData: null as null | string,
    salida: null as null | number,
    listo: null as null | Promise<void>
  }
  return estado
})

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = (): unknown[] => []
    webContents = {
      on: () => {},
      setWindowOpenHandler: () => {},
      session: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        on: () => {}
      }
    }
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {}
    once(): void {}
    loadURL(url: string): Promise<void> {
      fake.ventanas.push({ options: this.options, url })
      return Promise.resolve()
    }
  }
  let listo!: () => void
  fake.listo = new Promise((r) => (listo = r))
  return {
    app: {
      get isPackaged() {
        return fake.isPackaged
      },
      getPath: (que: string) => (que === 'appData' ? path.dirname(userData) : userData),
      setPath: (que: string, valor: string) => {
        if (que === 'userData') fake.userData = valor
      },
      getName: () => 'Secretaría MITP',
      getAppPath: () => dir.dir,
      getVersion: () => '0.0.0',
      commandLine: { appendSwitch: () => {} },
      requestSingleInstanceLock: () => true,
      on: () => {},
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      quit: () => {},
      exit: (codigo: number) => {
        fake.salida = codigo
      },
      relaunch: () => {}
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: typeof fake.menu) => {
        fake.menu = m
      }
    },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    ipcMain: {
      handle: (c: string, f: (e: unknown, i: unknown) => Promise<unknown>) => {
        fake.ipc.set(c, f)
        if (c === 'plan:arbol') listo()
      }
    },
    dialog: {},
    shell: {},
    Notification: class {}
  }
})

vi.mock('../../../src/main/core/host/nucleo', () => ({
  iniciarNucleo: (o: Record<string, unknown>) => {
    fake.nucleo = o
    return Promise.resolve({
      dbPath: o.dbPath,
      call: () => Promise.resolve({ ok: true, value: 'llamado' }),
      alEvento: () => () => {},
      cerrar: () => Promise.resolve()
    })
  }
}))

async function arrancar(isPackaged: boolean): Promise<void> {
  Object.assign(fake, {
    isPackaged,
    ventanas: [],
    menu: [],
    nucleo: null,
    salida: null,
    userData: null
  })
  fake.ipc.clear()
  vi.resetModules()
  await import('../../../src/main/index')
  await fake.listo
  await vi.waitFor(() => expect(fake.ventanas).toHaveLength(1))
}

const conDevtools = (): boolean =>
  fake.menu.some((m) => m.submenu?.some((i) => i.role === 'toggleDevTools'))
const desde = (url: string) => fake.ipc.get('plan:arbol')!({ senderFrame: { url } }, {})

describe("the shell's start-up", () => {
  beforeEach(() => {
    for (const [k, v] of Object.entries(HOSTIL)) vi.stubEnv(k, v)
    vi.stubGlobal('process', Object.assign(process, { resourcesPath: recursos }))
    // The system's user database says `home`, whatever $HOME says.
    vi.spyOn(os, 'userInfo').mockReturnValue({ ...os.userInfo(), homedir: home })
    process.argv.push(ARGV[2]!)
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    process.argv.pop()
  })

  it('packaged, with hostile variables set: ignores every one of them', async () => {
    await arrancar(true)
    // Not where XDG_CONFIG_HOME or HOME point: the account's own folder, for Chromium's files too.
    expect(fake.userData).toBe(propia)
    expect(fake.nucleo).toMatchObject({
      dbPath: path.join(propia, 'secretaria-mitp.db'),
      respaldosDir: path.join(propia, 'respaldos'),
      nativeBinding: path.join(recursos, 'better_sqlite3.node')
    })
    // Recovery and restore open files in the main process: with the app's own module too.
    const sqlite = await import('../../../src/main/core/db/sqlite')
    expect(sqlite.bindingNativo()).toBe(path.join(recursos, 'better_sqlite3.node'))
    expect(() => sqlite.openSqlite(path.join(dir.dir, 'x.db'))).toThrow()
    sqlite.usarBindingNativo(undefined)
    expect(fake.ventanas[0]!.url).toBe('app://mitp/index.html')
    expect(fake.ventanas[0]!.options.webPreferences.devTools).toBe(false)
    expect(conDevtools()).toBe(false)
    expect(await desde('http://evil.example:8080/')).toMatchObject({
      ok: false,
      error: { code: 'no_autorizado' }
    })
    expect(await desde('app://mitp/index.html')).toEqual({ ok: true, value: 'llamado' })
  })

  it('packaged, started for remote debugging: exits before any window or core exists', async () => {
    Object.assign(fake, { isPackaged: true, ventanas: [], nucleo: null, salida: null })
    fake.ipc.clear()
    process.argv.push('--remote-debugging-port=9222')
    try {
      vi.resetModules()
      await import('../../../src/main/index')
      await new Promise((r) => setTimeout(r, 200))
      expect(fake.salida).toBe(1)
      expect(fake.ventanas).toEqual([])
      expect(fake.nucleo).toBeNull()
      expect(fake.ipc.size).toBe(0)
    } finally {
      process.argv.pop()
    }
  })

  it('in development: the same variables choose the page, module and file', async () => {
    await arrancar(false)
    expect(fake.userData).toBe(userData)
    expect(fake.nucleo).toMatchObject({
      dbPath: path.join(dir.dir, 'flag.db'),
      nativeBinding: ajeno
    })
    const sqlite = await import('../../../src/main/core/db/sqlite')
    expect(sqlite.bindingNativo()).toBe(ajeno)
    sqlite.usarBindingNativo(undefined)
    expect(fake.ventanas[0]!.url).toBe('http://evil.example:8080')
    expect(fake.ventanas[0]!.options.webPreferences.devTools).toBe(true)
    expect(conDevtools()).toBe(true)
    expect(await desde('http://evil.example:8080/')).toEqual({ ok: true, value: 'llamado' })
  })
})
