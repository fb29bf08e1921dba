import { AsyncLocalStorage } from 'node:async_hooks'
import type { SqliteHandle } from './sqlite'

/** Who is making a write, as the history records it (migration 0011). */
export interface Quien {
  nombre: string | null
  institucion: string | null
  /** The contract channel being served. */
  canal: string
  /** When, by the host's clock (ISO-8601 UTC). */
  en: string
}

// The actor travels with each call, not in a global: calls interleave on the one connection
// (each awaits its turn), and the store follows each call's own promises down to the statement
// that fires the triggers. A PostgreSQL server would set the same per transaction
// (`set local mitp.quien = ...`, read by its triggers) from the request's authenticated user.
const llamada = new AsyncLocalStorage<Quien>()

/** Runs `f` (a whole call, with any task it starts) on behalf of `quien`. */
export function enNombreDe<T>(quien: Quien, f: () => Promise<T>): Promise<T> {
  return llamada.run(quien, f)
}

/** The call being served, if any: a host that already knows its user sets it first. */
export function quienActual(): Quien | undefined {
  return llamada.getStore()
}

/** Gives a connection the `mitp_quien()` its history triggers call: JSON, or null outside a call. */
export function registrarQuien(handle: SqliteHandle): void {
  handle.function('mitp_quien', { deterministic: false }, () => {
    const q = llamada.getStore()
    return q ? JSON.stringify(q) : null
  })
}
