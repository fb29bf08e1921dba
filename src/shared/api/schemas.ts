import { z } from 'zod'
import { INDICADOR_TIPOS } from '../domain/plan'
import { isIsoDate } from '../domain/fechas'
import { MENSAJE_CONTROL, tieneControl } from '../domain/texto'

// Spanish defaults for any message not written out below.
z.config(z.locales.es())

export const LIMITES = {
  codigo: 20,
  nombre: 300,
  texto: 5000,
  responsables: 1000,
  sigla: 40
} as const

const requerido = (campo: string, max: number): z.ZodString =>
  z
    .string({ error: `${campo} es obligatorio.` })
    .trim()
    .min(1, `${campo} no puede estar vacío.`)
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)

const opcional = (campo: string, max: number): z.ZodType<string | null> =>
  z
    .string()
    .trim()
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)
    .nullable()
    .transform((v) => (v ? v : null))

export const idSchema = z.uuid({ error: 'Identificador no válido.' })

export const fechaSchema = z.string().refine(isIsoDate, 'Fecha no válida (se espera AAAA-MM-DD).')

const codigo = (re: RegExp, ejemplo: string): z.ZodString =>
  requerido('El código', LIMITES.codigo).regex(re, `El código debe tener la forma ${ejemplo}.`)

export const codigoEje = codigo(/^\d{1,2}$/, '1')
export const codigoObjetivo = codigo(/^\d{1,2}\.\d{1,2}$/, '1.1')
export const codigoAccion = codigo(/^\d{1,2}\.\d{1,2}\.[a-z]{1,2}$/, '1.1.a')

export const direccionSchema = z.enum(['arriba', 'abajo'])
export const moverSchema = z.object({ id: idSchema, direccion: direccionSchema })
export const porIdSchema = z.object({ id: idSchema })

export const planActualizarSchema = z
  .object({
    id: idSchema,
    nombre: requerido('El nombre del plan', LIMITES.nombre),
    periodoDesde: fechaSchema,
    periodoHasta: fechaSchema
  })
  .refine((p) => p.periodoDesde <= p.periodoHasta, {
    message: 'El período debe terminar después de comenzar.',
    path: ['periodoHasta']
  })

const ejeCampos = { codigo: codigoEje, nombre: requerido('El nombre del eje', LIMITES.nombre) }
export const ejeCrearSchema = z.object({ planId: idSchema, ...ejeCampos })
export const ejeActualizarSchema = z.object({ id: idSchema, ...ejeCampos })

const objetivoCampos = {
  codigo: codigoObjetivo,
  texto: requerido('El texto del objetivo', LIMITES.texto)
}
export const objetivoCrearSchema = z.object({ ejeId: idSchema, ...objetivoCampos })
export const objetivoActualizarSchema = z.object({ id: idSchema, ...objetivoCampos })

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
    .transform((v) => v.trim())
}
export const accionCrearSchema = z.object({ objetivoId: idSchema, ...accionCampos })
export const accionActualizarSchema = z.object({ id: idSchema, ...accionCampos })

const metaCampos = {
  texto: requerido('El texto de la meta', LIMITES.texto),
  /** undefined: read it from the text; null: no deadline. */
  plazo: fechaSchema.nullable().optional()
}
export const metaCrearSchema = z.object({ accionId: idSchema, ...metaCampos })
export const metaActualizarSchema = z.object({ id: idSchema, ...metaCampos })

const indicadorCampos = {
  texto: requerido('El texto del indicador', LIMITES.texto),
  tipo: z.enum(INDICADOR_TIPOS, { error: 'Tipo de indicador no válido.' }),
  numerador: opcional('El numerador', LIMITES.texto),
  denominador: opcional('El denominador', LIMITES.texto)
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
export const indicadorCrearSchema = z
  .object({ accionId: idSchema, ...indicadorCampos })
  .refine(porcentajeCompleto, porcentajeMensaje)
export const indicadorActualizarSchema = z
  .object({ id: idSchema, ...indicadorCampos })
  .refine(porcentajeCompleto, porcentajeMensaje)

const institucionCampos = {
  sigla: requerido('La sigla', LIMITES.sigla),
  nombre: requerido('El nombre de la institución', LIMITES.nombre)
}
export const institucionCrearSchema = z.object(institucionCampos)
export const institucionActualizarSchema = z.object({ id: idSchema, ...institucionCampos })

export const instanciaActualizarSchema = z.object({
  id: idSchema,
  nombre: requerido('El nombre de la instancia', LIMITES.nombre),
  coordinador: opcional('El coordinador', LIMITES.nombre),
  secretariaActas: opcional('La secretaría de actas', LIMITES.nombre)
})

export const planArbolSchema = z.object({ planId: idSchema.optional() })
export const vacioSchema = z.object({}).optional()
