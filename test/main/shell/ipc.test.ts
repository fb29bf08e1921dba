import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/api/channels'
import { openTestApp, type TestApp } from '../../helpers/db'

// Electron cannot run here: stand in for ipcMain only, to exercise our own wrapper's rules.
const bound = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
      bound.set(channel, fn),
    removeHandler: (channel: string) => bound.delete(channel)
  }
}))

const { bindIpc } = await import('../../../src/main/shell/ipc')
const { isTrustedUrl } = await import('../../../src/main/shell/origin')

let t: TestApp
const logged: string[] = []
beforeEach(async () => {
  bound.clear()
  logged.length = 0
  t = await openTestApp()
  bindIpc(
    t.api,
    (url) => isTrustedUrl(url, {}),
    (m) => logged.push(m)
  )
  return () => t.close()
})

const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } })

describe('IPC wrapper', () => {
  it('binds every contract channel, and nothing else', () => {
    expect([...bound.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('serves our own page, parsing its input', async () => {
    const ok = (await bound.get('institucion:listar')!(
      from('app://mitp/index.html'),
      undefined
    )) as { ok: boolean; value: unknown[] }
    expect(ok.ok).toBe(true)
    expect(ok.value).toHaveLength(18)
    expect(
      await bound.get('accion:obtener')!(from('app://mitp/index.html'), { id: 'x' })
    ).toMatchObject({ ok: false, error: { code: 'entrada_invalida' } })
  })

  it('refuses any other sender before reading its input, and logs it', async () => {
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://otro/index.html',
      'http://127.0.0.1:5174/',
      null
    ]) {
      const r = await bound.get('institucion:crear')!(from(url), { sigla: 'X', nombre: 'Intrusa' })
      expect(r, String(url)).toEqual({
        ok: false,
        error: { code: 'no_autorizado', message: 'Acceso no autorizado.' }
      })
    }
    expect(await t.app.db.selectFrom('instituciones').select('id').execute()).toHaveLength(18)
    expect(logged).toHaveLength(5)
  })

  it('trusts the dev server origin only while developing', () => {
    expect(
      isTrustedUrl('http://localhost:5173/#/', { ELECTRON_RENDERER_URL: 'http://localhost:5173' })
    ).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/#/', {})).toBe(false)
    expect(isTrustedUrl('no es una url', {})).toBe(false)
  })
})
