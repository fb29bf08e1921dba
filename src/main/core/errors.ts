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

/**
 * What a "not found" message can name, with the ending that agrees with it: the article alone
 * does not tell ("el acta" is feminine). A new name is added here, so its message is checked.
 */
const TERMINACION = {
  'El acuerdo': 'o',
  'El eje': 'o',
  'El indicador': 'o',
  'El miembro': 'o',
  'El objetivo': 'o',
  'El plan': 'o',
  'El punto de tabla': 'o',
  'El registro de asistencia': 'o',
  'La acción': 'a',
  'La instancia': 'a',
  'La institución': 'a',
  'La meta': 'a',
  'La persona': 'a',
  'La sesión': 'a'
} as const satisfies Record<string, 'o' | 'a'>

export type Entidad = keyof typeof TERMINACION
export const ENTIDADES = Object.keys(TERMINACION) as Entidad[]

export function notFound(que: Entidad): AppError {
  return new AppError('no_encontrado', `${que} no existe o fue eliminad${TERMINACION[que]}.`)
}

export function conflict(message: string, field?: string): AppError {
  return new AppError('conflicto', message, field ? { [field]: message } : undefined)
}

/** Why a write to a closed plan period is refused (its triggers, migration 0012, say 'plan_cerrado'). */
export const MENSAJE_PLAN_CERRADO =
  'Este período del plan está cerrado: sus ejes, objetivos, acciones, metas e indicadores ya no se pueden modificar. Para cambiarlos, cree un nuevo período a partir de él.'
