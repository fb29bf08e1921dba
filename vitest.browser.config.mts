import { defineConfig } from 'vitest/config'

// Runs after `electron-vite build`: the built renderer in real Chromium against the HTTP
// bridge and a real database, plus checks of the built bundles.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts', 'test/build/**/*.test.ts', 'test/electron/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    // Generous: Chromium and LibreOffice start slowly on a cold machine.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // A save and its re-read can take over vitest's 1 s default on a loaded 2-core CI machine.
    expect: { poll: { timeout: 10_000 } }
  }
})
