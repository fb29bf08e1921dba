import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query'
import type { Channel, Input, Output } from '../../../shared/api/contract'
import { callOrThrow } from './client'

/** The cache key of a read: the channel, then its input (so a channel alone matches them all). */
export const claveDe = <C extends Channel>(channel: C, input: Input<C>): readonly unknown[] => [
  channel,
  input
]

/** One API read, cached under [channel, input]; a refusal arrives as `error` (an ApiCallError). */
export function useApiQuery<C extends Channel>(
  channel: C,
  input: Input<C>,
  opciones: { enabled?: boolean; mantenerAnterior?: boolean } = {}
): UseQueryResult<Output<C>> {
  return useQuery({
    queryKey: claveDe(channel, input),
    queryFn: () => callOrThrow(channel, input),
    enabled: opciones.enabled,
    // A filter that changes the input keeps showing the last answer until the new one arrives.
    placeholderData: opciones.mantenerAnterior ? keepPreviousData : undefined
  })
}
