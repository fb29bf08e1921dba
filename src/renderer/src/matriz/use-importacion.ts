import { useState } from 'react'
import { notifications } from '@mantine/notifications'
import type { Input } from '../../../shared/api/contract'
import type { VistaPreviaImportacion } from '../../../shared/domain/importacion'
import type { Tarea } from '../../../shared/domain/tareas'
import { call } from '../api/client'
import { leerParaImportar } from '../api/leer-archivo'
import { useInvalidar } from '../api/escrituras'
import { notifyError } from '../components/notify'
import { useTarea } from '../components/use-tarea'

export type Modo = 'actualizar' | 'nuevo'
export interface NuevoPlan {
  nombre: string
  periodoDesde: string
  periodoHasta: string
}

/** The import's steps: choose a file, preview what would change, apply it as a long task. */
export function useImportacion(planId: string, onDone: () => void) {
  const [base64, setBase64] = useState<string | null>(null)
  const [modo, setModoActual] = useState<Modo>('actualizar')
  const [nuevo, setNuevo] = useState<NuevoPlan>({ nombre: '', periodoDesde: '', periodoHasta: '' })
  const [vista, setVista] = useState<VistaPreviaImportacion | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { tarea, iniciar, cancelar } = useTarea()
  const invalidar = useInvalidar()

  const elegir = async (file: File | null) => {
    setVista(null)
    setError(null)
    setBase64(null)
    if (!file) return
    const leido = await leerParaImportar(file)
    if (leido.error !== undefined) setError(leido.error)
    else setBase64(leido.base64)
  }
  const revisar = async () => {
    if (!base64) return
    const r = await call('matriz:previsualizar', {
      base64,
      planId: modo === 'actualizar' ? planId : null
    })
    if (r.ok) {
      setVista(r.value)
      setError(null)
    } else setError(r.error.message)
  }
  const terminada = (t: Tarea, input: Input<'matriz:importar'>) => {
    if (t.estado === 'lista') {
      // The import ran as a task: it has written only now that it is done, not when it started.
      void invalidar({ channel: 'matriz:importar', input })
      notifications.show({
        color: 'teal',
        title: 'Matriz importada',
        message: modo === 'nuevo' ? 'Se creó el plan nuevo.' : 'El plan quedó actualizado.'
      })
      onDone()
    } else if (t.error) notifyError('No se pudo importar', t.error)
  }
  const aplicar = async () => {
    if (!base64) return
    const destino =
      modo === 'actualizar'
        ? { modo: 'actualizar' as const, planId }
        : { modo: 'nuevo' as const, ...nuevo }
    const input = { base64, destino }
    terminada(await iniciar(call('matriz:importar', input)), input)
  }
  const setModo = (m: Modo) => {
    setModoActual(m)
    setVista(null)
  }
  return {
    base64,
    modo,
    setModo,
    nuevo,
    setNuevo,
    vista,
    error,
    tarea,
    cancelar,
    elegir,
    revisar,
    aplicar
  }
}
