import { z } from 'zod'
import type { FeErrata } from '../domain/sesiones'
import { idSchema, libre, pesado, requerido, returns, vacioSchema } from '../api/campos'

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

export const configGuardarSchema = z.object({
  encabezado: libre('El encabezado', 2000),
  logo: logoSchema
})

export interface Documento {
  nombre: string
  mime: string
  base64: string
}

export interface ConfigDocumentos {
  encabezado: string
  logo: string | null
}

/** The acta as a document (DOCX, PDF), its fe de erratas, and the documents' header. */
export const actasMetodos = {
  'errata:crear': returns<FeErrata>()(errataCrearSchema),
  'acta:documento': pesado(returns<Documento>()(actaDocumentoSchema)),
  'config:obtener': returns<ConfigDocumentos>()(vacioSchema),
  'config:guardar': returns<ConfigDocumentos>()(configGuardarSchema)
}
