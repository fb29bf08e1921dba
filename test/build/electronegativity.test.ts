import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/db'

/**
 * @doyensec/electronegativity on the TypeScript sources and on the built app. It reports findings
 * rather than failing, so any HIGH or MEDIUM finding fails here unless the code carries, on the
 * flagged line or in the comment lines directly above it, "electronegativity CHECK_NAME: why".
 * The sources are scanned because the bundle hides the windows from it (it only recognises
 * `new BrowserWindow(`, and the bundle says `new electron.BrowserWindow(`); the bundle is scanned
 * for what only it holds (the page with its CSP). scripts/sin-red.cjs fails its online lookups
 * locally, and the Electron version is given.
 */
interface Finding {
  id: string
  severity: string
  confidence: string
  file: string
  line: number
  column: number
  sample: string
}
interface Scan {
  input: string
  checks: number
  errors: { file: string; message: string }[]
  issues: Finding[]
}

const dir = tempDir('mitp-eneg-')
afterAll(() => dir.cleanup())

/** Both windows' sources with the sandbox switched off: the scan must notice. */
const CANARIES = ['src/main/shell/window.ts', 'src/main/shell/pdf.ts']
const canaryDir = path.join(dir.dir, 'canary')
const builtDir = path.join(dir.dir, 'out')

let canary: Scan
let sources: Scan
let built: Scan
beforeAll(() => {
  fs.mkdirSync(canaryDir)
  for (const f of CANARIES) {
    const text = fs
      .readFileSync(path.join(ROOT, f), 'utf8')
      .replace('sandbox: true', 'sandbox: false')
    fs.writeFileSync(path.join(canaryDir, path.basename(f)), text)
  }
  const electron = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')
  ).devDependencies.electron.replace(/^[\^~]/, '') as string
  // The built app as it ships, less the page's JavaScript bundle: it is a web page that cannot
  // reach Electron (no preload API but `invoke`, lint bans electron in the renderer), and the
  // tool cannot parse its libraries' modern syntax (private class fields).
  for (const part of ['main', 'preload'])
    fs.cpSync(path.join(ROOT, 'out', part), path.join(builtDir, part), { recursive: true })
  fs.mkdirSync(path.join(builtDir, 'renderer'))
  fs.copyFileSync(
    path.join(ROOT, 'out', 'renderer', 'index.html'),
    path.join(builtDir, 'renderer', 'index.html')
  )
  const report = path.join(dir.dir, 'report.json')
  const r = spawnSync(
    process.execPath,
    [
      '--require',
      path.join(ROOT, 'scripts/sin-red.cjs'),
      path.join(ROOT, 'scripts/electronegativity.cjs'),
      report,
      electron,
      canaryDir,
      path.join(ROOT, 'src'),
      builtDir
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 160_000 }
  )
  expect(r.status, r.stderr).toBe(0)
  ;[canary, sources, built] = JSON.parse(fs.readFileSync(report, 'utf8')) as Scan[]
}, 170_000)

const grave = (f: Finding): boolean => f.severity === 'HIGH' || f.severity === 'MEDIUM'
const show = (root: string, f: Finding): string =>
  `${f.id} ${f.severity} ${root}/${f.file}:${f.line} ${f.sample}`

/** Whether `file` justifies `id` at `line`: on that line or in the comment block right above. */
function justifiedAt(text: string, line: number, id: string): boolean {
  const lines = text.split('\n')
  if (line < 1 || line > lines.length) return false
  const near = [lines[line - 1]!]
  for (let i = line - 2; i >= 0 && /^\s*(\/\/|\/\*|\*|<!--)/.test(lines[i]!); i--)
    near.push(lines[i]!)
  const tag = new RegExp(`electronegativity ${id}:\\s*\\S`)
  return near.some((l) => tag.test(l))
}

function justified(root: string, f: Finding): boolean {
  const file = path.join(ROOT, root, f.file)
  return fs.existsSync(file) && justifiedAt(fs.readFileSync(file, 'utf8'), f.line, f.id)
}

describe('electronegativity', () => {
  it('reads every file it is given', () => {
    for (const s of [canary, sources, built]) {
      expect(s.checks, s.input).toBeGreaterThan(30)
      expect(s.errors, s.input).toEqual([])
    }
  })

  it('sees the options of both windows in the sources: an unsandboxed one is a finding', () => {
    const seen = canary.issues.filter((f) => f.id === 'SANDBOX_JS_CHECK').map((f) => f.file)
    expect(seen.sort()).toEqual(CANARIES.map((f) => path.basename(f)).sort())
  })

  it('finds no unjustified HIGH or MEDIUM issue in the sources', () => {
    // Findings with no place (file "N/A") are about the whole app: judged on the built app.
    const found = sources.issues.filter((f) => grave(f) && f.file !== 'N/A')
    expect(found.length).toBeGreaterThan(0)
    expect(found.filter((f) => !justified('src', f)).map((f) => show('src', f))).toEqual([])
  })

  it('finds no unjustified HIGH or MEDIUM issue in the built app', () => {
    // Comments do not survive into the bundle: a finding in its JS is justified by a justified
    // finding of the same check in the sources, one for one; anything else by its own line.
    const budget = new Map<string, number>()
    for (const f of sources.issues.filter((f) => grave(f) && justified('src', f)))
      budget.set(f.id, (budget.get(f.id) ?? 0) + 1)
    const unjustified = built.issues.filter((f) => {
      if (!grave(f) || justified('out', f)) return false
      const left = f.file.endsWith('.js') ? (budget.get(f.id) ?? 0) : 0
      budget.set(f.id, left - 1)
      return left <= 0
    })
    expect(unjustified.map((f) => show('out', f))).toEqual([])
  })
})
