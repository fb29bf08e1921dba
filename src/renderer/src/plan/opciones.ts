import type { Output } from '../../../shared/api/contract'

/** The plans as a selector lists them: name and the years of its period. */
export const opcionesPlanes = (
  planes: Output<'plan:listar'> | undefined
): { value: string; label: string }[] =>
  (planes ?? []).map((p) => ({
    value: p.id,
    label: `${p.nombre} (${p.periodoDesde.slice(0, 4)}–${p.periodoHasta.slice(0, 4)})`
  }))
