import { useEffect } from 'react'
import { notifications } from '@mantine/notifications'
import { alEvento, call } from '../api/client'
import type { AvisoRespaldo } from '../../../shared/api/eventos'

/** The notices this tab's secretary closed: a reload does not show them again. */
const CLAVE_CERRADOS = 'mitp-avisos-cerrados'

function cerrados(): string[] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(CLAVE_CERRADOS) ?? '[]')
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function mostrar(aviso: AvisoRespaldo): void {
  if (aviso.id && cerrados().includes(aviso.id)) return
  // The same id twice (heard as an event and listed) is shown once.
  notifications.show({
    ...(aviso.id ? { id: `respaldo-${aviso.id}` } : {}),
    color: 'red',
    title: aviso.diario ? 'Respaldo diario no realizado' : 'Respaldo no realizado',
    message: aviso.mensaje,
    autoClose: false,
    onClose: () => {
      if (aviso.id)
        sessionStorage.setItem(CLAVE_CERRADOS, JSON.stringify([...cerrados(), aviso.id]))
    }
  })
}

/**
 * What the core reports without being asked and nobody awaits: a backup that failed after an
 * acta was approved (the approval answered before it), or the daily one at start (before this
 * page listened: asked for once). Shown until closed: it asks for action.
 */
export function useAvisosDelNucleo(): void {
  useEffect(() => {
    let vigente = true
    const dejar = alEvento((e) => {
      if (e.tipo === 'respaldo_fallido') mostrar(e)
    })
    void call('respaldo:estado', undefined).then((r) => {
      if (vigente && r.ok) r.value.fallidos.forEach(mostrar)
    })
    return () => {
      vigente = false
      dejar()
    }
  }, [])
}
