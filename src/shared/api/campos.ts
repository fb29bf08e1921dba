import { z } from 'zod'
import { isIsoDate } from '../domain/fechas'
import { MENSAJE_CONTROL, tieneControl } from '../domain/texto'

// Spanish defaults for any message not written out in a schema.
z.config(z.locales.es())

/** The field builders every domain's schemas share, with their Spanish messages. */
export const LIMITES = {
  codigo: 20,
  nombre: 300,
  texto: 5000,
  responsables: 1000,
  sigla: 40
} as const

/** Required text: trimmed, not empty, bounded, no control characters. */
export const requerido = (campo: string, max: number = LIMITES.texto): z.ZodString =>
  z
    .string({ error: `${campo} es obligatorio.` })
    .trim()
    .min(1, `${campo} no puede estar vacío.`)
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)

/** Optional short text: empty becomes null. */
export const opcional = (campo: string, max: number = LIMITES.nombre): z.ZodType<string | null> =>
  z
    .string()
    .trim()
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)
    .nullable()
    .transform((v) => (v ? v : null))

/** Free text that may be empty (minutes are written as the session goes). */
export const libre = (campo: string, max: number = 50_000): z.ZodString =>
  z
    .string()
    .max(max, `${campo} no puede superar ${max} caracteres.`)
    .refine((v) => !tieneControl(v), MENSAJE_CONTROL)

export const idSchema = z.uuid({ error: 'Identificador no válido.' })
export const MENSAJE_FECHA = 'Fecha no válida: escríbala como dd-mm-aaaa (por ejemplo 15-12-2014).'
/** The years an acta's dates fall in: a slip like 9999 or 0214 is an error, not a date. */
export const ANIO_MINIMO = 1990
export const ANIO_MAXIMO = 2100
export const MENSAJE_FECHA_RANGO = `Fecha fuera de rango: el año debe estar entre ${ANIO_MINIMO} y ${ANIO_MAXIMO}.`
const enRango = (v: string): boolean => {
  const anio = Number(v.slice(0, 4))
  return anio >= ANIO_MINIMO && anio <= ANIO_MAXIMO
}
export const fechaSchema = z
  .string()
  .refine(isIsoDate, MENSAJE_FECHA)
  .refine((v) => !isIsoDate(v) || enRango(v), MENSAJE_FECHA_RANGO)
export const direccionSchema = z.enum(['arriba', 'abajo'])
export const moverSchema = z.object({ id: idSchema, direccion: direccionSchema })
export const porIdSchema = z.object({ id: idSchema })
export const vacioSchema = z.object({}).optional()

/** A method: the zod schema its input must pass, and (as a type only) what it returns. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I
  /** Phantom: never set at run time, carries the result type. */
  output?: O
  /** Can take seconds (whole workbooks, documents, backups): served by the core's second thread. */
  pesado?: true
}

/** Marks a method that can take seconds, so the everyday calls never queue behind it. */
export const pesado = <I extends z.ZodType, O>(def: MethodDef<I, O>): MethodDef<I, O> => ({
  ...def,
  pesado: true
})

export const returns =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input })

/** Removal answers with the id it removed. */
export type Removed = { id: string }

export const hora = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora no válida (se espera HH:MM).')
  .nullable()
export const fechaOpcional = fechaSchema.nullable()

/**
 * The fields of an update as the caller last read them (any subset): the core writes only those
 * it changed, and refuses, as stale, one that someone else changed since (core/concurrencia.ts).
 * Optional in the contract only for callers that never read what they write (the CLI, imports,
 * seeds, tests); the screens' wrapper (renderer api/escrituras.ts) requires it.
 */
export const antesDe = <S extends z.ZodRawShape>(campos: S) => z.object(campos).partial().optional()
