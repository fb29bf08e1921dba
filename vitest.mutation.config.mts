import { defineConfig } from 'vitest/config'
import { sources, testFiles } from './test/setup/fuentes'

// The fast, in-process suite that Stryker runs for every mutant (see stryker.config.mjs).
// Only tests on temporary SQLite files inside this process: a test file that spawns a process
// (the CLI, LibreOffice, pdftotext, Chromium, the crash harness) or a worker thread, itself or through a test
// helper, is left out. So are the randomised fast-check tests (thousands of operations, ~20 s
// each for every mutant they cover) unless MITP_MUTATION_PROPERTIES=1. Files are classified by
// their imports, so new ones need no edit here.
const SPAWNS = [
  /helpers\/(cli|office|browser)['"]/,
  /['"](node:)?child_process['"]/,
  /['"]playwright(-core)?['"]/,
  /crash-harness/,
  // The core in a worker thread: the mutant Stryker switches on lives in this thread's globals.
  /worker-dev['"]|workerDeDesarrollo/
]
const RANDOM = /['"]fast-check['"]/
// A file that mocks a module (the shell's `electron`) needs a module graph of its own: with
// `isolate: false` below, another file's mock of the same module would be the one it gets.
const MOCKS = /\bvi\.mock\(/
const SLOW_DIRS = ['test/browser/', 'test/build/', 'test/crash/', 'test/electron/']

const properties = process.env.MITP_MUTATION_PROPERTIES === '1'
const all = testFiles('test').filter((f) => !SLOW_DIRS.some((d) => f.startsWith(d)))
export const slowFiles = all.filter((f) =>
  sources(f).some(
    (s) => SPAWNS.some((re) => re.test(s)) || MOCKS.test(s) || (!properties && RANDOM.test(s))
  )
)
export const fastFiles = all.filter((f) => !slowFiles.includes(f))

export default defineConfig({
  test: {
    include: fastFiles,
    exclude: ['node_modules/**'],
    pool: 'forks',
    // One module graph for all files (Stryker runs one worker): ~4x faster per mutant. These
    // tests share no module state (those that mock a module are left out above); each opens
    // its own temporary database.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
