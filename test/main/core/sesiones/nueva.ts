import type { Caller, Prevencion } from '../../../helpers/respuestas'
import { entradaSesion } from '../../../helpers/sesiones'

/**
 * What the sesiones-*.test.ts files share: `nueva(fecha, tipo)` creates a sesión of Prevención,
 * on the api and instancia of the running test (`en()`, fresh each test).
 */
export const creaSesiones =
  (en: () => { api: Caller; ctx: Prevencion }) =>
  (fecha: string, tipo: 'ordinaria' | 'extraordinaria' = 'ordinaria') =>
    en().api.ok('sesion:crear', entradaSesion(en().ctx.prevencion.id, fecha, tipo))
