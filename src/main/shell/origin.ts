/** Where our pages come from. No Electron import here, so the rule is testable under Node. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://mitp`

/**
 * scheme://host of a URL. Node's URL gives a custom scheme such as app:// the opaque origin
 * "null", so the origin is built by hand for every scheme alike.
 */
function originOf(url: string): string {
  const u = new URL(url)
  return `${u.protocol}//${u.host}`
}

/**
 * The page the shell decided to show (arranque.ts): app://mitp unless a development run set its
 * dev server here. Never read from the environment at call time, so a packaged app trusts only
 * app://mitp whatever variables it was started with.
 */
let decidido: { ELECTRON_RENDERER_URL?: string } = {}
export function fijarRenderer(url: string | null): void {
  decidido = url ? { ELECTRON_RENDERER_URL: url } : {}
}

/** The renderer's origin: the dev server while developing, app://mitp otherwise. */
export function rendererOrigin(env: { ELECTRON_RENDERER_URL?: string } = decidido): string {
  const dev = env.ELECTRON_RENDERER_URL
  return dev ? originOf(dev) : APP_ORIGIN
}

/** True only for a URL of our own renderer: every IPC call and navigation is checked with it. */
export function isTrustedUrl(
  url: string,
  env: { ELECTRON_RENDERER_URL?: string } = decidido
): boolean {
  try {
    return originOf(url) === rendererOrigin(env)
  } catch {
    return false
  }
}
