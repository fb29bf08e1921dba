import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from './schema'
import { dialectoDe } from './dialecto'
import { CANDADO_SELLOS } from './postgres/esquema/sellos'

/**
 * Takes the database's writing turn at the start of a transaction that decides from what it
 * reads (a session's N°, renumbering its year, whether the acta may change, what an approval
 * seals). On a server every write statement takes this turn anyway before touching a row
 * (migration 0022), so writers never wait for each other in opposite orders; taken first, the
 * reads that follow see what the writer before committed. Outside a transaction it is released
 * at once (harmless). SQLite has one writer already; a stale read there is run again
 * (otraVezSiSeCruzan) or refused.
 */
export async function tomarTurno(trx: Transaction<Database> | Kysely<Database>): Promise<void> {
  if (dialectoDe(trx) === 'postgres')
    await sql`select pg_advisory_xact_lock(${sql.lit(CANDADO_SELLOS)})`.execute(trx)
}
