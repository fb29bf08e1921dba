import type { ApiTransport, Channel, Input, Output } from '../../../shared/api/contract'
import type { ApiError, ApiResult } from '../../../shared/api/result'
import type { Evento } from '../../../shared/api/eventos'

/**
 * The renderer's only way to the data: over the preload's IPC functions in the app, over the
 * local HTTP bridge in a plain browser. Both speak the same contract and never throw for a
 * refused call.
 */
function ipcTransport(): ApiTransport | null {
  const mitp = window.mitp
  if (!mitp) return null
  return mitp.invoke
}

const CLAVE_TOKEN = 'mitp-bridge-token'

/**
 * The bridge's token: in the page opened with a one-time entry code, then (reloads, other routes
 * in the same tab) from sessionStorage, which no page on another port can read. Never a cookie:
 * those go to every port of 127.0.0.1.
 */
function tokenDelPuente(): string {
  const dado = document.querySelector<HTMLMetaElement>(`meta[name="${CLAVE_TOKEN}"]`)?.content
  if (!dado) return sessionStorage.getItem(CLAVE_TOKEN) ?? ''
  sessionStorage.setItem(CLAVE_TOKEN, dado)
  // The entry code is used up: it leaves the address bar (and the history).
  const url = new URL(location.href)
  if (url.searchParams.has('entrada')) {
    url.searchParams.delete('entrada')
    history.replaceState(history.state, '', url)
  }
  return dado
}

function httpTransport(): ApiTransport {
  const token = tokenDelPuente()
  return async <C extends Channel>(channel: C, input: Input<C>): Promise<ApiResult<Output<C>>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mitp-token': token },
        body: JSON.stringify(input ?? {})
      })
      return (await res.json()) as ApiResult<Output<C>>
    } catch {
      return {
        ok: false,
        error: { code: 'interno', message: 'No se pudo conectar con el servicio local de datos.' }
      }
    }
  }
}

export const call: ApiTransport = ipcTransport() ?? httpTransport()

/** A refused call, for code that prefers exceptions (loaders). */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

export async function callOrThrow<C extends Channel>(
  channel: C,
  input: Input<C>
): Promise<Output<C>> {
  const r = await call(channel, input)
  if (!r.ok) throw new ApiCallError(r.error)
  return r.value
}

type Escucha = (evento: Evento) => void

/**
 * The core's events (task progress): pushed over IPC in the app; streamed by the bridge as
 * Server-Sent Events in a browser (read with fetch, which can carry the token header).
 */
export const alEvento: (escucha: Escucha) => () => void = window.mitp
  ? window.mitp.alEvento
  : eventosHttp()

function eventosHttp(): (escucha: Escucha) => () => void {
  const escuchas = new Set<Escucha>()
  let conectado = false
  const token = tokenDelPuente()
  async function conectar(): Promise<void> {
    try {
      const res = await fetch('/api/eventos', { headers: { 'x-mitp-token': token } })
      const lector = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      let resto = ''
      for (;;) {
        const { value, done } = await lector.read()
        if (done) break
        const partes = (resto + value).split('\n\n')
        resto = partes.pop() ?? ''
        for (const p of partes) {
          if (!p.startsWith('data: ')) continue
          const evento = JSON.parse(p.slice('data: '.length)) as Evento
          for (const e of escuchas) e(evento)
        }
      }
    } catch {
      // The local server went away or restarted: try again shortly.
    }
    setTimeout(() => void conectar(), 1000)
  }
  return (escucha) => {
    escuchas.add(escucha)
    if (!conectado) {
      conectado = true
      void conectar()
    }
    return () => void escuchas.delete(escucha)
  }
}
