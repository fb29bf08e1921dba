import { z } from 'zod'
import { idSchema, LIMITES, opcional, requerido, returns, vacioSchema } from '../api/campos'

/** Who uses this copy of the app: asked at first run, editable in Configuración. */
export interface Perfil {
  nombre: string
  institucion: string | null
}

export const perfilSchema = z.object({
  nombre: requerido('Su nombre', LIMITES.nombre),
  institucion: opcional('La institución', LIMITES.nombre)
})

/** Whose history a screen shows. */
export const ENTIDADES_HISTORIAL = ['accion', 'sesion', 'acuerdo'] as const
export type EntidadHistorial = (typeof ENTIDADES_HISTORIAL)[number]

export const LIMITE_HISTORIAL = 20

export const historialListarSchema = z.object({
  entidad: z.enum(ENTIDADES_HISTORIAL),
  id: idSchema,
  /** The page after this change (its id); none for the newest. */
  antesDe: z.number().int().positive().nullable().optional(),
  limite: z.number().int().min(1).max(100).optional()
})

/** One field of a row as a change left it. */
export interface CampoCambiado {
  campo: string
  antes: unknown
  despues: unknown
}

/** One recorded change of one row. */
export interface Cambio {
  id: number
  /** ISO-8601 UTC. */
  en: string
  /** Null: made with no profile (the first seed, a migration). */
  actor: string | null
  institucion: string | null
  canal: string | null
  tabla: string
  filaId: string
  operacion: 'crear' | 'modificar' | 'borrar'
  /** The fields that changed (all of them when the row was created or removed). */
  campos: CampoCambiado[]
}

export interface PaginaHistorial {
  cambios: Cambio[]
  /** Pass as `antesDe` for the next (older) page; null at the oldest. */
  siguiente: number | null
}

/** The local profile and the history of changes. */
export const historialMetodos = {
  'perfil:obtener': returns<Perfil | null>()(vacioSchema),
  'perfil:guardar': returns<Perfil>()(perfilSchema),
  'historial:listar': returns<PaginaHistorial>()(historialListarSchema)
}
