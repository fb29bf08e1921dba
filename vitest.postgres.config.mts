import { defineConfig } from 'vitest/config'
import { sources, testFiles } from './test/setup/fuentes'

// The integration suite again, on a real PostgreSQL server (#17): test/setup/postgres-global.ts
// starts Debian's server on 127.0.0.1 in a temporary folder, and openTestApp gives each test a
// database of its own there. A test is left out when it reaches for what only a SQLite file has
// (its connection `handle`, the file but a zip's `.file(…)`, its pragmas and catalog, its backups
// and restores, the per-connection stamp clock): read from each test file and the test helpers it
// imports directly (test/setup/fuentes.ts), so a new test joins this run unless it touches those.
const SOLO_SQLITE =
  /\.handle\b|openAppDatabase|sqlite_master|pragma|fijarRelojSellos|better-sqlite3|\.file\b(?!\s*\()|respaldo(?!s\b)|restaur/
// Tests that start servers of their own, or are about SQLite against PostgreSQL: once is enough.
const PROPIOS = /iniciarPostgres|postgres-/

// The helpers that open either dialect themselves (they name both on purpose).
const DE_AMBOS = /\/helpers\/(db|consulta|dos-clientes|postgres-pruebas|postgres-servidor)\.ts$/

function soloSqlite(dir: string): string[] {
  return testFiles(dir).filter((f) => {
    const [texto, ...ayudas] = sources(f, { omit: DE_AMBOS, depth: 1 })
    const sqlite = [texto!, ...ayudas].some((t) => SOLO_SQLITE.test(t))
    return sqlite || PROPIOS.test(texto!) || PROPIOS.test(f)
  })
}

export default defineConfig({
  test: {
    include: ['test/main/core/**/*.test.ts'],
    exclude: [...soloSqlite('test/main/core'), 'node_modules/**'],
    globalSetup: ['test/setup/postgres-global.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 60_000
  }
})
