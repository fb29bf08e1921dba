import type { ApiError } from '../api/result'
import type { ResultadoImportacion } from './importacion'

export interface DocumentoGenerado {
  nombre: string
  mime: string
  base64: string
}

/** A long piece of work the screen follows: progress 0..1, cancellable. */
export interface Tarea {
  id: string
  estado: 'en_curso' | 'lista' | 'error' | 'cancelada'
  progreso: number
  detalle: string
  resultado: DocumentoGenerado | ResultadoImportacion | null
  error: ApiError | null
}
