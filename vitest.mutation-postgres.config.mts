import { defineConfig } from 'vitest/config'
import { sources, testFiles } from './test/setup/fuentes'

// The mutation run for the code only a server runs (stryker.postgres.config.mjs): the writing
// turn (db/turno.ts), migrar's server paths. The in-process run (vitest.mutation.config.mts)
// cannot kill those mutants: its tests are on SQLite files. Here the tests that reach a real
// server from this process: those that start one (iniciarPostgres) and those that open the
// database through the helpers (openTestApp, dos-clientes), which the global setup's server
// receives. Left out, as in the in-process run: the CLI or Chromium in a process of their own,
// the core in a worker thread, module mocks.
const SERVIDOR = /iniciarPostgres|helpers\/dos-clientes['"]/
const FUERA = [
  /helpers\/(cli|office|browser)['"]/,
  /worker-dev['"]|workerDeDesarrollo/,
  /\bvi\.mock\(/,
  /['"]fast-check['"]/
]

export const servidorFiles = testFiles('test/main/core').filter((f) => {
  const [texto, ...ayudas] = sources(f, { depth: 1 })
  const todo = [texto!, ...ayudas]
  return SERVIDOR.test(texto!) && !todo.some((t) => FUERA.some((re) => re.test(t)))
})

export default defineConfig({
  test: {
    include: servidorFiles,
    exclude: ['node_modules/**'],
    globalSetup: ['test/setup/postgres-global.ts'],
    pool: 'forks',
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
