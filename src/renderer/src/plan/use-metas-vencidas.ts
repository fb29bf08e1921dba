import { useQuery } from '@tanstack/react-query'
import { callOrThrow } from '../api/client'
import { claveDe } from '../api/queries'

/** The plan's metas past their plazo today (every page of them: a plan has a few hundred). */
export function useMetasVencidas(planId: string | undefined): Set<string> {
  const { data } = useQuery({
    queryKey: claveDe('metavencida:listar', { planId, offset: 0, limit: 200 }),
    enabled: !!planId,
    queryFn: async () => {
      const ids: string[] = []
      for (let offset = 0; ; offset += 200) {
        const p = await callOrThrow('metavencida:listar', { planId, offset, limit: 200 })
        ids.push(...p.filas.map((m) => m.metaId))
        if (offset + 200 >= p.total) return new Set(ids)
      }
    }
  })
  return data ?? new Set()
}
