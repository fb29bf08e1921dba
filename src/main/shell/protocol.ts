import { Readable } from 'node:stream'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY, readStatic } from '../core/static-files'
import { cabecerasDescarga, idDeRuta, leerDescarga, type Descarga } from '../core/descargas'

import { APP_SCHEME } from './origin'

/** Must run before the app is ready: gives app:// a real origin, unlike file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * Serves the built renderer from app://mitp/, with the CSP on every response, and the files the
 * core offers at app://mitp/descargas/<id> (once each), streamed from disk as attachments so
 * will-download asks where to save them.
 */
export function serveRenderer(
  rendererDir: string,
  descarga: (id: string) => Promise<Descarga | null> = async () => null
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const id = url.host === 'mitp' ? idDeRuta(url.pathname) : null
    if (id) {
      const d = await descarga(id)
      if (!d) return new Response('Descarga no disponible o ya usada.', { status: 404 })
      const cuerpo = Readable.toWeb(leerDescarga(d)) as ReadableStream<Uint8Array>
      return new Response(cuerpo, { headers: cabecerasDescarga(d) })
    }
    const file = url.host === 'mitp' ? await readStatic(rendererDir, url.pathname) : null
    if (!file) return new Response('No encontrado', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY }
    })
  })
}
