import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'

const esInfinita = (d: unknown): d is InfiniteData<unknown, unknown> =>
  typeof d === 'object' && d !== null && 'pages' in d && 'pageParams' in d

/**
 * Marks the cached reads under `queryKey` stale, keeping of a list read page by page only its
 * first page: TanStack Query reads an infinite list again page by page, every page scrolled
 * through (60 calls for 6,000 sessions after each write). The re-read is one page; the rows
 * beyond come again, fresh, as the list is scrolled.
 */
export function invalidarDesdeLaPrimera(qc: QueryClient, queryKey: QueryKey): Promise<void> {
  for (const q of qc.getQueryCache().findAll({ queryKey })) {
    const d = q.state.data
    if (esInfinita(d) && d.pages.length > 1)
      qc.setQueryData(q.queryKey, {
        pages: d.pages.slice(0, 1),
        pageParams: d.pageParams.slice(0, 1)
      })
  }
  return qc.invalidateQueries({ queryKey })
}
