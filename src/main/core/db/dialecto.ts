import { PostgresAdapter, type Kysely } from 'kysely'

/** Which SQL the database behind a Kysely instance speaks (#17): the services ask only here. */
export type Dialecto = 'sqlite' | 'postgres'

export function dialectoDe(
  db: Kysely<unknown> | { getExecutor: Kysely<unknown>['getExecutor'] }
): Dialecto {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
