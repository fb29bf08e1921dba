// Mutation testing (StrykerJS 9.6): `npm run test:mutation` for the whole scope, or
// `npx stryker run --mutate src/shared/domain/plazo.ts` for one file. Reports go to
// reports/mutation/; the incremental file (reports/stryker-incremental.json) stays out of git.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the in-process tests: no CLI, LibreOffice, Chromium or crash harness.
  vitest: { configFile: 'vitest.mutation.config.mts' },
  checkers: [],
  mutate: [
    'src/shared/domain/**/*.ts',
    // The services, one folder per domain; their handler maps only route calls.
    'src/main/core/{plan,instituciones,personas,sesiones,asistencia,tabla,avances,acuerdos,busqueda}/**/*.ts',
    'src/main/core/actas/**/*.ts',
    // The BORRADOR watermark is a generated picture (scripts/marca-borrador.mjs), not behaviour.
    '!src/main/core/actas/documentos/marca-borrador.ts',
    // The matrix workbook, written and read; its handlers only route calls.
    'src/main/core/matriz/**/*.ts',
    'src/main/core/db/**/*.ts',
    'src/main/core/seed/**/*.ts',
    // Sample data for trying the app: its mutants are names and story lines, not behaviour.
    '!src/main/core/seed/demo.ts',
    '!src/main/core/seed/demo-datos.ts',
    'src/main/core/respaldos.ts',
    'src/main/core/errors.ts',
    'src/main/core/log.ts',
    'src/main/core/files.ts',
    // The annual report: its data, blocks and charts (writing DOCX/PDF is checked by LibreOffice).
    'src/main/core/informe/{datos,resumen,modelo,graficos}.ts',
    // The exchange between laptops: its clock and merge decisions (#16).
    'src/main/core/intercambio/**/*.ts',
    // Each domain's handler map only routes calls to its services.
    '!src/main/core/*/handlers.ts'
  ],
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code: label tables, regex tables) can only be tested by
  // reloading and running every related test (~15 s each here); they are reported as Ignored.
  // STRYKER_STATIC=1 npx stryker run … tests them too, slowly.
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // Two cores shared with other work: one test process.
  concurrency: 1,
  timeoutMS: 15_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 10,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // node_modules (with better-sqlite3's native build) is symlinked into the sandbox, not copied.
  symlinkNodeModules: true,
  ignorePatterns: ['/test-results', '/out', '/dist', '/build-electron', '/datos-dev', '/docs']
}
