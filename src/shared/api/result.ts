/** What crosses the process boundary: only plain data survives IPC, so errors are values too. */

export const ERROR_CODES = [
  'entrada_invalida',
  'no_encontrado',
  'conflicto',
  'metodo_desconocido',
  'no_autorizado',
  'solo_lectura',
  'cancelado',
  'integridad',
  'ocupado',
  'interno'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  /** Spanish, for the user. */
  message: string
  /** Field path → Spanish message, for forms. */
  fields?: Record<string, string>
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** What a write based on a stale read is refused with (code 'conflicto'). */
export const MENSAJE_DESACTUALIZADO = 'Otra persona modificó esto; recargue.'

/** True for the refusal of a stale write: the screen reloads that part. */
export function esDesactualizado(error: ApiError): boolean {
  return error.code === 'conflicto' && error.message === MENSAJE_DESACTUALIZADO
}
