import { z } from 'zod'
import type { Miembro, Persona } from '../domain/sesiones'
import {
  antesDe,
  idSchema,
  LIMITES,
  opcional,
  porIdSchema,
  requerido,
  returns,
  vacioSchema,
  type Removed
} from '../api/campos'

export const personaCampos = {
  nombre: requerido('El nombre', LIMITES.nombre),
  cargo: opcional('El cargo'),
  institucionId: idSchema.nullable(),
  correo: z
    .string()
    .trim()
    .max(200)
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Correo electrónico no válido.'
    )
    .nullable()
    .transform((v) => (v ? v : null)),
  telefono: opcional('El teléfono', 40)
}
export const personaCrearSchema = z.object(personaCampos)
export const personaActualizarSchema = z.object({
  id: idSchema,
  ...personaCampos,
  antes: antesDe(personaCampos)
})

export const miembroListarSchema = z.object({ instanciaId: idSchema })
export const miembroAgregarSchema = z.object({
  instanciaId: idSchema,
  personaId: idSchema,
  calidad: z.enum(['titular', 'suplente'], { error: 'Calidad no válida.' })
})

/** People and their membership of each instancia. */
export const personasMetodos = {
  'persona:listar': returns<Persona[]>()(vacioSchema),
  'persona:crear': returns<Persona>()(personaCrearSchema),
  'persona:actualizar': returns<Persona>()(personaActualizarSchema),
  'persona:eliminar': returns<Removed>()(porIdSchema),
  'miembro:listar': returns<Miembro[]>()(miembroListarSchema),
  'miembro:agregar': returns<Miembro>()(miembroAgregarSchema),
  'miembro:quitar': returns<Removed>()(porIdSchema)
}
