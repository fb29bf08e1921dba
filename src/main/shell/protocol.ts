import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY, readStatic } from '../core/static-files'

import { APP_SCHEME } from './origin'

/** Must run before the app is ready: gives app:// a real origin, unlike file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves the built renderer from app://mitp/, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'mitp' ? await readStatic(rendererDir, url.pathname) : null
    if (!file) return new Response('No encontrado', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY }
    })
  })
}
