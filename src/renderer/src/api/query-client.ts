import { QueryClient } from '@tanstack/react-query'
import { ApiCallError } from './client'

/**
 * The renderer's cache of server state. A refused call (an ApiResult with ok: false) is the
 * service's answer, not a lost message: asking again would get the same refusal, so only
 * unexpected failures (a broken transport) are retried.
 */
export function crearQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (fallos, error) => !(error instanceof ApiCallError) && fallos < 2,
        // The data changes only through this window, and every write invalidates what it touched.
        refetchOnWindowFocus: false
      },
      mutations: { retry: false }
    }
  })
}
