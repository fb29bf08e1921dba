import crypto from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import type { AddressInfo } from 'node:net'
import type { ApiHandlers } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/api/result'
import type { Evento } from '../../shared/api/eventos'
import { dispatch, type Logger } from '../core/dispatch'
import { errorDeEscucha } from './puerto'
import { CONTENT_SECURITY_POLICY, readStatic } from '../core/static-files'
import { cabecerasDescarga, idDeRuta, leerDescarga, RUTA_DESCARGAS } from '../core/descargas'
import type { Descarga } from '../core/descargas'

/**
 * The API over HTTP, for development and browser tests only: never bundled into the app.
 * Listens on 127.0.0.1, answers only requests that carry this run's random token and name
 * this server as their host (so a web page elsewhere cannot reach it through DNS tricks).
 */
export interface BridgeOptions {
  /** Serves one contract call: the core's worker host, or dispatch over handlers in tests. */
  call: (channel: string, input: unknown) => Promise<ApiResult<unknown>>
  /** Where events come from, to stream to the page (Server-Sent Events at /api/eventos). */
  alEvento?: (escucha: (evento: Evento) => void) => () => void
  token: string
  /**
   * The file offered under a one-time id (`nucleo.descarga`, or `tomarDescarga` in this process),
   * streamed at GET /descargas/<id>; no downloads where not given.
   */
  descarga?: (id: string) => Promise<Descarga | null>
  /** Built renderer to serve at /, with the token handed to the page in a meta tag. */
  staticDir?: string
  port?: number
  log: Logger
}

export interface Bridge {
  url: string
  /**
   * The address to open the page at, with a one-time entry code: the page is given the token only
   * there, never to whoever GETs `/`. The page keeps it in its sessionStorage for reloads.
   */
  entrada(): string
  close(): Promise<void>
}

/** Compares secrets in constant time, whatever their lengths. */
export function igualSeguro(a: string | undefined, b: string): boolean {
  const h = (x: string): Buffer => crypto.createHash('sha256').update(x).digest()
  return typeof a === 'string' && crypto.timingSafeEqual(h(a), h(b))
}

const ENTRADA_MS = 10 * 60_000

/**
 * One-time entry codes. No cookie carries the token to later loads: a browser sends cookies for
 * 127.0.0.1 to every port on it, so any other local server would receive it; sessionStorage is
 * kept per origin (port included), so only this server's page reads it back.
 */
class Entradas {
  private readonly vigentes = new Map<string, number>()
  nueva(): string {
    const n = crypto.randomBytes(16).toString('hex')
    this.vigentes.set(n, Date.now() + ENTRADA_MS)
    return n
  }
  /** True once for a code that was handed out and has not expired. */
  usar(n: string | null): boolean {
    const vence = n ? this.vigentes.get(n) : undefined
    if (n) this.vigentes.delete(n)
    return vence !== undefined && vence > Date.now()
  }
}

export const TOKEN_HEADER = 'x-mitp-token'
export const EVENTOS = '/api/eventos'
// Room for a 20 MB workbook sent as base64.
const MAX_BODY = 30 * 1024 * 1024

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const root = options.staticDir ? path.resolve(options.staticDir) : undefined
  const entradas = new Entradas()
  let port = 0
  const server = http.createServer((req, res) => {
    atender(req, res, options, root, port, entradas).catch((error: unknown) => {
      options.log('bridge', error)
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Error interno')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(errorDeEscucha(e, options.port ?? 0)))
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    entrada: () => `http://127.0.0.1:${port}/?entrada=${entradas.nueva()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

async function atender(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: BridgeOptions,
  root: string | undefined,
  port: number,
  entradas: Entradas
): Promise<void> {
  const host = req.headers.host ?? ''
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return send(res, 421, 'text/plain; charset=utf-8', 'Host no permitido')
  }
  // A page from elsewhere (another local server, a site) is refused before anything is read.
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`)
    return send(res, 403, 'text/plain; charset=utf-8', 'Origen no permitido')
  const url = req.url ?? '/'
  if (url === EVENTOS) return eventos(req, res, options)
  if (url.startsWith('/api/')) return llamada(req, res, options, url)
  if (url.startsWith(RUTA_DESCARGAS)) return descargar(req, res, options, url)
  if (!root || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return send(res, 404, 'text/plain; charset=utf-8', 'No encontrado')
  }
  const file = (await readStatic(root, url)) ?? (await readStatic(root, '/index.html'))
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'No encontrado')
  if (!file.type.startsWith('text/html')) return send(res, 200, file.type, file.body)
  // The token goes only to the page opened with a one-time entry code.
  const codigo = new URL(url, 'http://x').searchParams.get('entrada')
  const body = entradas.usar(codigo)
    ? file.body
        .toString('utf8')
        .replace('</head>', `<meta name="mitp-bridge-token" content="${options.token}"></head>`)
    : file.body
  return send(res, 200, file.type, body)
}

/** POST /api/<channel>: one contract call, answered as JSON. */
async function llamada(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: BridgeOptions,
  url: string
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST')
  if (!igualSeguro(cabecera(req), options.token)) {
    return json(res, 401, {
      ok: false,
      error: { code: 'no_autorizado', message: 'Acceso no autorizado.' }
    })
  }
  const body = await readBody(req)
  if (body === null) {
    return json(res, 413, {
      ok: false,
      error: { code: 'entrada_invalida', message: 'Solicitud demasiado grande.' }
    })
  }
  let input: unknown
  try {
    input = body.length ? JSON.parse(body) : undefined
  } catch {
    return json(res, 400, {
      ok: false,
      error: { code: 'entrada_invalida', message: 'JSON no válido.' }
    })
  }
  let channel: string
  try {
    channel = decodeURIComponent(url.slice('/api/'.length))
  } catch {
    return json(res, 400, {
      ok: false,
      error: { code: 'metodo_desconocido', message: 'Operación desconocida.' }
    })
  }
  return json(res, 200, await options.call(channel, input))
}

/**
 * GET /descargas/<id>: the file streamed from disk (memory does not grow with its size). No
 * token: an anchor click cannot send one, so the one-time id is the permission.
 */
async function descargar(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: BridgeOptions,
  url: string
): Promise<void> {
  if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET')
  const id = idDeRuta(url)
  const d = id && options.descarga ? await options.descarga(id) : null
  if (!d) return send(res, 404, 'text/plain; charset=utf-8', 'Descarga no disponible o ya usada.')
  const flujo = leerDescarga(d)
  // Hung up while the core was asked (its thread may be busy for seconds): 'close' has been
  // emitted already, so the file is closed (and its temporary copy removed) here.
  if (res.destroyed || req.socket.destroyed) return void flujo.destroy()
  res.writeHead(200, cabecerasDescarga(d))
  pipeline(flujo, res, (e) => {
    if (e && e.code !== 'ERR_STREAM_PREMATURE_CLOSE') options.log('descarga', e)
  })
}

/** GET /api/eventos: one stream per page, every event as `data: JSON`, until the page goes. */
function eventos(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: BridgeOptions
): void {
  if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Use GET')
  if (!igualSeguro(cabecera(req), options.token))
    return send(res, 401, 'text/plain; charset=utf-8', 'Acceso no autorizado.')
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  res.write(': conectado\n\n')
  const dejar = options.alEvento?.((e) => res.write(`data: ${JSON.stringify(e)}\n\n`))
  req.on('close', () => dejar?.())
}

function cabecera(req: http.IncomingMessage): string | undefined {
  const v = req.headers[TOKEN_HEADER]
  return typeof v === 'string' ? v : undefined
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store'
  })
  res.end(body)
}

function json(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        resolve(null)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** A bridge's `call` over handlers in this process (tests without the worker). */
export const llamadaDirecta =
  (handlers: ApiHandlers, log: Logger): BridgeOptions['call'] =>
  (channel, input) =>
    dispatch(handlers, channel, input, log)
