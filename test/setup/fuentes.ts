import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Which tests a vitest configuration runs is read from the tests' own text and the test helpers
// they import (vitest.mutation.config.mts, vitest.postgres.config.mts), so a new test file needs
// no edit there.

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Test files under dir, as paths relative to the project root. */
export function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name)
    if (e.isDirectory()) return testFiles(p)
    return e.name.endsWith('.test.ts') ? [p] : []
  })
}

export interface Lectura {
  /** Helpers not read (nor what they import). */
  omit?: RegExp
  /** How many levels of imports are read; all by default. */
  depth?: number
}

/**
 * The file's text, then the text of the test helpers and fixtures it imports (sources under src/
 * are not read).
 */
export function sources(file: string, lectura: Lectura = {}, seen = new Set<string>()): string[] {
  if (seen.has(file) || !fs.existsSync(path.join(root, file))) return []
  seen.add(file)
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  const { omit, depth = Infinity } = lectura
  if (depth < 1) return [text]
  const helpers = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((m) => path.posix.join(path.posix.dirname(file), `${m[1]}.ts`))
    .filter((f) => f.startsWith('test/') && !omit?.test(f))
  const siguiente = { omit, depth: depth - 1 }
  return [text, ...helpers.flatMap((h) => sources(h, siguiente, seen))]
}
