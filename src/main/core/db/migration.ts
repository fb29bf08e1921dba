import type { Kysely } from 'kysely'

export interface Migration {
  /** Consecutive from 1; a file's number is its version. */
  version: number
  name: string
  /** Typed against no schema: a migration is frozen in time, the app's types move on. */
  up(db: Kysely<unknown>): Promise<void>
  /**
   * The same change on PostgreSQL, where its SQL must differ; `up` runs there otherwise. The
   * versions up to the server's baseline (postgres/esquema) have none: no server predates it.
   */
  postgres?(db: Kysely<unknown>): Promise<void>
}
