import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'
import { AUDITADAS_0011 } from './0011_historial'

// Frozen in time: never edit after release; add a new migration instead.
// On a server (#17) writers take turns through one lock (72130014), held until commit. The stamp
// triggers took it row by row, after the row was locked, and the approved-acta guard read the
// session's state without it. So (1) a write under way while an acta was being approved read
// «cerrada», passed, and committed into the sealed acta; (2) a call that took the turn first
// (numbering, approval) and a plain write of the same row, which locked the row first, each held
// what the other needed, and the server killed one (a deadlock). Now every write statement to
// the app's tables takes the turn before it touches a row (a statement trigger), so the guard
// reads the state after any approval has committed, and every writer locks in the same order:
// the turn, then rows. A SQLite file has one writer at a time: nothing changes there.

export const CANDADO_0022 = 7213_0014

/** Every table the history audits (0011): the app's own data, every one with a guard or stamps. */
export const EN_TURNO_0022: readonly string[] = Object.keys(AUDITADAS_0011)

const TURNO = `create or replace function mitp_turno() returns trigger
language plpgsql as $$
begin
  perform pg_advisory_xact_lock(${CANDADO_0022});
  return null;
end $$`

export const m0022: Migration = {
  version: 22,
  name: 'bloqueo_en_turno',
  async up(): Promise<void> {},
  async postgres(db: Kysely<unknown>): Promise<void> {
    await sql.raw(TURNO).execute(db)
    for (const tabla of EN_TURNO_0022)
      await sql
        .raw(
          `create trigger "turno_${tabla}" before insert or update or delete on "${tabla}"
           for each statement execute function mitp_turno()`
        )
        .execute(db)
  }
}
