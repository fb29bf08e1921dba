import type { ErrorCode } from '../../shared/api/result'

/** An error the user should read: a code for the program, a Spanish message for the person. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export function notFound(que: string): AppError {
  return new AppError('no_encontrado', `${que} no existe o fue eliminado.`)
}

export function conflict(message: string, field?: string): AppError {
  return new AppError('conflicto', message, field ? { [field]: message } : undefined)
}
