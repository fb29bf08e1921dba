import type { AccionRow, EjeRow, IndicadorRow, MetaRow, ObjetivoRow, PlanRow } from '../db/schema'
import type {
  Accion,
  Eje,
  Indicador,
  Meta,
  Objetivo,
  PlanResumen
} from '../../../shared/domain/plan'

// Rows become API objects in one place, so column names never leak past the services.

export const toPlan = (r: PlanRow): PlanResumen => ({
  id: r.id,
  nombre: r.nombre,
  periodoDesde: r.periodo_desde,
  periodoHasta: r.periodo_hasta,
  cerradoAt: r.cerrado_at
})

export const toEje = (r: EjeRow, objetivos: Objetivo[] = []): Eje => ({
  id: r.id,
  planId: r.plan_id,
  codigo: r.codigo,
  nombre: r.nombre,
  orden: r.orden,
  objetivos
})

export const toObjetivo = (r: ObjetivoRow, acciones: Accion[] = []): Objetivo => ({
  id: r.id,
  ejeId: r.eje_id,
  codigo: r.codigo,
  texto: r.texto,
  orden: r.orden,
  acciones
})

export const toAccion = (
  r: AccionRow,
  metas: Meta[] = [],
  indicadores: Indicador[] = []
): Accion => ({
  id: r.id,
  objetivoId: r.objetivo_id,
  codigo: r.codigo,
  texto: r.texto,
  instanciaId: r.instancia_id,
  responsables: r.responsables,
  orden: r.orden,
  rotuloIndicadores: r.rotulo_indicadores,
  separadorCodigo: r.separador_codigo,
  metas,
  indicadores
})

export const toMeta = (r: MetaRow): Meta => ({
  id: r.id,
  accionId: r.accion_id,
  texto: r.texto,
  plazo: r.plazo,
  orden: r.orden,
  rotulo: r.rotulo
})

export const toIndicador = (r: IndicadorRow): Indicador => ({
  id: r.id,
  accionId: r.accion_id,
  texto: r.texto,
  tipo: r.tipo,
  numerador: r.numerador,
  denominador: r.denominador,
  orden: r.orden,
  vineta: r.vineta,
  metaValor: r.meta_valor
})

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = map.get(k)
    if (list) list.push(r)
    else map.set(k, [r])
  }
  return map
}
