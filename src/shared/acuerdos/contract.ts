import { z } from 'zod'
import { ACUERDO_ESTADOS, type Acuerdo, type SeguimientoEntrada } from '../domain/sesiones'
import type { Documento } from '../actas/contract'
import {
  antesDe,
  fechaOpcional,
  fechaSchema,
  pesado,
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
export const acuerdoActualizarSchema = z.object({
  id: idSchema,
  ...acuerdoCampos,
  antes: antesDe(acuerdoCampos)
})

const seguimientoCampos = {
  estado: z.enum(ACUERDO_ESTADOS, { error: 'Estado del acuerdo no válido.' }),
  nota: libre('La nota', 5000)
}
export const seguimientoGuardarSchema = z.object({
  sesionId: idSchema,
  acuerdoId: idSchema,
  ...seguimientoCampos,
  antes: antesDe(seguimientoCampos)
})

/** An acuerdo in the list across sessions: where it was taken and every follow-up since. */
export interface AcuerdoListado extends Acuerdo {
  instanciaId: string
  instancia: string
  institucion: string | null
  historial: SeguimientoEntrada[]
}

/** What the list across sessions asks for: "abierto" is any not yet fulfilled. */
export const SITUACIONES_FILTRO = [
  'pendiente',
  'en_curso',
  'cumplido',
  'vencido',
  'abierto'
] as const
const filtroCampos = {
  /** A plan's acuerdos: about its acciones, or about none and taken within its period. */
  planId: idSchema.optional(),
  instanciaId: idSchema.optional(),
  institucionId: idSchema.optional(),
  personaId: idSchema.optional(),
  accionId: idSchema.optional(),
  situacion: z.enum(SITUACIONES_FILTRO, { error: 'Situación no válida.' }).optional(),
  plazoDesde: fechaSchema.optional(),
  plazoHasta: fechaSchema.optional(),
  /** By plazo, earliest first unless 'plazo_desc'; without plazo last. */
  orden: z.enum(['plazo', 'plazo_desc']).optional()
}
const rangoValido = {
  check: (o: { plazoDesde?: string | undefined; plazoHasta?: string | undefined }) =>
    !o.plazoDesde || !o.plazoHasta || o.plazoDesde <= o.plazoHasta,
  error: { message: 'La fecha final no puede ser anterior a la inicial.', path: ['plazoHasta'] }
}
export const acuerdoFiltroSchema = z
  .object(filtroCampos)
  .refine(rangoValido.check, rangoValido.error)
/** Where a page of the list starts: right after this acuerdo (its place in the order). */
export const acuerdoCursorSchema = z.object({
  plazo: fechaSchema.nullable(),
  sesionFecha: fechaSchema,
  numero: z.number().int(),
  id: idSchema
})
export type AcuerdoCursor = z.infer<typeof acuerdoCursorSchema>
/**
 * A filtered list counts its acuerdos up to this many: counting stops there ("más de").
 * Without a filter the count is exact (SQLite's count of the table).
 */
export const ACUERDOS_TOPE_TOTAL = 1000
/**
 * A page of the list: 50 unless said, from the first, from `offset`, or after `despuesDe` (a
 * row of the previous page: costs the same however deep, where `offset` walks every earlier row).
 */
export const acuerdoListarSchema = z
  .object({
    ...filtroCampos,
    offset: z.number().int().min(0).optional(),
    despuesDe: acuerdoCursorSchema.optional(),
    limit: z.number().int().min(1).max(200).optional()
  })
  .refine(rangoValido.check, rangoValido.error)
/** The page, the total (exact unless `totalExacto` is false: then more than `total`), and more. */
export interface AcuerdosPagina {
  hoy: string
  total: number
  totalExacto: boolean
  hayMas: boolean
  filas: AcuerdoListado[]
}

/** Acuerdos of a session, and their follow-up in later sessions; every acuerdo, in one list. */
export const acuerdosMetodos = {
  'acuerdo:crear': returns<Acuerdo>()(acuerdoCrearSchema),
  'acuerdo:actualizar': returns<Acuerdo>()(acuerdoActualizarSchema),
  'acuerdo:eliminar': returns<Removed>()(porIdSchema),
  'acuerdo:seguimiento': returns<null>()(seguimientoGuardarSchema),
  'acuerdo:listar': returns<AcuerdosPagina>()(acuerdoListarSchema),
  /** The filtered list as the tracking workbook's Acuerdos sheet. */
  'acuerdo:exportar': pesado(returns<Documento>()(acuerdoFiltroSchema))
}
