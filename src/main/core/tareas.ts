import { newId } from './db/ids'
import { AppError } from './errors'
import type { Logger } from './dispatch'
import type { ApiError } from '../../shared/api/result'
import type { Tarea } from '../../shared/domain/tareas'

/** What a piece of long work is given by the task that runs it. */
export interface ControlTarea {
  progreso: (fraccion: number, detalle: string) => void
  signal: AbortSignal
  /**
   * Marks the point after which the work can no longer be undone (just before a commit): throws
   * the cancel error if a cancel was already accepted, and refuses later cancels with `motivo`.
   */
  sinRetorno: (motivo: string) => void
}

type Trabajo<T> = (control: ControlTarea) => Promise<T>

interface Registro {
  nombre: string
  tarea: Tarea
  control: AbortController
  /** Set once the work passed its point of no return: why a cancel is refused from then on. */
  sinRetorno: string | null
  /** When its last progress event went out (ms). */
  avisado: number
}

/** How long a finished task waits to be read. */
const OLVIDO_MS = 10 * 60_000
/**
 * How many finished, unread tasks are kept at most (the oldest finished is forgotten first): an
 * export's result is the whole workbook, and many within ten minutes would add up.
 */
export const MAX_TERMINADAS = 20

/**
 * Tasks that hold SQLite's write lock for long (an import saving its rows), running anywhere in
 * the core: counted in memory every thread of the core shares (the host gives each the same
 * buffer), so a write refused for the lock on one thread knows whether an import on another is
 * the cause, or another program.
 */
const ESCRIBEN = new Set(['matriz:importar'])
let escribiendo = new Int32Array(new SharedArrayBuffer(4))

/** A new counter, for the host to give every thread of one core. */
export const nuevoContadorEscrituras = (): SharedArrayBuffer => new SharedArrayBuffer(4)

/** Counts in the shared counter from now on (called once by each thread, at start). */
export function compartirContadorEscrituras(buffer: SharedArrayBuffer): void {
  escribiendo = new Int32Array(buffer)
}

/** True while an import (in this thread or another of the core) is running. */
export const importacionEnCurso = (): boolean => Atomics.load(escribiendo, 0) > 0

const CANCELADA: ApiError = {
  code: 'cancelado',
  message: 'Operación cancelada. No se escribió nada.'
}

/** The error long work throws at a cancellation check, so its transaction rolls back. */
export function revisarCancelacion(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError(CANCELADA.code, CANCELADA.message)
}

/** Lets other requests (a cancel among them) run between steps of a long piece of work. */
export const ceder = (): Promise<void> => new Promise((listo) => setImmediate(listo))

/**
 * Long work (exports, imports) runs as a task whose changes are pushed to the screen (and can be
 * read with tarea:estado): it reports progress and can be
 * cancelled until its point of no return. A task says 'cancelada' only once its work has really
 * stopped without writing. A finished task is kept until it is read, then forgotten.
 */
export class Tareas {
  private readonly registro = new Map<string, Registro>()
  /** Finished tasks not yet read, oldest finished first. */
  private readonly terminadas = new Set<string>()

  constructor(
    private readonly log: Logger,
    /** Told of every change, so hosts can push it to the screen (without the result itself). */
    private readonly alCambiar: (tarea: Tarea) => void = () => {}
  ) {}

  private avisar(r: Registro): void {
    this.alCambiar({ ...r.tarea, resultado: null })
    // A finished task nobody reads (the window was reloaded) is forgotten after a while, result
    // and all, instead of being kept for as long as the app runs.
    if (r.tarea.estado === 'en_curso') return
    const id = r.tarea.id
    setTimeout(() => this.olvidar(id), OLVIDO_MS).unref()
    this.terminadas.add(id)
    // Running tasks are never in this set: only finished ones make room.
    for (const viejo of this.terminadas) {
      if (this.terminadas.size <= MAX_TERMINADAS) break
      this.olvidar(viejo)
    }
  }

  private olvidar(id: string): void {
    this.registro.delete(id)
    this.terminadas.delete(id)
  }

  iniciar<T extends Tarea['resultado']>(nombre: string, trabajo: Trabajo<T>): { tareaId: string } {
    const tarea: Tarea = {
      id: newId(),
      estado: 'en_curso',
      progreso: 0,
      detalle: 'Comenzando…',
      resultado: null,
      error: null
    }
    const r: Registro = {
      nombre,
      tarea,
      control: new AbortController(),
      sinRetorno: null,
      avisado: 0
    }
    this.registro.set(tarea.id, r)
    const control: ControlTarea = {
      progreso: (fraccion, detalle) => {
        const antes = Math.round(tarea.progreso * 100)
        tarea.progreso = Math.max(tarea.progreso, Math.min(1, fraccion))
        if (!r.control.signal.aborted) tarea.detalle = detalle
        // An event per whole percent, or per new detail at most 5 times a second: a
        // 200,000-row import must not send 200,000 messages to every window.
        const ahora = Date.now()
        if (Math.round(tarea.progreso * 100) !== antes || ahora - r.avisado >= 200) {
          r.avisado = ahora
          this.avisar(r)
        }
      },
      signal: r.control.signal,
      sinRetorno: (motivo) => {
        revisarCancelacion(r.control.signal)
        r.sinRetorno = motivo
      }
    }
    const contador = ESCRIBEN.has(nombre) ? escribiendo : null
    if (contador) Atomics.add(contador, 0, 1)
    void Promise.resolve()
      .then(() => trabajo(control))
      .finally(() => contador && Atomics.sub(contador, 0, 1))
      .then(
        (resultado) => this.terminar(r, resultado),
        (error: unknown) => this.fallar(r, error)
      )
    return { tareaId: tarea.id }
  }

  estado(id: string): Tarea {
    const r = this.registro.get(id)
    if (!r) throw new AppError('no_encontrado', 'La tarea no existe o ya terminó.')
    if (r.tarea.estado !== 'en_curso') this.olvidar(id)
    return { ...r.tarea }
  }

  /** Asks the work to stop; refuses, with the reason, once stopping would not undo it. */
  cancelar(id: string): null {
    const r = this.registro.get(id)
    if (!r) throw new AppError('no_encontrado', 'La tarea no existe o ya terminó.')
    if (r.tarea.estado === 'lista')
      throw new AppError('conflicto', 'La tarea ya terminó; no se puede cancelar.')
    if (r.tarea.estado !== 'en_curso') return null
    if (r.sinRetorno) throw new AppError('conflicto', r.sinRetorno)
    r.control.abort()
    r.tarea.detalle = 'Cancelando…'
    this.avisar(r)
    return null
  }

  private terminar(r: Registro, resultado: Tarea['resultado']): void {
    // A cancel accepted before any point of no return: the result was never kept anywhere.
    if (r.control.signal.aborted) return this.cancelada(r)
    Object.assign(r.tarea, { estado: 'lista', progreso: 1, detalle: 'Listo', resultado })
    this.avisar(r)
  }

  private fallar(r: Registro, error: unknown): void {
    if (!(error instanceof AppError)) this.log(`error en la tarea ${r.nombre}`, error)
    if (r.control.signal.aborted) return this.cancelada(r)
    const e: ApiError =
      error instanceof AppError
        ? { code: error.code, message: error.message }
        : { code: 'interno', message: 'Ocurrió un error inesperado. No se escribió nada.' }
    Object.assign(r.tarea, { estado: 'error', detalle: e.message, error: e })
    this.avisar(r)
  }

  private cancelada(r: Registro): void {
    Object.assign(r.tarea, { estado: 'cancelada', detalle: 'Cancelada', error: CANCELADA })
    this.avisar(r)
  }
}
