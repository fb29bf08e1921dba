import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { Badge } from '@mantine/core'
import type { ApiResult } from '../../../shared/api/result'
import { notifyError } from './notify'

interface SaveStatus {
  /** Runs one save and reflects it in the status badge; resolves to whether it was saved. */
  track: (save: Promise<ApiResult<unknown>>) => Promise<boolean>
  pending: number
  savedAt: Date | null
  failed: boolean
}

const Ctx = createContext<SaveStatus | null>(null)

export function SaveStatusProvider(props: { children: ReactNode }): ReactNode {
  const [pending, setPending] = useState(0)
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const [failed, setFailed] = useState(false)
  const track = useCallback(async (save: Promise<ApiResult<unknown>>) => {
    setPending((n) => n + 1)
    const r = await save
    setPending((n) => n - 1)
    if (r.ok) {
      setSavedAt(new Date())
      setFailed(false)
      return true
    }
    setFailed(true)
    notifyError('No se pudo guardar', r.error)
    return false
  }, [])
  const value = useMemo(
    () => ({ track, pending, savedAt, failed }),
    [track, pending, savedAt, failed]
  )
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>
}

export function useSaveStatus(): SaveStatus {
  const ctx = useContext(Ctx)
  if (!ctx) throw new Error('useSaveStatus fuera de SaveStatusProvider')
  return ctx
}

const hora = (d: Date): string =>
  new Intl.DateTimeFormat('es-CL', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false
  }).format(d)

/** "Guardando…", "Guardado 12:04:31" or the error, always visible while taking minutes. */
export function SaveStatusBadge(): ReactNode {
  const { pending, savedAt, failed } = useSaveStatus()
  if (pending > 0)
    return (
      <Badge color="yellow" variant="light" tt="none" role="status">
        Guardando…
      </Badge>
    )
  if (failed)
    return (
      <Badge color="red" variant="light" tt="none" role="status">
        Error al guardar
      </Badge>
    )
  if (savedAt)
    return (
      <Badge color="teal" variant="light" tt="none" role="status">
        Guardado {hora(savedAt)}
      </Badge>
    )
  return (
    <Badge color="gray" variant="light" tt="none" role="status">
      Sin cambios
    </Badge>
  )
}
