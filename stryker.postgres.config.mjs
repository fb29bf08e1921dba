// The mutation run for the code only a PostgreSQL server runs: `npm run test:mutation:postgres`.
// Its tests (vitest.mutation-postgres.config.mts) start real servers, so it is slower per
// mutant than the in-process run and mutates only what that run cannot reach.
import base from './stryker.config.mjs'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-postgres.config.mts' },
  mutate: ['src/main/core/db/turno.ts', 'src/main/core/db/migrar/copiar.ts'],
  timeoutMS: 60_000,
  incrementalFile: 'reports/stryker-postgres-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-postgres/index.html' },
  jsonReporter: { fileName: 'reports/mutation-postgres/mutation.json' }
}
