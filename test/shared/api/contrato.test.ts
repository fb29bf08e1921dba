import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { CHANNELS } from '../../../src/shared/api/channels'
import { contract, DOMINIOS, type PreloadApi } from '../../../src/shared/api/contract'
import {
  llamadaDirecta,
  startBridge,
  TOKEN_HEADER,
  type Bridge
} from '../../../src/main/bridge/server'
import { openTestApp, type TestApp } from '../../helpers/db'
import { CANAL_EVENTOS } from '../../../src/shared/api/eventos'

/**
 * The contract is the one list of methods: every method has a schema, a handler, a way through
 * the preload and an HTTP route. Derived from the contract, so a new method is checked here
 * without anyone listing it.
 */
const exposed = new Map<string, unknown>()
const invoked: [string, unknown][] = []
const oyentes = new Map<string, (e: unknown, x: unknown) => void>()
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    on: (canal: string, f: (e: unknown, x: unknown) => void) => oyentes.set(canal, f),
    removeListener: (canal: string) => oyentes.delete(canal),
    invoke: (channel: string, input: unknown) => {
      invoked.push([channel, input])
      return Promise.resolve({ ok: true, value: channel })
    }
  }
}))

let t: TestApp
let bridge: Bridge
beforeAll(async () => {
  t = await openTestApp()
  bridge = await startBridge({ call: llamadaDirecta(t.api, () => {}), token: 'tok', log: () => {} })
})
afterAll(async () => {
  await bridge.close()
  await t.close()
})

describe('every method of the contract', () => {
  it('is named domain:verb and has a zod input schema', () => {
    expect(CHANNELS.length).toBeGreaterThanOrEqual(70)
    for (const c of CHANNELS) {
      expect(c).toMatch(/^[a-z]+:[a-z]+$/)
      expect(contract[c].input, c).toBeInstanceOf(z.ZodType)
    }
  })

  it('belongs to exactly one domain: no domain hides the method of another', () => {
    const nombres = Object.values(DOMINIOS).flatMap((m) => Object.keys(m))
    expect(nombres.length).toBe(CHANNELS.length)
    expect(new Set(nombres).size).toBe(nombres.length)
  })

  it('has exactly one handler, and there is no handler without a method', () => {
    expect(Object.keys(t.api).sort()).toEqual([...CHANNELS].sort())
    for (const c of CHANNELS) expect(typeof t.api[c], c).toBe('function')
  })

  it('goes through the preload, channel and input unchanged', async () => {
    await import('../../../src/preload/index')
    const mitp = exposed.get('mitp') as PreloadApi
    expect(Object.keys(mitp).sort()).toEqual(['alEvento', 'invoke'])
    for (const c of CHANNELS) {
      await expect(mitp.invoke(c, { probe: c } as never)).resolves.toEqual({ ok: true, value: c })
    }
    expect(invoked).toEqual(CHANNELS.map((c) => [c, { probe: c }]))
    // Events reach the page without Electron's event object, and the subscription ends.
    const recibidos: unknown[] = []
    const dejar = mitp.alEvento((e) => recibidos.push(e))
    oyentes.get(CANAL_EVENTOS)!({ sender: 'secreto' }, { tipo: 'tarea' })
    expect(recibidos).toEqual([{ tipo: 'tarea' }])
    dejar()
    expect(oyentes.has(CANAL_EVENTOS)).toBe(false)
  })

  it('has an HTTP route on the bridge that reaches its schema', async () => {
    for (const c of CHANNELS) {
      const res = await fetch(`${bridge.url}/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'tok' },
        body: JSON.stringify({ id: 'no-es-un-id' })
      })
      const body = (await res.json()) as { ok: boolean; error?: { code: string } }
      expect(typeof body.ok, c).toBe('boolean')
      expect(body.error?.code, c).not.toBe('metodo_desconocido')
    }
    const otro = await fetch(`${bridge.url}/api/nada:inventado`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'tok' },
      body: '{}'
    })
    expect(await otro.json()).toMatchObject({ ok: false, error: { code: 'metodo_desconocido' } })
  })
})
