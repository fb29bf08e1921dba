import fs from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

// The integration suite again, on a real PostgreSQL server (#17): test/setup/postgres-global.ts
// starts Debian's server on 127.0.0.1 in a temporary folder, and openTestApp gives each test a
// database of its own there. A test is left out when it reaches for what only a SQLite file has
// (its connection `handle`, the file, its pragmas and catalog, its backups and restores, the
// per-connection stamp clock, the packages between laptops): read from each file, so a new test
// joins this run unless it touches those.
const SOLO_SQLITE =
  /\.handle\b|openAppDatabase|sqlite_master|pragma|fijarRelojSellos|better-sqlite3|\.file\b|dbSnapshot|respaldo|restaur/
// Tests that start servers of their own, or are about SQLite against PostgreSQL: once is enough.
const PROPIOS = /iniciarPostgres|postgres-/

function soloSqlite(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((f) => {
    if (!f.endsWith('.test.ts')) return []
    const ruta = path.join(dir, f)
    const texto = fs.readFileSync(ruta, 'utf8')
    return SOLO_SQLITE.test(texto) || PROPIOS.test(texto) || PROPIOS.test(f) ? [ruta] : []
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
