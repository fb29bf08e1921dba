import { z } from 'zod'
import type { PuntoTabla } from '../domain/sesiones'
import {
  antesDe,
  idSchema,
  libre,
  moverSchema,
  porIdSchema,
  requerido,
  returns,
  type Removed
} from '../api/campos'

export const puntoCrearSchema = z.object({
  sesionId: idSchema,
  titulo: requerido('El título del punto', 300)
})
const puntoCampos = {
  titulo: requerido('El título del punto', 300),
  desarrollo: libre('El desarrollo')
}
export const puntoActualizarSchema = z.object({
  id: idSchema,
  ...puntoCampos,
  antes: antesDe(puntoCampos)
})

/** The agenda (tabla) of a session and what was said on each point. */
export const tablaMetodos = {
  'punto:crear': returns<PuntoTabla>()(puntoCrearSchema),
  'punto:actualizar': returns<PuntoTabla>()(puntoActualizarSchema),
  'punto:mover': returns<null>()(moverSchema),
  'punto:eliminar': returns<Removed>()(porIdSchema)
}
