import type { Accion } from '../../../shared/domain/plan'

// The labels of the matrix's cells: "Meta:", "Indicadores:", the bullets and what follows an
// acción's code. The database keeps one only where the ministry wrote it otherwise than the
// matrix writes it by itself (null: the regenerated label), so a plan keeps its own text and an
// edited one gets the usual labels.

export const VINETA = '•'
export const SEPARADOR_CODIGO = '. '
export const rotuloMeta = (i: number, n: number): string => (n > 1 ? `Meta ${i + 1}:` : 'Meta:')
export const rotuloIndicadores = (n: number): string => (n > 1 ? 'Indicadores:' : 'Indicador:')

/** The labels of one acción's cells as read from a workbook (null: the usual one). */
export interface RotulosAccion {
  separador: string | null
  metas: (string | null)[]
  indicadores: string | null
  vinetas: (string | null)[]
}

/** What a label read back is kept as: null when it is the one the matrix writes by itself. */
export const propio = (leido: string | null, usual: string): string | null =>
  leido === null || leido === usual ? null : leido

/** The labels an acción's cells show, each spelled out, to compare a workbook with the plan. */
export function rotulosEfectivos(r: RotulosAccion): {
  separador: string
  metas: string
  indicadores: string
} {
  const n = r.metas.length
  return {
    separador: r.separador ?? SEPARADOR_CODIGO,
    metas: r.metas.map((m, i) => m ?? rotuloMeta(i, n)).join('\n'),
    indicadores: [
      r.indicadores ?? rotuloIndicadores(r.vinetas.length),
      ...r.vinetas.map((v) => v ?? VINETA)
    ].join('\n')
  }
}

/** The labels the plan keeps for an acción, in the shape a workbook's are read. */
export const rotulosDe = (a: Accion): RotulosAccion => ({
  separador: a.separadorCodigo,
  metas: a.metas.map((m) => m.rotulo),
  indicadores: a.rotuloIndicadores,
  vinetas: a.indicadores.map((i) => i.vineta)
})
