import type { ApiResult } from '../../../shared/api/result'
import type { SqliteHandle } from '../db/sqlite'

/**
 * While the other thread saves a large import it holds SQLite's write lock. A write on the
 * everyday thread must neither fail for it nor stall the reads behind it: the connection does
 * not wait for the lock (tiny busy timeout), a refused write ('ocupado', nothing written) waits
 * at a gate, and one probe a tenth of a second asks whether the lock is free, without blocking
 * the thread. When it is, the waiting writes go through, in order.
 */
export const BUSY_DIARIO_MS = 5
const SONDEO_MS = 100
const ESPERA_MAX_MS = 120_000

export function crearEspera(
  handle: SqliteHandle
): (lee: boolean, llamar: () => Promise<ApiResult<unknown>>) => Promise<ApiResult<unknown>> {
  let puerta: Promise<void> | null = null

  const libre = (): boolean => {
    if (handle.inTransaction) return false
    try {
      handle.exec('BEGIN IMMEDIATE')
      handle.exec('ROLLBACK')
      return true
    } catch {
      return false
    }
  }
  const sondear = async (): Promise<void> => {
    do await new Promise((listo) => setTimeout(listo, SONDEO_MS))
    while (!libre())
    puerta = null
  }

  return async (lee, llamar) => {
    const hasta = Date.now() + ESPERA_MAX_MS
    for (;;) {
      // Reads never wait at the gate: WAL lets them read while the other thread writes.
      if (puerta && !lee) await puerta
      const r = await llamar()
      if (r.ok || r.error.code !== 'ocupado' || Date.now() > hasta) return r
      puerta ??= sondear()
    }
  }
}
