import { defineConfig } from 'vitest/config'

// The integration suite again, on a real PostgreSQL server (#17): test/setup/postgres-global.ts
// starts Debian's server on 127.0.0.1 in a temporary folder, and openTestApp gives each test a
// database of its own there. Left out: what is about the SQLite file itself (its connection,
// backups, restores, crash safety, packages between laptops) — listed in SOLO_SQLITE.
const SOLO_SQLITE: string[] = []

export default defineConfig({
  test: {
    include: ['test/main/core/**/*.test.ts'],
    exclude: [...SOLO_SQLITE, 'node_modules/**'],
    globalSetup: ['test/setup/postgres-global.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 60_000
  }
})
