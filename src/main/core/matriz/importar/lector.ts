import { Worker } from 'node:worker_threads'
import { AppError } from '../../errors'
import { revisarCancelacion } from '../../tareas'
import type { ErrorCode } from '../../../../shared/api/result'
import type { MatrizLeida } from './leer'

/**
 * Where a workbook is read. Parsing a large one keeps a thread busy for seconds: in the core's
 * worker that thread also answers tarea:estado and tarea:cancelar, so progress and cancel would
 * stall. Hosts that can (the core's worker) read each workbook in a thread of its own; a cancel
 * ends that thread at once. Elsewhere (CLI, tests in one process) it is read in place.
 */
export type Lector = (data: Uint8Array, signal?: AbortSignal) => Promise<MatrizLeida>

const enSitio: Lector = async (data) => (await import('./leer')).leerMatriz(data)
let actual: Lector = enSitio

export const leerLibro: Lector = (data, signal) => actual(data, signal)

/** What the reading thread answers. */
export type RespuestaLector =
  { ok: true; leida: MatrizLeida } | { ok: false; code: ErrorCode | null; message: string }

/**
 * What one reading thread may use. A crafted workbook that gets past the checks before parsing
 * must end only its own thread (never the core's, which would take the app down), and a reading
 * nobody can cancel (a preview) must still end: a 200,000-row matrix reads in about 40 s.
 */
export const LIMITES_LECTOR = { memoriaMb: 2048, plazoMs: 180_000 }

const sinMemoria = (): AppError =>
  new AppError(
    'entrada_invalida',
    'El archivo necesita más memoria de la que se permite para leerlo; revise que sea la matriz exportada por la aplicación. No se modificó nada.'
  )

const sinTiempo = (ms: number): AppError =>
  new AppError(
    'entrada_invalida',
    `Leer el archivo tardó más de ${Math.round(ms / 1000)} segundos y se detuvo; revise que sea la matriz exportada por la aplicación. No se modificó nada.`
  )

/**
 * From now on, read workbooks in a new thread running `archivo` (the core's own bundle, started
 * with workerData { rol: 'lector' }).
 */
export function leerEnOtroHilo(archivo: string, limites = LIMITES_LECTOR): void {
  actual = (data, signal) =>
    new Promise<MatrizLeida>((listo, falla) => {
      revisarCancelacion(signal)
      const hilo = new Worker(archivo, {
        workerData: { rol: 'lector' },
        resourceLimits: { maxOldGenerationSizeMb: limites.memoriaMb }
      })
      const parar = (e: Error): void => {
        fin()
        void hilo.terminate()
        falla(e)
      }
      const cancelar = (): void => parar(cancelado())
      const plazo = setTimeout(() => parar(sinTiempo(limites.plazoMs)), limites.plazoMs)
      signal?.addEventListener('abort', cancelar, { once: true })
      const fin = (): void => {
        clearTimeout(plazo)
        signal?.removeEventListener('abort', cancelar)
      }
      hilo.once('message', (r: RespuestaLector) => {
        fin()
        void hilo.terminate()
        if (r.ok) listo(r.leida)
        else falla(r.code ? new AppError(r.code, r.message) : new Error(r.message))
      })
      hilo.once('error', (e: Error & { code?: string }) => {
        fin()
        falla(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? sinMemoria() : e)
      })
      hilo.once('exit', () => {
        fin()
        falla(new Error('El hilo que leía el libro terminó sin responder.'))
      })
      const copia = Uint8Array.from(data)
      hilo.postMessage(copia, [copia.buffer])
    })
}

function cancelado(): Error {
  try {
    revisarCancelacion(AbortSignal.abort())
  } catch (e) {
    return e as Error
  }
  return new Error('cancelado')
}

/** The reading thread's side: one workbook in, its reading (or why not) out. */
export async function atenderLectura(data: Uint8Array): Promise<RespuestaLector> {
  try {
    return { ok: true, leida: await enSitio(data) }
  } catch (e) {
    return {
      ok: false,
      code: e instanceof AppError ? e.code : null,
      message: e instanceof Error ? e.message : String(e)
    }
  }
}
