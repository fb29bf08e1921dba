import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The fast, in-process suite that Stryker runs for every mutant (see stryker.config.mjs).
// Only tests on temporary SQLite files inside this process: any test file that spawns a
// process (the CLI, LibreOffice, pdftotext, Chromium, the crash harness) is left out, found
// by its imports so that new files are classified without editing this list.
const SLOW = [
  /helpers\/(cli|office|browser)['"]/,
  /['"](node:)?child_process['"]/,
  /['"]playwright(-core)?['"]/,
  /crash-harness/
]
const SLOW_DIRS = ['test/browser/', 'test/build/', 'test/crash/', 'test/electron/']

const root = fileURLToPath(new URL('.', import.meta.url))

/** Test files under dir, as paths relative to the project root. */
function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name)
    if (e.isDirectory()) return testFiles(p)
    return e.name.endsWith('.test.ts') ? [p] : []
  })
}

const all = testFiles('test').filter((f) => !SLOW_DIRS.some((d) => f.startsWith(d)))
export const slowFiles = all.filter((f) => {
  const src = fs.readFileSync(path.join(root, f), 'utf8')
  return SLOW.some((re) => re.test(src))
})
export const fastFiles = all.filter((f) => !slowFiles.includes(f))

export default defineConfig({
  test: {
    include: fastFiles,
    exclude: ['node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
