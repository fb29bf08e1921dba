import { z } from 'zod'
import type { VistaPreviaImportacion } from '../domain/importacion'
import { fechaSchema, idSchema, LIMITES, requerido, pesado, returns } from '../api/campos'

export const matrizExportarSchema = z
  .object({
    planId: idSchema.optional(),
    seguimiento: z.boolean(),
    papel: z.enum(['carta', 'oficio', 'a4'], { error: 'Tamaño de papel no válido.' }),
    instanciaId: idSchema.optional(),
    desde: fechaSchema.optional(),
    hasta: fechaSchema.optional()
  })
  .refine((o) => !o.desde || !o.hasta || o.desde <= o.hasta, {
    message: 'La fecha final no puede ser anterior a la inicial.',
    path: ['hasta']
  })

/** A workbook as base64: 20 MB of file at most. */
const libroBase64 = z
  .string()
  .max(28_000_000, 'El archivo supera el máximo de 20 MB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'El archivo no llegó completo; vuelva a elegirlo.')

export const matrizPrevisualizarSchema = z.object({
  base64: libroBase64,
  planId: idSchema.nullable()
})

export const matrizImportarSchema = z.object({
  base64: libroBase64,
  destino: z.discriminatedUnion('modo', [
    z.object({ modo: z.literal('actualizar'), planId: idSchema }),
    z
      .object({
        modo: z.literal('nuevo'),
        nombre: requerido('El nombre del plan', LIMITES.nombre),
        periodoDesde: fechaSchema,
        periodoHasta: fechaSchema
      })
      .refine((p) => p.periodoDesde <= p.periodoHasta, {
        message: 'El período debe terminar después de comenzar.',
        path: ['periodoHasta']
      })
  ])
})

/** The ministry's matrix as a workbook: export (a task), preview and import (a task). */
export const matrizMetodos = {
  'matriz:exportar': pesado(returns<{ tareaId: string }>()(matrizExportarSchema)),
  'matriz:previsualizar': pesado(returns<VistaPreviaImportacion>()(matrizPrevisualizarSchema)),
  'matriz:importar': pesado(returns<{ tareaId: string }>()(matrizImportarSchema))
}
