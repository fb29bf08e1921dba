import { useCallback, useEffect, useState } from 'react'
import type { Channel } from '../../../shared/api/channels'
import type { Input, Output } from '../../../shared/api/contract'
import type { ApiError } from '../../../shared/api/result'
import { call } from './client'

export interface Query<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/** Loads one API call and reloads on demand (after an edit). */
export function useQuery<C extends Channel>(channel: C, input: Input<C>): Query<Output<C>> {
  const key = JSON.stringify(input ?? null)
  const [data, setData] = useState<Output<C>>()
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(true)

  const reload = useCallback(async () => {
    setLoading(true)
    const r = await call(channel, JSON.parse(key) as Input<C>)
    if (r.ok) {
      setData(r.value)
      setError(undefined)
    } else setError(r.error)
    setLoading(false)
  }, [channel, key])

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, error, loading, reload }
}
