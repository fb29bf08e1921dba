import { z } from 'zod'
import type { FeErrata } from '../domain/sesiones'
import { antesDe, idSchema, libre, pesado, requerido, returns, vacioSchema } from '../api/campos'

export const errataCrearSchema = z.object({
  sesionId: idSchema,
  texto: requerido('El texto de la fe de erratas')
})

export const actaDocumentoSchema = z.object({
  sesionId: idSchema,
  formato: z.enum(['docx', 'pdf'], { error: 'Formato no válido (docx o pdf).' })
})

/** A logo as a data URL: PNG or JPEG, at most ~500 KB. */
export const logoSchema = z
  .string()
  .max(700_000, 'El logo no puede superar 500 KB.')
  .regex(
    /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/,
    'El logo debe ser una imagen PNG o JPEG.'
  )
  .nullable()

/** The paper both documents are printed on: carta (letter) or oficio (8.5 × 13 in). */
export const PAPELES = ['carta', 'oficio'] as const
export type Papel = (typeof PAPELES)[number]

const configCampos = {
  encabezado: libre('El encabezado', 2000),
  logo: logoSchema,
  // Optional so that a caller that only sets the letterhead keeps the paper and city chosen.
  papel: z.enum(PAPELES, { error: 'Papel no válido (carta u oficio).' }).optional(),
  ciudad: libre('La ciudad', 100).optional()
}
/** `antes`: the configuration as config:obtener read it (its defaults where nothing is stored). */
export const configGuardarSchema = z.object({ ...configCampos, antes: antesDe(configCampos) })

export interface Documento {
  nombre: string
  mime: string
  base64: string
}

export interface ConfigDocumentos {
  encabezado: string
  logo: string | null
  papel: Papel
  /** Where the sessions are held, for the acta's opening formula ("En Santiago, a…"). */
  ciudad: string
}

/** The acta as a document (DOCX, PDF), its fe de erratas, and the documents' header. */
export const actasMetodos = {
  'errata:crear': returns<FeErrata>()(errataCrearSchema),
  'acta:documento': pesado(returns<Documento>()(actaDocumentoSchema)),
  'config:obtener': returns<ConfigDocumentos>()(vacioSchema),
  'config:guardar': returns<ConfigDocumentos>()(configGuardarSchema)
}
