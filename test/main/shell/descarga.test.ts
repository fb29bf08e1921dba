import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openTestApp, tempDir, type TestApp } from '../../helpers/db'

// «Respaldar ahora» hands the backup to Chromium's download, which once saved it wherever the
// native dialog said: over the live database too. The shell asks itself and refuses that place.
type Handler = (...args: unknown[]) => unknown
const fake = vi.hoisted(() => ({
  descarga: null as null | ((event: unknown, item: unknown) => void),
  respuestas: [] as (string | undefined)[],
  avisos: [] as string[]
}))
vi.mock('electron', () => ({
  app: { getPath: () => '/descargas' },
  BrowserWindow: class {
    webContents = {
      on: () => {},
      setWindowOpenHandler: () => {},
      session: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        on: (event: string, h: Handler) => {
          if (event === 'will-download') fake.descarga = h
        }
      }
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve()
    }
  },
  Notification: class {},
  shell: {},
  dialog: {
    showSaveDialogSync: () => fake.respuestas.shift(),
    showMessageBoxSync: (o: { detail: string }) => {
      fake.avisos.push(o.detail)
      return 0
    }
  }
}))
const { createMainWindow } = await import('../../../src/main/shell/window')

let t: TestApp
const dir = tempDir('mitp-descarga-')
beforeAll(async () => {
  t = await openTestApp()
  createMainWindow(null, false, () => t.file)
}, 60_000)
afterAll(async () => {
  await t.close()
  dir.cleanup()
})

/** The download of «Respaldar ahora» as the shell sees it: where it was saved, or cancelled. */
function descargar(): { guardado: string | null; cancelado: boolean } {
  const r = { guardado: null as string | null, cancelado: false }
  fake.descarga!(
    {},
    {
      getFilename: () => 'secretaria-mitp-respaldo-2026-11-30.db',
      setSavePath: (p: string) => (r.guardado = p),
      cancel: () => (r.cancelado = true),
      once: () => {}
    }
  )
  return r
}

describe('saving what the page hands over', () => {
  it('the live database (or its -wal), chosen in the dialog: said why, asked again', () => {
    fs.symlinkSync(t.file, path.join(dir.dir, 'enlace.db'))
    const bueno = path.join(dir.dir, 'respaldo.db')
    fake.respuestas = [t.file, `${t.file}-wal`, path.join(dir.dir, 'enlace.db'), bueno]
    fake.avisos = []
    expect(descargar()).toEqual({ guardado: bueno, cancelado: false })
    expect(fake.avisos).toHaveLength(3)
    for (const a of fake.avisos) expect(a).toMatch(/^No se puede guardar en ".*": es /)
  })

  it('cancelled in the dialog: the download is cancelled', () => {
    fake.respuestas = [undefined]
    expect(descargar()).toEqual({ guardado: null, cancelado: true })
  })

  it('another place: saved there at once', () => {
    fake.avisos = []
    fake.respuestas = [path.join(dir.dir, 'otro.db')]
    expect(descargar()).toEqual({ guardado: path.join(dir.dir, 'otro.db'), cancelado: false })
    expect(fake.avisos).toEqual([])
  })
})
