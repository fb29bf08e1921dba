import { z } from 'zod'
import {
  MODALIDADES,
  SESION_TIPOS,
  type Sesion,
  type SesionDetalle,
  type SesionResumen
} from '../domain/sesiones'
import {
  antesDe,
  fechaOpcional,
  fechaSchema,
  hora,
  idSchema,
  libre,
  porIdSchema,
  returns,
  type Removed
} from '../api/campos'

/** The longest page of sessions one call returns (the default when none is asked). */
export const SESIONES_POR_PAGINA = 200

export const sesionListarSchema = z.object({
  instanciaId: idSchema.optional(),
  anio: z.number().int().min(2000).max(2100).optional(),
  /** A page, newest first: how many, and after which session of the previous page. */
  limite: z.number().int().min(1).max(SESIONES_POR_PAGINA).optional(),
  despuesDe: z.object({ fecha: fechaSchema, id: idSchema }).optional()
})

export const sesionCrearSchema = z.object({
  instanciaId: idSchema,
  tipo: z.enum(SESION_TIPOS, { error: 'Tipo de sesión no válido.' }),
  fecha: fechaSchema,
  horaInicio: hora.optional(),
  lugar: libre('El lugar', 300).optional(),
  modalidad: z.enum(MODALIDADES, { error: 'Modalidad no válida.' }),
  /** Accepted after being asked: a back-dated session numbered after approved actas. */
  fueraDeOrden: z.boolean().optional()
})

const sesionCampos = {
  fecha: fechaSchema,
  horaInicio: hora,
  horaTermino: hora,
  lugar: libre('El lugar', 300),
  modalidad: z.enum(MODALIDADES, { error: 'Modalidad no válida.' }),
  preside: libre('Quien preside', 300),
  proximaFecha: fechaOpcional,
  proximaLugar: libre('El lugar de la próxima sesión', 300)
}
export const sesionActualizarSchema = z
  .object({
    id: idSchema,
    ...sesionCampos,
    fueraDeOrden: z.boolean().optional(),
    antes: antesDe(sesionCampos)
  })
  .refine((s) => !s.horaInicio || !s.horaTermino || s.horaInicio <= s.horaTermino, {
    message: 'La hora de término no puede ser anterior a la de inicio.',
    path: ['horaTermino']
  })

/** An acta is approved in a later session of its instancia: which one is required. */
export const MENSAJE_APROBAR_SIN_SESION =
  'Indique la sesión posterior en que se aprueba el acta (créela primero si no existe).'

export const sesionAprobarSchema = z.object({
  id: idSchema,
  enSesionId: z.uuid({
    error: (i) => (i.input == null ? MENSAJE_APROBAR_SIN_SESION : 'Identificador no válido.')
  }),
  observaciones: libre('Las observaciones', 10_000)
})

/** Sessions: numbering, their data, closing, approval of the acta, deletion of a draft. */
export const sesionesMetodos = {
  'sesion:listar': returns<SesionResumen[]>()(sesionListarSchema),
  'sesion:crear': returns<Sesion>()(sesionCrearSchema),
  'sesion:obtener': returns<SesionDetalle>()(porIdSchema),
  'sesion:actualizar': returns<Sesion>()(sesionActualizarSchema),
  'sesion:cerrar': returns<Sesion>()(porIdSchema),
  'sesion:reabrir': returns<Sesion>()(porIdSchema),
  'sesion:aprobar': returns<Sesion>()(sesionAprobarSchema),
  'sesion:eliminar': returns<Removed>()(porIdSchema)
}
