import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/db'

/**
 * @doyensec/electronegativity on the built app. It exits 0 whatever it finds, so its CSV report
 * is parsed here and any HIGH or MEDIUM finding fails the run, unless the source carries a
 * justification comment naming the check ("electronegativity CHECK_NAME: why"). It looks up
 * translations and Electron releases online on every run: scripts/sin-red.cjs makes those
 * lookups fail locally, and the Electron version is given.
 */
const dir = tempDir('mitp-eneg-')
afterAll(() => dir.cleanup())

function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const cells: string[] = []
    let cur = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"'
          i++
        } else if (ch === '"') quoted = false
        else cur += ch
      } else if (ch === '"') quoted = true
      else if (ch === ',') {
        cells.push(cur.trim())
        cur = ''
      } else cur += ch
    }
    cells.push(cur.trim())
    rows.push(cells)
  }
  return rows
}

/** Source files that justify a check by name, next to the code it flags. */
function justificados(): Set<string> {
  const found = new Set<string>()
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.(ts|tsx)$/.test(e.name))
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/electronegativity ([A-Z_]+):\s*\S/g))
          found.add(m[1]!)
    }
  }
  walk(path.join(ROOT, 'src'))
  return found
}

describe('electronegativity', () => {
  it('finds no unjustified HIGH or MEDIUM issue in the built app', () => {
    const electron = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')
    ).version as string
    const report = path.join(dir.dir, 'report.csv')
    execFileSync(
      process.execPath,
      [
        '--require',
        path.join(ROOT, 'scripts/sin-red.cjs'),
        path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
        '-i',
        path.join(ROOT, 'out'),
        '-e',
        electron,
        '-o',
        report,
        '-r'
      ],
      { cwd: ROOT, stdio: 'pipe', timeout: 120_000 }
    )
    const [header, ...rows] = parseCsv(fs.readFileSync(report, 'utf8'))
    expect(header?.slice(0, 2)).toEqual(['issue', 'severity'])
    const graves = rows.filter((r) => r[1] === 'HIGH' || r[1] === 'MEDIUM')
    const ok = justificados()
    const sinJustificar = graves
      .filter((r) => !ok.has(r[0]!))
      .map((r) => `${r[0]} ${r[1]} ${r[3]}:${r[4]} ${r[5]}`)
    expect(sinJustificar).toEqual([])
  })
})
