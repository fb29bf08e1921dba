import { isDeepStrictEqual } from 'node:util'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/api/channels'
import { openTestApp, type TestApp } from '../../helpers/db'
import { dispatch } from '../../../src/main/core/dispatch'

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
    (c, i) => dispatch(t.api, c, i, () => {}),
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

  // Look-alikes of app://mitp that a startsWith, includes or unanchored regex would let in.
  const LOOK_ALIKES = [
    'app://mitp.evil/index.html',
    'app://mitp./index.html',
    'app://mitp\t.evil/index.html',
    'app://mitp@evil/index.html',
    'app://mitpx/index.html',
    'app://mitp:80/index.html',
    'app://evil/app://mitp/index.html',
    'http://app://mitp/index.html',
    'file:///app://mitp/index.html',
    'data:text/html,app://mitp/index.html',
    'javascript:alert("app://mitp/index.html")'
  ]

  it('refuses any other sender before reading its input, and logs it', async () => {
    const senders = [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://otro/index.html',
      'http://127.0.0.1:5174/',
      null,
      ...LOOK_ALIKES
    ]
    const REFUSED = {
      ok: false,
      error: { code: 'no_autorizado', message: 'Acceso no autorizado.' }
    }
    const admitted: string[] = []
    for (const url of senders) {
      const r = await bound.get('institucion:crear')!(from(url), { sigla: 'X', nombre: 'Intrusa' })
      if (!isDeepStrictEqual(r, REFUSED)) admitted.push(String(url))
    }
    expect(admitted).toEqual([])
    expect(await t.app.db.selectFrom('instituciones').select('id').execute()).toHaveLength(18)
    expect(logged).toHaveLength(senders.length)
  })

  it('trusts the whole of our own origin, whatever the path', () => {
    for (const url of ['app://mitp/', 'app://mitp/index.html#/plan', 'app://mitp/a/../index.html'])
      expect(isTrustedUrl(url, {}), url).toBe(true)
  })

  it('trusts the dev server origin only while developing', () => {
    expect(
      isTrustedUrl('http://localhost:5173/#/', { ELECTRON_RENDERER_URL: 'http://localhost:5173' })
    ).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/#/', {})).toBe(false)
    for (const url of [
      'http://localhost:51730/',
      'http://localhost:5173.evil.example/',
      'http://localhost:5173@evil.example/'
    ])
      expect(isTrustedUrl(url, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }), url).toBe(false)
    expect(isTrustedUrl('no es una url', {})).toBe(false)
  })
})
