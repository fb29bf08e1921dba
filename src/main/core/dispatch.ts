import type { z } from 'zod'
import { contract, type ApiHandlers } from '../../shared/api/contract'
import { esLectura, isChannel } from '../../shared/api/channels'
import { explicar } from './causas'
import type { ApiError, ApiResult } from '../../shared/api/result'
import { AppError, MENSAJE_PLAN_CERRADO } from './errors'
import { importacionEnCurso } from './tareas'
import { isBusy, isUniqueViolation, sealViolation } from './db/sqlite'
import { servidorPerdido } from './db/postgres/errores'
import { MENSAJE_SELLADA } from './sesiones/acta-guard'

export type Logger = (message: string, error?: unknown) => void

export const MENSAJE_OCUPADO =
  'La base de datos está ocupada guardando una importación; no se escribió nada. Intente de nuevo en unos segundos.'

/**
 * The single entrance for both transports: checks the channel, parses the input with the
 * contract's zod schema, runs the handler, and turns every outcome into a typed result.
 * Stack traces go to the log, never to the user.
 */
export async function dispatch(
  handlers: ApiHandlers,
  channel: unknown,
  input: unknown,
  log: Logger
): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'metodo_desconocido', message: 'Operación desconocida.' })
  }
  const parsed = contract[channel].input.safeParse(input)
  if (!parsed.success) return fail(fromZod(parsed.error))
  try {
    // The contract ties each channel to its handler's input; TypeScript cannot follow the
    // correlation through a runtime key, so the handler is called through a plain signature.
    const handler = handlers[channel] as (i: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof AppError) {
      return fail({
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {})
      })
    }
    // The database's own lock caught a write the service did not check: still a refusal.
    const sello = sealViolation(error)
    if (sello)
      return fail({
        code: 'solo_lectura',
        message: sello === 'plan_cerrado' ? MENSAJE_PLAN_CERRADO : MENSAJE_SELLADA
      })
    // Nothing was written: the caller (the core's thread) tries again shortly. The lock is an
    // import's only when one is running; otherwise another program holds it.
    if (isBusy(error))
      return fail({
        code: 'ocupado',
        message: importacionEnCurso()
          ? MENSAJE_OCUPADO
          : `${explicar(error, esLectura(channel) ? 'leer los datos' : 'guardar el cambio')} Sus datos no se modificaron.`
      })
    if (isUniqueViolation(error)) {
      return fail({ code: 'conflicto', message: 'Ya existe un registro con esos datos.' })
    }
    const perdido = servidorPerdido(error)
    if (perdido)
      return fail({ code: 'interno', message: `${perdido} Sus datos no se modificaron.` })
    log(`error en ${channel}`, error)
    // A full disk, a lock held by another program, a read-only folder: named, in Spanish.
    const causa = explicar(error, esLectura(channel) ? 'leer los datos' : 'guardar el cambio')
    if (causa) return fail({ code: 'interno', message: `${causa} Sus datos no se modificaron.` })
    return fail({
      code: 'interno',
      message: 'Ocurrió un error inesperado. Sus datos no se modificaron.'
    })
  }
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error }
}

function fromZod(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    fields[key] ??= issue.message
  }
  return {
    code: 'entrada_invalida',
    message: error.issues[0]?.message ?? 'Datos no válidos.',
    fields
  }
}
