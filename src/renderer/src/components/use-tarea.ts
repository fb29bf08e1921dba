import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiResult } from '../../../shared/api/result'
import type { Tarea } from '../../../shared/domain/tareas'
import { alEvento, call } from '../api/client'
import { notifyError } from './notify'

const terminada = (t: Tarea | undefined): boolean => !!t && t.estado !== 'en_curso'
// Events carry the progress; a slow check now and then covers one lost on the way.
const REVISION_MS = 5000

function fallida(error: Tarea['error'] & object, id = ''): Tarea {
  return { id, estado: 'error', progreso: 0, detalle: error.message, resultado: null, error }
}

/** Follows a long task of the core by its pushed events: progress, detail, cancel, outcome. */
export function useTarea(): {
  tarea: Tarea | null
  iniciar: (inicio: Promise<ApiResult<{ tareaId: string }>>) => Promise<Tarea>
  cancelar: () => void
} {
  const [tarea, setTarea] = useState<Tarea | null>(null)
  const actual = useRef<string | null>(null)
  const vistos = useRef(new Map<string, Tarea>())
  const despertar = useRef<(() => void) | null>(null)
  const vivo = useRef(true)
  useEffect(() => {
    vivo.current = true
    // Subscribed before any task starts: its first events cannot be missed.
    const dejar = alEvento((e) => {
      if (e.tipo !== 'tarea') return
      vistos.current.set(e.tarea.id, e.tarea)
      if (e.tarea.id !== actual.current) return
      if (vivo.current) setTarea(e.tarea)
      if (terminada(e.tarea)) despertar.current?.()
    })
    return () => {
      vivo.current = false
      dejar()
    }
  }, [])

  const iniciar = useCallback(
    async (inicio: Promise<ApiResult<{ tareaId: string }>>): Promise<Tarea> => {
      const r = await inicio
      if (!r.ok) {
        setTarea(fallida(r.error))
        return fallida(r.error)
      }
      const id = r.value.tareaId
      actual.current = id
      // Its first events can arrive before this answer (a short task sends only a few): show
      // the latest one now, or the progress stays hidden until the next.
      const visto = vistos.current.get(id)
      if (visto && vivo.current) setTarea(visto)
      for (;;) {
        if (!terminada(vistos.current.get(id)))
          await new Promise<void>((listo) => {
            despertar.current = listo
            setTimeout(listo, REVISION_MS)
          })
        // The final state (with its result, which events leave out) is read once.
        const e = await call('tarea:estado', { id })
        const t = e.ok ? e.value : fallida(e.error, id)
        if (t.estado === 'en_curso') continue
        actual.current = null
        vistos.current.delete(id)
        if (vivo.current) setTarea(t)
        return t
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
