import { notifyError } from './notify'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiResult } from '../../../shared/api/result'
import type { Tarea } from '../../../shared/domain/tareas'
import { call } from '../api/client'

/** Follows a long task of the main process: progress, detail, cancel, and its outcome. */
export function useTarea(): {
  tarea: Tarea | null
  iniciar: (inicio: Promise<ApiResult<{ tareaId: string }>>) => Promise<Tarea>
  cancelar: () => void
} {
  const [tarea, setTarea] = useState<Tarea | null>(null)
  const actual = useRef<string | null>(null)
  const vivo = useRef(true)
  useEffect(() => {
    vivo.current = true
    return () => {
      vivo.current = false
    }
  }, [])

  const iniciar = useCallback(
    async (inicio: Promise<ApiResult<{ tareaId: string }>>): Promise<Tarea> => {
      const r = await inicio
      if (!r.ok) {
        const fallida: Tarea = {
          id: '',
          estado: 'error',
          progreso: 0,
          detalle: r.error.message,
          resultado: null,
          error: r.error
        }
        setTarea(fallida)
        return fallida
      }
      actual.current = r.value.tareaId
      for (;;) {
        const e = await call('tarea:estado', { id: r.value.tareaId })
        const t: Tarea = e.ok
          ? e.value
          : {
              id: r.value.tareaId,
              estado: 'error',
              progreso: 0,
              detalle: e.error.message,
              resultado: null,
              error: e.error
            }
        if (vivo.current) setTarea(t)
        if (t.estado !== 'en_curso') {
          actual.current = null
          return t
        }
        await new Promise((ok) => setTimeout(ok, 150))
      }
    },
    []
  )

  // A cancel can come too late (the import is already saving): say so instead of pretending.
  const cancelar = useCallback(() => {
    if (!actual.current) return
    void call('tarea:cancelar', { id: actual.current }).then((r) => {
      if (!r.ok) notifyError('No se pudo cancelar', r.error)
    })
  }, [])

  return { tarea, iniciar, cancelar }
}
