import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  igualSeguro,
  llamadaDirecta,
  startBridge,
  TOKEN_HEADER,
  type Bridge
} from '../../../src/main/bridge/server'
import { openTestApp, tempDir, type TestApp } from '../../helpers/db'

let t: TestApp
let bridge: Bridge
let statics: { dir: string; cleanup: () => void }
const TOKEN = 'token-de-prueba-123'

beforeAll(async () => {
  t = await openTestApp()
  statics = tempDir()
  fs.writeFileSync(
    path.join(statics.dir, 'index.html'),
    '<html><head><title>x</title></head><body></body></html>'
  )
  fs.writeFileSync(path.join(statics.dir, 'app.js'), 'console.log(1)')
  bridge = await startBridge({
    call: llamadaDirecta(t.api, () => {}),
    token: TOKEN,
    staticDir: statics.dir,
    log: () => {}
  })
})
afterAll(async () => {
  await bridge.close()
  await t.close()
  statics.cleanup()
})

/** A raw request, so headers such as Host can be set as an attacker would. */
function request(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(bridge.url)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        method,
        path: urlPath,
        headers: { host: url.host, ...headers }
      },
      (res) => {
        let data = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (data += c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data })
        )
      }
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const api = (
  channel: string,
  input: unknown,
  headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }
) =>
  request(
    'POST',
    `/api/${channel}`,
    { 'content-type': 'application/json', ...headers },
    JSON.stringify(input)
  )

describe('HTTP bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1')
  })

  it('serves the contract to a caller with the token', async () => {
    const r = await api('institucion:listar', {})
    expect(r.status).toBe(200)
    const body = JSON.parse(r.body) as { ok: boolean; value: { sigla: string }[] }
    expect(body.ok).toBe(true)
    expect(body.value.map((i) => i.sigla)).toContain('SERNAM')
  })

  it('refuses calls without the token, and changes nothing', async () => {
    const r = await api('institucion:crear', { sigla: 'X', nombre: 'Y' }, {})
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'no_autorizado' } })
    expect(await t.app.db.selectFrom('instituciones').select('id').execute()).toHaveLength(18)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await request(
      'POST',
      '/api/plan:listar',
      { host: 'evil.example:80', [TOKEN_HEADER]: TOKEN },
      '{}'
    )
    expect(r.status).toBe(421)
  })

  it('answers typed errors for bad JSON, bad input and oversize bodies', async () => {
    const bad = await request('POST', '/api/plan:listar', { [TOKEN_HEADER]: TOKEN }, '{no es json')
    expect(bad.status).toBe(400)
    const invalid = await api('accion:obtener', { id: 'x' })
    expect(JSON.parse(invalid.body)).toMatchObject({
      ok: false,
      error: { code: 'entrada_invalida' }
    })
    const big = await request(
      'POST',
      '/api/plan:listar',
      { [TOKEN_HEADER]: TOKEN },
      'x'.repeat(31 * 1024 * 1024)
    ).catch(() => ({ status: 413, headers: {}, body: '' }))
    expect(big.status).toBe(413)
  })

  it('serves the renderer with a strict CSP, and the token only to the page opened with an entry code', async () => {
    // Anyone on the computer may GET /: no token there.
    const r = await request('GET', '/')
    expect(r.status).toBe(200)
    expect(r.body).not.toContain(TOKEN)
    expect(r.headers['content-security-policy']).toContain("script-src 'self'")
    const entrada = new URL(bridge.entrada())
    const pagina = await request('GET', entrada.pathname + entrada.search)
    expect(pagina.body).toContain(`<meta name="mitp-bridge-token" content="${TOKEN}">`)
    // No cookie: a browser would send it to every other server on 127.0.0.1, whatever its port,
    // and whoever got it could fetch the token here.
    expect(pagina.headers['set-cookie']).toBeUndefined()
    // The code works once.
    expect((await request('GET', entrada.pathname + entrada.search)).body).not.toContain(TOKEN)
    expect((await request('GET', '/?entrada=inventada')).body).not.toContain(TOKEN)
    const js = await request('GET', '/app.js')
    expect(js.headers['content-type']).toMatch(/javascript/)
  })

  it('refuses calls from a page of another origin, even with the token', async () => {
    const antes = await api('plan:arbol', {})
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null']) {
      const r = await api('plan:arbol', {}, { [TOKEN_HEADER]: TOKEN, origin })
      expect(r.status, origin).toBe(403)
      expect(r.body).not.toContain('ejes')
      expect((await request('GET', '/api/eventos', { [TOKEN_HEADER]: TOKEN, origin })).status).toBe(
        403
      )
    }
    const propio = await api(
      'plan:arbol',
      {},
      { [TOKEN_HEADER]: TOKEN, origin: `http://${new URL(bridge.url).host}` }
    )
    expect(propio.body).toBe(antes.body)
  })

  it('answers 400, not 500, to a malformed %-encoding in a channel name', async () => {
    for (const c of ['%E0%A4%A', '%', 'plan%3', '%ZZ']) {
      const r = await api(c, {})
      expect(r.status, c).toBe(400)
      expect(JSON.parse(r.body), c).toMatchObject({
        ok: false,
        error: { code: 'metodo_desconocido' }
      })
    }
  })

  it('compares the token in constant time (same work whatever the length or prefix)', () => {
    const comparar = vi.spyOn(crypto, 'timingSafeEqual')
    expect(igualSeguro(TOKEN, TOKEN)).toBe(true)
    expect(igualSeguro('x', TOKEN)).toBe(false)
    // Equal-length digests, compared by timingSafeEqual, for a right and a wrong token alike.
    expect(comparar).toHaveBeenCalledTimes(2)
    comparar.mockRestore()
    for (const x of [undefined, '', 't', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase()])
      expect(igualSeguro(x, TOKEN), String(x)).toBe(false)
  })

  it('does not follow a symbolic link out of its folder', async () => {
    const fuera = tempDir()
    fs.writeFileSync(path.join(fuera.dir, 'secreto.js'), 'SECRETO')
    fs.symlinkSync(path.join(fuera.dir, 'secreto.js'), path.join(statics.dir, 'enlace.js'))
    fs.symlinkSync(fuera.dir, path.join(statics.dir, 'carpeta'))
    try {
      for (const p of ['/enlace.js', '/carpeta/secreto.js'])
        expect((await request('GET', p)).body, p).not.toContain('SECRETO')
    } finally {
      fuera.cleanup()
    }
  })

  it('never serves files outside its folder', async () => {
    const r = await request('GET', '/../../../../etc/passwd')
    expect(r.body).not.toContain('root:')
    const enc = await request('GET', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd')
    expect(enc.body).not.toContain('root:')
    const malformed = await request('GET', '/%E0%A4%A')
    expect(malformed.status).toBe(200) // falls back to the app page
  })
})
