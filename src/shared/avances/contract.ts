import { z } from 'zod'
import { AVANCE_ESTADOS, type Medicion } from '../domain/sesiones'
import { antesDe, fechaSchema, idSchema, libre, returns } from '../api/campos'

const avanceCampos = {
  estado: z.enum(AVANCE_ESTADOS, { error: 'Estado de avance no válido.' }),
  porcentaje: z
    .number({ error: 'El avance debe ser un número.' })
    .int('El avance debe ser un número entero.')
    .min(0, 'El avance no puede ser menor que 0 %.')
    .max(100, 'El avance no puede superar 100 %.')
    .nullable(),
  reporte: libre('El reporte', 20_000)
}
/** `antes` of a row not yet saved: the values the screen shows for it (core/avances). */
export const avanceGuardarSchema = z.object({
  sesionId: idSchema,
  accionId: idSchema,
  ...avanceCampos,
  antes: antesDe(avanceCampos)
})

const cantidad = z
  .number({ error: 'Debe ser un número.' })
  .finite('Debe ser un número.')
  .min(0, 'No puede ser negativo.')
  .nullable()

const medicionCampos = {
  valor: cantidad,
  numerador: cantidad,
  denominador: cantidad,
  fechaCorte: fechaSchema,
  nota: libre('La nota', 2000)
}
export const medicionGuardarSchema = z
  .object({
    sesionId: idSchema,
    indicadorId: idSchema,
    ...medicionCampos,
    antes: antesDe(medicionCampos)
  })
  .refine((m) => m.denominador !== 0, {
    message: 'El denominador no puede ser cero.',
    path: ['denominador']
  })

/** What a session heard on each acción of the plan, and its indicators' values. */
export const avancesMetodos = {
  'avance:guardar': returns<null>()(avanceGuardarSchema),
  'medicion:guardar': returns<Medicion>()(medicionGuardarSchema)
}
