import { Worker } from 'node:worker_threads'
import { openSqlite } from './db/sqlite'
import { AppError } from './errors'
import { respaldoAutomatico, type MotivoRespaldo } from './respaldos'
import type { ErrorCode } from '../../shared/api/result'

/**
 * The automatic backups (daily at start, after each approved acta) taken apart from the core's
 * connection: a read connection of their own copies the committed database (WAL lets it read
 * while the core reads and writes), so no call waits for a backup. Hosts that can (the core's
 * worker) take each one, with its verification, in a thread of its own; elsewhere (tests in one
 * process) it runs in place, still through its own connection.
 */
export interface PedidoRespaldo {
  dbPath: string
  dir: string
  motivo: MotivoRespaldo
  nativeBinding?: string | null
}

/** What the screen says when the daily backup at start failed (nothing else did). */
export function mensajeRespaldoDiarioFallido(e: unknown): string {
  const causa = e instanceof Error && e.message ? ` (${e.message})` : ''
  return (
    `No se pudo hacer el respaldo diario al abrir la base de datos${causa}. ` +
    'Sus datos no cambiaron: respalde ahora en Configuración → «Respaldar ahora» o ' +
    'revise el espacio de la carpeta de respaldos.'
  )
}

/** What the backup thread answers: the file written (null: none was needed), or why not. */
export type RespuestaRespaldo =
  { ok: true; archivo: string | null } | { ok: false; code: ErrorCode | null; message: string }

/**
 * In its own thread the whole copy goes in one step: between steps of 100 pages a write by the
 * core (another connection) would make SQLite start the copy over, again and again while the
 * secretary types.
 */
const DE_UNA_VEZ = 0x7fffffff

async function enSitio(p: PedidoRespaldo): Promise<string | null> {
  const h = openSqlite(p.dbPath, { readonly: true, nativeBinding: p.nativeBinding ?? undefined })
  try {
    return await respaldoAutomatico(h, p.dir, p.motivo, new Date(), DE_UNA_VEZ)
  } finally {
    h.close()
  }
}

let tomar: (p: PedidoRespaldo) => Promise<string | null> = enSitio
// One backup at a time: two in the same second would write the same temporary file.
let cola: Promise<unknown> = Promise.resolve()

/** Takes an automatic backup apart from the core's connection, after the ones already asked. */
export function respaldoAparte(p: PedidoRespaldo): Promise<string | null> {
  const r = cola.then(() => tomar(p))
  cola = r.catch(() => {})
  return r
}

/** How long closing waits for the calls under way and the backups they asked for. */
export const PLAZO_CIERRE_MS = 120_000

/**
 * Settles once no backup is queued or running and none of `enCurso` (the calls under way) is
 * left: a call that ends while closing waits (an approval) may queue one more, which is waited
 * for too. True when all finished; false when `plazoMs` passed first (closing goes on then).
 */
export async function respaldosTerminados(
  enCurso: () => readonly Promise<unknown>[] = () => [],
  plazoMs: number = PLAZO_CIERRE_MS
): Promise<boolean> {
  let reloj: NodeJS.Timeout | undefined
  const vencido = new Promise<'vencido'>((listo) => {
    reloj = setTimeout(() => listo('vencido'), plazoMs)
  })
  try {
    for (;;) {
      const llamadas = enCurso()
      const antes = cola
      const hecho = await Promise.race([Promise.allSettled([...llamadas, antes]), vencido])
      if (hecho === 'vencido') return false
      if (llamadas.length === 0 && enCurso().length === 0 && cola === antes) return true
    }
  } finally {
    clearTimeout(reloj)
  }
}

/** From now on, take each backup in a new thread running `archivo` (the core's own bundle). */
export function respaldarEnOtroHilo(archivo: string): void {
  tomar = (p) =>
    new Promise((listo, falla) => {
      const hilo = new Worker(archivo, { workerData: { rol: 'respaldo', pedido: p } })
      let respondio = false
      hilo.once('message', (r: RespuestaRespaldo) => {
        respondio = true
        void hilo.terminate()
        if (r.ok) listo(r.archivo)
        else falla(r.code ? new AppError(r.code, r.message) : new Error(r.message))
      })
      hilo.once('error', falla)
      hilo.once('exit', () => {
        if (!respondio) falla(new Error('El hilo del respaldo terminó sin responder.'))
      })
    })
}

/** The backup thread's side: one backup taken and verified, its file (or why not) out. */
export async function atenderRespaldo(p: PedidoRespaldo): Promise<RespuestaRespaldo> {
  try {
    return { ok: true, archivo: await enSitio(p) }
  } catch (e) {
    return {
      ok: false,
      code: e instanceof AppError ? e.code : null,
      message: e instanceof Error ? e.message : String(e)
    }
  }
}
