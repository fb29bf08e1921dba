import { describe, expect, it } from 'vitest'
import { ENTIDADES, notFound } from '../../../src/main/core/errors'

/**
 * "La sesión no existe o fue eliminado." was printed: the message agrees with the noun. Every
 * name the services may pass is in ENTIDADES (notFound takes no other), and each is read here.
 */
const ESPERADO: Record<string, string> = {
  'El acuerdo': 'El acuerdo no existe o fue eliminado.',
  'El eje': 'El eje no existe o fue eliminado.',
  'El indicador': 'El indicador no existe o fue eliminado.',
  'El miembro': 'El miembro no existe o fue eliminado.',
  'El objetivo': 'El objetivo no existe o fue eliminado.',
  'El plan': 'El plan no existe o fue eliminado.',
  'El punto de tabla': 'El punto de tabla no existe o fue eliminado.',
  'El registro de asistencia': 'El registro de asistencia no existe o fue eliminado.',
  'La acción': 'La acción no existe o fue eliminada.',
  'La instancia': 'La instancia no existe o fue eliminada.',
  'La institución': 'La institución no existe o fue eliminada.',
  'La meta': 'La meta no existe o fue eliminada.',
  'La persona': 'La persona no existe o fue eliminada.',
  'La sesión': 'La sesión no existe o fue eliminada.'
}

describe('notFound', () => {
  it('agrees with every entity it can name', () => {
    expect([...ENTIDADES].sort()).toEqual(Object.keys(ESPERADO).sort())
    for (const que of ENTIDADES) {
      const e = notFound(que)
      expect({ code: e.code, message: e.message, name: e.name, fields: e.fields }).toEqual({
        code: 'no_encontrado',
        message: ESPERADO[que],
        name: 'AppError',
        fields: undefined
      })
    }
  })
})
