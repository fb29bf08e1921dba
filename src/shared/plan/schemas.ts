import { z } from 'zod'
import { MENSAJE_CONTROL, tieneControl } from '../domain/texto'
import { INDICADOR_TIPOS } from '../domain/plan'
import { errorMetaValor } from '../domain/indicadores'
import { antesDe, fechaSchema, idSchema, LIMITES, opcional, requerido } from '../api/campos'

const codigo = (re: RegExp, ejemplo: string): z.ZodString =>
  requerido('El código', LIMITES.codigo).regex(re, `El código debe tener la forma ${ejemplo}.`)

export const codigoEje = codigo(/^\d{1,2}$/, '1')
export const codigoObjetivo = codigo(/^\d{1,2}\.\d{1,2}$/, '1.1')
export const codigoAccion = codigo(/^\d{1,2}\.\d{1,2}\.[a-z]{1,2}$/, '1.1.a')

export const planArbolSchema = z.object({ planId: idSchema.optional() })
const planCampos = {
  nombre: requerido('El nombre del plan', LIMITES.nombre),
  periodoDesde: fechaSchema,
  periodoHasta: fechaSchema
}
export const planActualizarSchema = z
  .object({ id: idSchema, ...planCampos, antes: antesDe(planCampos) })
  .refine((p) => p.periodoDesde <= p.periodoHasta, {
    message: 'El período debe terminar después de comenzar.',
    path: ['periodoHasta']
  })

const periodoValido = {
  message: 'El período debe terminar después de comenzar.',
  path: ['periodoHasta']
}
/** "Nuevo período a partir de este": the plan to copy and the new period's name and dates. */
export const planCopiarSchema = z
  .object({
    id: idSchema,
    nombre: requerido('El nombre del período', LIMITES.nombre),
    periodoDesde: fechaSchema,
    periodoHasta: fechaSchema
  })
  .refine((p) => p.periodoDesde <= p.periodoHasta, periodoValido)
export const periodosCompararSchema = z
  .object({ anteriorId: idSchema, posteriorId: idSchema })
  .refine((p) => p.anteriorId !== p.posteriorId, {
    message: 'Elija dos períodos distintos.',
    path: ['posteriorId']
  })

const ejeCampos = { codigo: codigoEje, nombre: requerido('El nombre del eje', LIMITES.nombre) }
export const ejeCrearSchema = z.object({ planId: idSchema, ...ejeCampos })
export const ejeActualizarSchema = z.object({
  id: idSchema,
  ...ejeCampos,
  antes: antesDe(ejeCampos)
})

const objetivoCampos = {
  codigo: codigoObjetivo,
  texto: requerido('El texto del objetivo', LIMITES.texto)
}
export const objetivoCrearSchema = z.object({ ejeId: idSchema, ...objetivoCampos })
export const objetivoActualizarSchema = z.object({
  id: idSchema,
  ...objetivoCampos,
  antes: antesDe(objetivoCampos)
})

const accionCampos = {
  codigo: codigoAccion,
  texto: requerido('El texto de la acción', LIMITES.texto),
  instanciaId: idSchema.nullable(),
  responsables: z
    .string()
    .max(
      LIMITES.responsables,
      `Los responsables no pueden superar ${LIMITES.responsables} caracteres.`
    )
    // The same rule as every other text: the export and the documents refuse control characters.
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)
    .transform((v) => v.trim())
}
export const accionCrearSchema = z.object({ objetivoId: idSchema, ...accionCampos })
export const accionActualizarSchema = z.object({
  id: idSchema,
  ...accionCampos,
  antes: antesDe(accionCampos)
})

const metaCampos = {
  texto: requerido('El texto de la meta', LIMITES.texto),
  /** undefined: read it from the text; null: no deadline. */
  plazo: fechaSchema.nullable().optional()
}
export const metaCrearSchema = z.object({ accionId: idSchema, ...metaCampos })
export const metaActualizarSchema = z.object({
  id: idSchema,
  ...metaCampos,
  antes: antesDe(metaCampos)
})

const indicadorCampos = {
  texto: requerido('El texto del indicador', LIMITES.texto),
  tipo: z.enum(INDICADOR_TIPOS, { error: 'Tipo de indicador no válido.' }),
  numerador: opcional('El numerador', LIMITES.texto),
  denominador: opcional('El denominador', LIMITES.texto),
  // Left out by a caller that does not know it (the import, the seed): the stored one is kept.
  metaValor: z
    .number({ error: 'La meta numérica debe ser un número (por ejemplo 12 o 80,5).' })
    .min(0, 'La meta numérica no puede ser negativa.')
    .max(1e12, 'La meta numérica es demasiado grande.')
    .nullable()
    .optional()
}
const porcentajeCompleto = <
  T extends { tipo: string; numerador: string | null; denominador: string | null }
>(
  i: T
): boolean => i.tipo !== 'porcentaje' || (i.numerador !== null && i.denominador !== null)
const porcentajeMensaje = {
  message: 'Un indicador de porcentaje necesita numerador y denominador.',
  path: ['denominador']
}
/** The target fits the kind (a porcentaje at most 100, a count whole, a hito 1). */
const metaSegunTipo = (
  i: { tipo: (typeof INDICADOR_TIPOS)[number]; metaValor?: number | null | undefined },
  ctx: z.RefinementCtx
): void => {
  const error = i.metaValor === undefined ? null : errorMetaValor(i.tipo, i.metaValor)
  if (error) ctx.addIssue({ code: 'custom', message: error, path: ['metaValor'] })
}
export const indicadorCrearSchema = z
  .object({ accionId: idSchema, ...indicadorCampos })
  .refine(porcentajeCompleto, porcentajeMensaje)
  .superRefine(metaSegunTipo)
export const indicadorActualizarSchema = z
  .object({ id: idSchema, ...indicadorCampos, antes: antesDe(indicadorCampos) })
  .refine(porcentajeCompleto, porcentajeMensaje)
  .superRefine(metaSegunTipo)
