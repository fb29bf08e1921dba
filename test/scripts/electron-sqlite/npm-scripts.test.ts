import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/cli'

// npm runs pre<name> before `npm run <name>`: the preparation hangs on dev and package only.
const scripts = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts
const PREPARA = /scripts\/electron-sqlite\/main\.ts/

/** The scripts a run of `name` goes through, with the pre/post hooks npm adds. */
function alcanzados(name: string, vistos = new Set<string>()): Set<string> {
  for (const n of [`pre${name}`, name, `post${name}`]) {
    const s = scripts[n]
    if (s === undefined || vistos.has(n)) continue
    vistos.add(n)
    for (const m of s.matchAll(/npm run ([\w:.-]+)/g)) alcanzados(m[1]!, vistos)
  }
  return vistos
}

describe('when the Electron preparation runs', () => {
  it('first in npm run dev (with Electron’s binary) and npm run package (better-sqlite3 only)', () => {
    // In the script itself, not in predev/prepackage: npm skips those with ignore-scripts=true.
    expect(scripts.dev).toBe('tsx scripts/electron-sqlite/main.ts dev && electron-vite dev')
    expect(scripts.package).toBe(
      'tsx scripts/electron-sqlite/main.ts sqlite && electron-vite build && electron-builder'
    )
    expect(Object.keys(scripts).filter((n) => /^pre(dev|package)$/.test(n))).toEqual([])
    expect(scripts['build:sqlite-electron']).toBe('tsx scripts/electron-sqlite/main.ts sqlite')
  })

  it('never in npm test, npm install or .ci/run, which do not use Electron', () => {
    const vistos = new Set<string>()
    for (const n of ['test', 'install', 'prepare', 'ci', 'dev:web']) alcanzados(n, vistos)
    expect([...vistos]).toEqual(
      expect.arrayContaining(['test', 'typecheck', 'lint', 'test:unit', 'build', 'test:browser'])
    )
    expect([...vistos].filter((n) => PREPARA.test(scripts[n]!))).toEqual([])
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
    expect(ci).toMatch(/^npm test$/m)
    expect(ci).not.toMatch(/electron-sqlite|npm run (dev|package|build:sqlite-electron)\b/)
  })
})
