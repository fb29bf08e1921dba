import { newId } from './db/ids'
import { AppError } from './errors'
import type { ApiError } from '../../shared/api/result'
import type { Tarea } from '../../shared/domain/tareas'

type Trabajo<T> = (
  progreso: (fraccion: number, detalle: string) => void,
  signal: AbortSignal
) => Promise<T>

interface Registro {
  tarea: Tarea
  control: AbortController
}

/**
 * Long work (exports, imports) runs as a task the screen polls: it reports progress and can be
 * cancelled. A finished task is kept until it is read, then forgotten.
 */
export class Tareas {
  private readonly registro = new Map<string, Registro>()

  iniciar<T extends Tarea['resultado']>(trabajo: Trabajo<T>): { tareaId: string } {
    const id = newId()
    const control = new AbortController()
    const tarea: Tarea = {
      id,
      estado: 'en_curso',
      progreso: 0,
      detalle: 'Comenzando…',
      resultado: null,
      error: null
    }
    this.registro.set(id, { tarea, control })
    const progreso = (fraccion: number, detalle: string): void => {
      tarea.progreso = Math.max(tarea.progreso, Math.min(1, fraccion))
      tarea.detalle = detalle
    }
    void trabajo(progreso, control.signal).then(
      (resultado) => {
        if (tarea.estado !== 'en_curso') return
        Object.assign(tarea, { estado: 'lista', progreso: 1, detalle: 'Listo', resultado })
      },
      (error: unknown) => {
        if (control.signal.aborted)
          return Object.assign(tarea, {
            estado: 'cancelada',
            detalle: 'Cancelada',
            error: { code: 'cancelado', message: 'Operación cancelada. No se escribió nada.' }
          })
        const e: ApiError =
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : { code: 'interno', message: 'Ocurrió un error inesperado. No se escribió nada.' }
        Object.assign(tarea, { estado: 'error', detalle: e.message, error: e })
      }
    )
    return { tareaId: id }
  }

  estado(id: string): Tarea {
    const r = this.registro.get(id)
    if (!r) throw new AppError('no_encontrado', 'La tarea no existe o ya terminó.')
    if (r.tarea.estado !== 'en_curso') this.registro.delete(id)
    return { ...r.tarea }
  }

  cancelar(id: string): null {
    const r = this.registro.get(id)
    if (r && r.tarea.estado === 'en_curso') {
      r.control.abort()
      Object.assign(r.tarea, {
        estado: 'cancelada',
        detalle: 'Cancelada',
        error: { code: 'cancelado', message: 'Operación cancelada. No se escribió nada.' }
      })
    }
    return null
  }
}
