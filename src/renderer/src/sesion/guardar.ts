import { createContext, useCallback, useContext } from 'react'
import type { Channel, Input } from '../../../shared/api/contract'
import { useEscribir } from '../api/escrituras'
import { useSaveStatus } from '../components/save-status'

/** The session the screen shows: every write of its acta makes it be read again. */
export const SesionActual = createContext<string | null>(null)

export type Guardar = <C extends Channel>(channel: C, input: Input<C>) => Promise<boolean>

/**
 * A write of the acta: shown in the save badge (a refusal is notified there), then the session
 * and the list of sessions are read again. Resolves to whether it was saved.
 */
export function useGuardar(): Guardar {
  const sesionId = useContext(SesionActual) ?? undefined
  const escribir = useEscribir(sesionId)
  const { track } = useSaveStatus()
  return useCallback(
    <C extends Channel>(channel: C, input: Input<C>) => track(escribir(channel, input)),
    [track, escribir]
  )
}
