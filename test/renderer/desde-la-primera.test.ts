import { describe, expect, it } from 'vitest'
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query'
import { invalidarDesdeLaPrimera } from '../../src/renderer/src/api/desde-la-primera'

/**
 * After a write, the sessions list (read 100 at a time as it is scrolled) is read again with one
 * call whether 6 or 60 pages were loaded; before, TanStack Query read every loaded page again.
 * What is left shown is the first page, as the core has it now.
 */
async function tras(paginas: number) {
  const qc = new QueryClient()
  let llamadas = 0
  let version = 'antes'
  const obs = new InfiniteQueryObserver(qc, {
    queryKey: ['sesion:listar', { instanciaId: null, paginas: 100 }],
    queryFn: ({ pageParam }: { pageParam: number }) => {
      llamadas++
      return Promise.resolve(
        Array.from({ length: 100 }, (_, k) => `${version} ${pageParam * 100 + k}`)
      )
    },
    initialPageParam: 0,
    getNextPageParam: (_u: string[], todas: string[][]) => todas.length
  })
  const fin = obs.subscribe(() => undefined)
  await obs.refetch()
  for (let p = 1; p < paginas; p++) await obs.fetchNextPage()
  expect(obs.getCurrentResult().data?.pages).toHaveLength(paginas)
  // A session approved: sesion:listar among what a write makes stale (an unrelated key too).
  const antes = llamadas
  version = 'después'
  await invalidarDesdeLaPrimera(qc, ['sesion:listar'])
  await invalidarDesdeLaPrimera(qc, ['sesion:obtener'])
  const filas = obs.getCurrentResult().data!.pages.flat()
  fin()
  qc.clear()
  return { llamadas: llamadas - antes, filas }
}

describe('a list read page by page, after a write', () => {
  it.each([6, 60])('with %i pages loaded, is read again with one call', async (paginas) => {
    const { llamadas, filas } = await tras(paginas)
    expect(llamadas).toBe(1)
    expect(filas).toHaveLength(100)
    expect(filas.every((f) => f.startsWith('después'))).toBe(true)
  })
})
