import { useEffect } from 'react'
import { useSearch } from 'wouter'

/**
 * The row a search result asked a list to show (?persona=ID): scrolled into view once the list
 * has it, and marked (`aria-current`) so the eye finds it.
 */
export function useFilaPedida(param: string, cargada: boolean): string | null {
  const id = new URLSearchParams(useSearch()).get(param)
  useEffect(() => {
    if (!id || !cargada) return
    document
      .querySelector(`[data-fila-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: 'center' })
  }, [id, cargada])
  return id
}

/** The props that mark the asked-for row. */
export const marcaFila = (id: string, pedida: string | null) => ({
  'data-fila-id': id,
  ...(id === pedida ? { 'aria-current': 'true' as const, bg: 'yellow.1' } : {})
})
