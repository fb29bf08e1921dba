import { z } from 'zod'
import { ACUERDO_ESTADOS, type Acuerdo } from '../domain/sesiones'
import {
  fechaOpcional,
  idSchema,
  libre,
  porIdSchema,
  requerido,
  returns,
  type Removed
} from '../api/campos'

const acuerdoCampos = {
  texto: requerido('El texto del acuerdo'),
  institucionId: idSchema.nullable(),
  personaId: idSchema.nullable(),
  plazo: fechaOpcional,
  accionId: idSchema.nullable()
}
export const acuerdoCrearSchema = z.object({ sesionId: idSchema, ...acuerdoCampos })
export const acuerdoActualizarSchema = z.object({ id: idSchema, ...acuerdoCampos })

export const seguimientoGuardarSchema = z.object({
  sesionId: idSchema,
  acuerdoId: idSchema,
  estado: z.enum(ACUERDO_ESTADOS, { error: 'Estado del acuerdo no válido.' }),
  nota: libre('La nota', 5000)
})

/** Acuerdos of a session, and their follow-up in later sessions. */
export const acuerdosMetodos = {
  'acuerdo:crear': returns<Acuerdo>()(acuerdoCrearSchema),
  'acuerdo:actualizar': returns<Acuerdo>()(acuerdoActualizarSchema),
  'acuerdo:eliminar': returns<Removed>()(porIdSchema),
  'acuerdo:seguimiento': returns<null>()(seguimientoGuardarSchema)
}
