import { z } from 'zod'
import { ASISTENCIA_ESTADOS, type Asistencia } from '../domain/sesiones'
import {
  antesDe,
  idSchema,
  LIMITES,
  libre,
  porIdSchema,
  requerido,
  returns,
  type Removed
} from '../api/campos'

const marcarCampos = {
  estado: z.enum(ASISTENCIA_ESTADOS, { error: 'Estado de asistencia no válido.' }),
  motivo: libre('El motivo', 500)
}
export const asistenciaMarcarSchema = z.object({
  id: idSchema,
  ...marcarCampos,
  antes: antesDe(marcarCampos)
})

export const asistenciaInvitarSchema = z.object({
  sesionId: idSchema,
  nombre: requerido('El nombre', LIMITES.nombre),
  cargo: libre('El cargo', 300),
  institucion: libre('La institución', 300)
})

/** Who acted as secretary (one present), or nobody (null). */
const rolCampos = { asistenciaId: idSchema.nullable() }
export const asistenciaSecretariaSchema = z.object({
  sesionId: idSchema,
  ...rolCampos,
  antes: antesDe(rolCampos)
})

/** Attendance of a session: members marked, guests invited. */
export const asistenciaMetodos = {
  'asistencia:marcar': returns<Asistencia>()(asistenciaMarcarSchema),
  'asistencia:invitar': returns<Asistencia>()(asistenciaInvitarSchema),
  'asistencia:quitar': returns<Removed>()(porIdSchema),
  'asistencia:secretaria': returns<{ asistenciaId: string | null }>()(asistenciaSecretariaSchema),
  // Who chaired the session: one of those present, or nobody (the acta then reads `preside`).
  'asistencia:presidente': returns<{ asistenciaId: string | null }>()(asistenciaSecretariaSchema)
}
