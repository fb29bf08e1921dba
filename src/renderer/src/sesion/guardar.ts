import { createContext, useCallback, useContext } from 'react'
import type { Channel } from '../../../shared/api/contract'
import { esDesactualizado } from '../../../shared/api/result'
import { useEscribir, type EntradaPantalla } from '../api/escrituras'
import { useSaveStatus } from '../components/save-status'

/** The session the screen shows: every write of its acta makes it be read again. */
export const SesionActual = createContext<string | null>(null)

export type Guardar = <C extends Channel>(channel: C, input: EntradaPantalla<C>) => Promise<boolean>

/**
 * A write of the acta: shown in the save badge (a refusal is notified there), then the session
 * and the list of sessions are read again. Resolves to whether it was saved. `alDesactualizado`:
 * what the caller does when the write was refused because someone else changed it (use-leido.ts).
 */
export function useGuardar(alDesactualizado?: () => void): Guardar {
  const sesionId = useContext(SesionActual) ?? undefined
  const escribir = useEscribir(sesionId)
  const { track } = useSaveStatus()
  return useCallback(
    <C extends Channel>(channel: C, input: EntradaPantalla<C>) =>
      track(
        escribir(channel, input).then((r) => {
          if (!r.ok && esDesactualizado(r.error)) alDesactualizado?.()
          return r
        })
      ),
    [track, escribir, alDesactualizado]
  )
}
