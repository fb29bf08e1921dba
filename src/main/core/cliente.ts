import type { Channel } from '../../shared/api/contract'
import type { ApiHandlers, Input, Output } from '../../shared/api/contract'
import type { ApiResult } from '../../shared/api/result'
import type { Tarea } from '../../shared/domain/tareas'
import { dispatch, type Logger } from './dispatch'
import { AppError } from './errors'

/** One API call inside the main process, for code that prefers exceptions (CLI, demo seed). */
export type Llamar = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>

/** Never swallow an error because a caller had no log file to give. */
export const logPorStderr: Logger = (mensaje, error) => console.error(mensaje, error ?? '')

/**
 * Calls the handlers the way IPC and HTTP do, through `dispatch`: the contract's zod schema
 * checks every input, so the CLI and the demo seed cannot write what the screens could not.
 * A refused call throws an AppError with the same Spanish message a screen would show.
 */
export function llamador(handlers: ApiHandlers, log: Logger = logPorStderr): Llamar {
  return async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    // dispatch is typed for any channel; the contract ties this channel to this output.
    const r = (await dispatch(handlers, channel, input, log)) as ApiResult<Output<C>>
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields)
    return r.value
  }
}

/** Follows a long task to its end, as the screens do; a failed or cancelled task throws. */
export async function esperarTarea(
  llamar: Llamar,
  tareaId: string,
  pausaMs = 20
): Promise<Tarea['resultado']> {
  for (;;) {
    const t = await llamar('tarea:estado', { id: tareaId })
    if (t.estado === 'lista') return t.resultado
    if (t.estado !== 'en_curso')
      throw new AppError(t.error?.code ?? 'interno', t.error?.message ?? t.detalle)
    await new Promise((listo) => setTimeout(listo, pausaMs))
  }
}
