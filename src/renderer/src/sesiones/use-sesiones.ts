import { useCallback } from 'react'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import type { SesionResumen } from '../../../shared/domain/sesiones'
import { callOrThrow } from '../api/client'

/** Sessions asked for at a time: a few screens of rows. */
const PAGINA = 100

/**
 * The session list a page at a time, newest first. Cached under 'sesion:listar' so every write
 * that invalidates the list (a new session, an approval) refreshes it.
 */
export function useSesiones(instanciaId: string | null): {
  sesiones: SesionResumen[]
  hayMas: boolean
  cargarMas: () => void
  error: Error | null
  cargando: boolean
} {
  const q = useInfiniteQuery({
    queryKey: ['sesion:listar', { instanciaId, paginas: PAGINA }],
    queryFn: ({ pageParam }) =>
      callOrThrow('sesion:listar', {
        ...(instanciaId ? { instanciaId } : {}),
        limite: PAGINA,
        ...(pageParam ? { despuesDe: pageParam } : {})
      }),
    initialPageParam: null as { fecha: string; id: string } | null,
    getNextPageParam: (ultima) => {
      const s = ultima.at(-1)
      return ultima.length === PAGINA && s ? { fecha: s.fecha, id: s.id } : undefined
    },
    placeholderData: keepPreviousData
  })
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q
  const cargarMas = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  return {
    sesiones: q.data?.pages.flat() ?? [],
    hayMas: hasNextPage,
    cargarMas,
    error: q.error,
    cargando: q.isPending
  }
}
