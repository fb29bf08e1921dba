import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/main/core/csp'

/**
 * The built page carries its CSP in a meta tag too (the app's protocol also sends it as a
 * header), so static checkers see it. Only at build: the dev server injects inline scripts.
 * frame-ancestors is ignored in a meta tag, so it is left to the header.
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'mitp-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`
      )
  }
}

// main and preload keep package.json "dependencies" external (better-sqlite3 is native);
// the renderer bundles everything it imports.
export default defineConfig({
  main: {
    build: {
      // The shell, and the core's worker thread it starts (out/main/nucleo.js).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          nucleo: resolve(__dirname, 'src/main/core/host/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves every bundle unminified; the renderer is the one the user waits on.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    plugins: [react(), cspMeta()]
  }
})
