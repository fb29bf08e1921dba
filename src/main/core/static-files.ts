import fs from 'node:fs/promises'
import path from 'node:path'

export { CONTENT_SECURITY_POLICY } from './csp'

// Built renderer files, served by the app's protocol and by the dev bridge alike.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

export interface StaticFile {
  body: Buffer
  type: string
}

/** Reads a file under root for a URL path; null when missing or outside root. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let rel: string
  try {
    rel = decodeURIComponent(urlPath.split('?')[0] ?? '/').replace(/^\/+/, '') || 'index.html'
  } catch {
    return null
  }
  const base = path.resolve(root)
  const full = path.resolve(base, rel)
  if (!full.startsWith(base + path.sep)) return null
  try {
    // A symbolic link inside the folder must not lead out of it.
    const real = await fs.realpath(full)
    if (!real.startsWith((await fs.realpath(base)) + path.sep)) return null
    const body = await fs.readFile(real)
    return { body, type: TYPES[path.extname(full)] ?? 'application/octet-stream' }
  } catch {
    return null
  }
}
