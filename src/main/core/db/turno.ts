import { sql, type Transaction } from 'kysely'
import type { Database } from './schema'
import { dialectoDe } from './dialecto'
import { CANDADO_SELLOS } from './postgres/esquema/sellos'

/**
 * Takes the database's writing turn at the start of a transaction that computes numbers from
 * what it reads (a session's N°, renumbering its year). On a server every stamping write takes
 * this turn anyway, but only at its first row (esquema/sellos.ts): taken later, two such
 * transactions each hold rows the other needs and the server kills one (a deadlock, a second
 * lost each time). Taken first, they run one after the other, each reading what the one before
 * committed. SQLite has one writer already; a stale read there is run again (otraVezSiSeCruzan).
 */
export async function tomarTurno(trx: Transaction<Database>): Promise<void> {
  if (dialectoDe(trx) === 'postgres')
    await sql`select pg_advisory_xact_lock(${sql.lit(CANDADO_SELLOS)})`.execute(trx)
}
