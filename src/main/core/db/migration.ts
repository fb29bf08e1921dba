import type { Kysely } from 'kysely'

export interface Migration {
  /** Consecutive from 1; a file's number is its version. */
  version: number
  name: string
  /** Typed against no schema: a migration is frozen in time, the app's types move on. */
  up(db: Kysely<unknown>): Promise<void>
}
