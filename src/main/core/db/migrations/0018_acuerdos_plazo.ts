import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// The list of every acuerdo is shown by plazo (those without one last). With no index on plazo,
// its first page sorted every acuerdo: 46 / 78 ms at ×10 history (30,000). These indexes hold that
// order, ascending and descending, so a page is read by walking one of them; only acuerdos that
// share a plazo are sorted among themselves (by their session's date and number).

export const m0018: Migration = {
  version: 18,
  name: 'acuerdos_plazo',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index acuerdos_plazo_idx on acuerdos ((plazo is null), plazo)`.execute(db)
    await sql`create index acuerdos_plazo_desc_idx on acuerdos ((plazo is null), plazo desc)`.execute(
      db
    )
  }
}
