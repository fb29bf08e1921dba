import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'

// Checks of what `electron-vite build` produced (this suite runs after the build).
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, 'out', rel), 'utf8')

describe('built bundles', () => {
  it('main: the Electron shell, without the development HTTP bridge', () => {
    const main = read('main/index.js')
    expect(main).toContain('require("electron")')
    expect(main).not.toMatch(/x-mitp-token|mitp-bridge-token|startBridge|createServer/)
  })

  it('main: every window is isolated and sandboxed', () => {
    const main = read('main/index.js')
    expect(main).toMatch(/contextIsolation:\s*true/)
    expect(main).toMatch(/sandbox:\s*true/)
    expect(main).toMatch(/nodeIntegration:\s*false/)
    expect(main).not.toMatch(/nodeIntegration:\s*true|webSecurity:\s*false/)
  })

  it('preload: CommonJS that requires nothing but electron (a sandboxed preload cannot)', () => {
    const preload = read('preload/index.js')
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(requires).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(preload).toContain('exposeInMainWorld("mitp"')
    expect(preload).not.toContain('exposeInMainWorld("ipcRenderer"')
  })

  it('renderer: no inline script, so the strict CSP holds', () => {
    const html = read('renderer/index.html')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) {
      expect(s[1]).toMatch(/src=/)
      expect(s[2]!.trim()).toBe('')
    }
  })
})
