import { useCallback, useEffect, useState } from 'react'
import type { Channel } from '../../../shared/api/contract'
import type { Input, Output } from '../../../shared/api/contract'
import type { ApiError } from '../../../shared/api/result'
import { call } from './client'

export interface Query<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  /** Asks again (after an edit); the data shown stays until the answer arrives. */
  reload: () => void
}

interface Loaded<T> {
  request: string
  data?: T
  error?: ApiError
}

/** Loads one API call; reloads when its input changes or on demand. */
export function useQuery<C extends Channel>(channel: C, input: Input<C>): Query<Output<C>> {
  const key = JSON.stringify(input ?? null)
  const [version, setVersion] = useState(0)
  const request = `${channel}|${key}|${version}`
  const [state, setState] = useState<Loaded<Output<C>>>({ request: '' })

  useEffect(() => {
    let live = true
    void call(channel, JSON.parse(key) as Input<C>).then((r) => {
      if (!live) return
      setState((prev) =>
        r.ok ? { request, data: r.value } : { request, data: prev.data, error: r.error }
      )
    })
    return () => {
      live = false
    }
  }, [channel, key, request])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data: state.data, error: state.error, loading: state.request !== request, reload }
}
