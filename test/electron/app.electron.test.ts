import fs from 'node:fs'
import path from 'node:path'
import { _electron, type ElectronApplication } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/db'

/**
 * The real Electron app. Needs two things this build machine cannot download: the Electron
 * binary, and better-sqlite3 built for Electron (MITP_SQLITE_BINDING or build-electron/).
 * Where either is missing the suite is skipped and says so.
 */
function electronBinary(): string | null {
  // Read what `require('electron')` would return without calling it: that call tries to
  // download the binary when it is missing.
  const pkg = path.join(ROOT, 'node_modules', 'electron')
  const pathFile = path.join(pkg, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const rel = fs.readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist')
  const bin = path.join(dist, rel)
  return fs.existsSync(bin) ? bin : null
}
const binary = electronBinary()
const binding =
  process.env.MITP_SQLITE_BINDING ?? path.join(ROOT, 'build-electron', 'better_sqlite3.node')
const missing = [
  !binary && 'the Electron binary',
  !fs.existsSync(binding) && 'better-sqlite3 built for Electron'
].filter(Boolean)
if (missing.length) {
  console.warn(`[electron] SKIPPED: ${missing.join(' and ')} not available on this machine.`)
}

describe.skipIf(missing.length > 0)('Electron app (needs the Electron binary)', () => {
  let app: ElectronApplication | undefined
  const dir = tempDir()
  afterAll(async () => {
    await app?.close()
    dir.cleanup()
  })

  it('opens one secure window showing the seeded plan', async () => {
    app = await _electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'out/main/index.js'), `--db=${path.join(dir.dir, 'mitp.db')}`],
      env: { ...process.env, MITP_SQLITE_BINDING: binding }
    })
    const page = await app.firstWindow()
    await page
      .getByRole('heading', { name: /Plan de Acción contra la Trata de Personas/ })
      .waitFor()
    expect(await page.locator('article[data-codigo]').count()).toBe(25)
    expect(
      await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)
    ).toBe('undefined')
    expect(new URL(page.url()).protocol).toBe('app:')
  })
})
