import { defineConfig } from 'vitest/config'

// Unit and integration tests under plain Node, on real SQLite files.
// Forks, not threads: better-sqlite3 crashes under worker threads at teardown.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/build/**', 'test/electron/**', 'node_modules/**'],
    pool: 'forks',
    // Generous: LibreOffice conversions are slow on a cold machine.
    testTimeout: 120_000,
    hookTimeout: 30_000
  }
})
