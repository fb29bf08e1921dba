import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'

// The bridge's page keeps its token where only its own origin reads it. A browser sends the
// cookies of 127.0.0.1 to every port on it: whatever another local server receives from the same
// browser must not get it the token, nor work as a credential.
let w: WebApp
let otro: http.Server
let otroUrl: string
const recibido: (string | undefined)[] = []
beforeAll(async () => {
  w = await openWebApp()
  otro = http.createServer((req, res) => {
    recibido.push(req.headers.cookie)
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>otro</title><p>otro servidor</p>')
  })
  await new Promise<void>((r) => otro.listen(0, '127.0.0.1', () => r()))
  otroUrl = `http://127.0.0.1:${(otro.address() as AddressInfo).port}/`
})
afterAll(async () => {
  await new Promise<void>((r) => otro?.close(() => r()))
  await w?.close()
})

/** GET / of the bridge as another local program would, with the cookies it was sent. */
function paginaCon(cookie: string | undefined): Promise<string> {
  const url = new URL(w.bridge.url)
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/',
          headers: { host: url.host, ...(cookie ? { cookie } : {}) }
        },
        (res) => {
          let data = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => (data += c))
          res.on('end', () => resolve(data))
        }
      )
      .on('error', reject)
  })
}

const plan = () =>
  w.page.getByRole('heading', { name: /Plan de Acción contra la Trata de Personas/ }).waitFor()

describe('the bridge token in a real browser', () => {
  it('reaches no other port of 127.0.0.1, and what reaches one gets nothing from the bridge', async () => {
    const { page } = w
    // The used entry code has left the address bar.
    await page.waitForURL((u) => !u.search.includes('entrada='))
    // The plan's data comes through the API: the page calls it with its token.
    await page.goto(`${w.bridge.url}#/plan`)
    await plan()
    expect(await page.context().cookies()).toEqual([])
    const otra = await page.context().newPage()
    await otra.goto(otroUrl)
    await otra.getByText('otro servidor').waitFor()
    expect(recibido.length).toBeGreaterThan(0)
    expect(recibido.filter((c) => c !== undefined)).toEqual([])
    // Replayed by that server, what it was sent gets no token.
    for (const c of recibido) expect(await paginaCon(c)).not.toMatch(/mitp-bridge-token/)
    // That page cannot read the bridge page's storage either (another origin).
    expect(await otra.evaluate(() => sessionStorage.length)).toBe(0)
    await otra.close()
  })

  it('the page keeps working after a reload; a new tab without an entry code is refused', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/plan`)
    await plan()
    await page.reload()
    await plan()
    expect(await page.locator('article[data-codigo]').count()).toBeGreaterThan(0)
    const nueva = await page.context().newPage()
    await nueva.goto(w.bridge.url)
    const status = await nueva.evaluate(async () => {
      const r = await fetch('/api/plan:arbol', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-mitp-token': sessionStorage.getItem('mitp-bridge-token') ?? ''
        },
        body: '{}'
      })
      return r.status
    })
    expect(status).toBe(401)
    await nueva.close()
  })
})
