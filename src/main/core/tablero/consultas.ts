import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema'
import type { AvanceEstado } from '../../../shared/domain/sesiones'

// The dashboard's SQL. Each acción's latest report is found per acción by one index seek: the
// work follows the plan's size, never the history.

export interface Alcance {
  planId: string
  instanciaId?: string | undefined
  /** Only reports of sessions held up to this date count (the annual report's 31 December). */
  hasta?: string | undefined
}

/**
 * The latest report of acción `acc` (an avances id), in approved actas only or in any acta: one
 * seek in `avance_fechas` (migration 0016), whatever the acción's history.
 */
export const ultimoAvance = (soloAprobadas: boolean, hasta: string | undefined, acc = sql`a.id`) =>
  sql`(select af.avance_id from avance_fechas af
  where af.accion_id = ${acc} ${soloAprobadas ? sql`and af.aprobada = 1` : sql``}
    ${hasta ? sql`and af.fecha <= ${hasta}` : sql``}
  order by af.fecha desc, af.creada desc limit 1)`

/** The plan's acciones in scope, each with its latest approved report (`ap`) and latest (`ul`). */
export function accionesConAvance(al: Alcance): RawBuilder<unknown> {
  return sql`(
    select a.id, a.codigo, a.texto, a.instancia_id, a.orden, o.eje_id, o.orden as o_orden,
      e.orden as e_orden,
      ap.estado as ap_estado, ap.porcentaje as ap_pct, sap.fecha as ap_fecha,
      ul.porcentaje as ul_pct, case when ul.id is not null and (ap.id is null or ul.id <> ap.id) then 1 else 0 end as en_borrador
    from (select a.*, ${ultimoAvance(true, al.hasta)} as ap_id, ${ultimoAvance(false, al.hasta)} as ul_id
          from acciones a where a.plan_id = ${al.planId}
          ${al.instanciaId ? sql`and a.instancia_id = ${al.instanciaId}` : sql``}) a
    join objetivos o on o.id = a.objetivo_id join ejes e on e.id = o.eje_id
    left join avances ap on ap.id = a.ap_id
    left join sesiones sap on sap.id = ap.sesion_id
    left join avances ul on ul.id = a.ul_id)`
}

export interface FilaGrupo {
  id: string | null
  codigo: string | null
  nombre: string | null
  acciones: number
  no_iniciada: number
  en_curso: number
  cumplida: number
  atrasada: number
  sin_reporte: number
  promedio: number | null
  promedio_bor: number | null
  con_pct: number
  con_pct_bor: number
  en_borrador: number
}

const AGREGADOS = sql`count(*) as acciones,
  sum(x.ap_estado = 'no_iniciada') as no_iniciada, sum(x.ap_estado = 'en_curso') as en_curso,
  sum(x.ap_estado = 'cumplida') as cumplida, sum(x.ap_estado = 'atrasada') as atrasada,
  sum(x.ap_estado is null) as sin_reporte,
  round(avg(x.ap_pct), 1) as promedio, round(avg(x.ul_pct), 1) as promedio_bor,
  count(x.ap_pct) as con_pct, count(x.ul_pct) as con_pct_bor,
  sum(x.en_borrador) as en_borrador`

/**
 * Acciones by estado and the mean %, grouped by eje and by instancia (GROUP BY in SQLite), in one
 * statement: each acción's latest reports are looked up once, in a materialized CTE.
 */
export async function estadosPorEjeEInstancia(
  db: Kysely<Database>,
  al: Alcance
): Promise<{ eje: FilaGrupo[]; instancia: FilaGrupo[] }> {
  const { rows } = await sql<FilaGrupo & { grupo: 'eje' | 'instancia' }>`
    with x as materialized (select * from ${accionesConAvance(al)} y)
    select * from (
      select 'eje' as grupo, x.eje_id as id, g.codigo, g.nombre, ${AGREGADOS},
        0 as sin_g, g.orden as g_orden
      from x left join ejes g on g.id = x.eje_id group by x.eje_id, g.id
      union all
      select 'instancia', x.instancia_id, g.codigo, g.nombre, ${AGREGADOS},
        case when g.id is null then 1 else 0 end, g.orden
      from x left join instancias g on g.id = x.instancia_id group by x.instancia_id, g.id) t
    order by grupo, sin_g, g_orden, id`.execute(db)
  return {
    eje: rows.filter((r) => r.grupo === 'eje'),
    instancia: rows.filter((r) => r.grupo === 'instancia')
  }
}

export interface FilaAccionEstado {
  id: string
  codigo: string
  texto: string
  ap_estado: AvanceEstado | null
  ap_pct: number | null
  ap_fecha: string | null
}

/** The acciones behind one bar: of an eje (or all), in an estado. */
export async function accionesEnEstado(
  db: Kysely<Database>,
  al: Alcance & { ejeId?: string | undefined },
  estado: AvanceEstado | 'sin_reporte'
): Promise<FilaAccionEstado[]> {
  const { rows } = await sql<FilaAccionEstado>`
    select x.id, x.codigo, x.texto, x.ap_estado, x.ap_pct, x.ap_fecha
    from ${accionesConAvance(al)} x
    where ${estado === 'sin_reporte' ? sql`x.ap_estado is null` : sql`x.ap_estado = ${estado}`}
      ${al.ejeId ? sql`and x.eje_id = ${al.ejeId}` : sql``}
    order by x.e_orden, x.o_orden, x.orden, x.id`.execute(db)
  return rows
}

export interface FilaMeta {
  metaId: string
  accionId: string
  accionCodigo: string
  texto: string
  plazo: string
  diasVencida: number
  estado: AvanceEstado | null
}

/** Metas past their plazo whose acción is not reported "cumplida" in an approved acta. */
export function metasVencidas(al: Alcance, hoy: string): RawBuilder<FilaMeta> {
  return sql<FilaMeta>`
    select m.id as metaId, x.id as accionId, x.codigo as accionCodigo, m.texto, m.plazo,
      count(*) over () as total,
      cast(julianday(${hoy}) - julianday(m.plazo) as integer) as diasVencida,
      x.ap_estado as estado, m.orden as orden
    from metas m join ${accionesConAvance(al)} x on x.id = m.accion_id
    where m.plazo is not null and m.plazo < ${hoy} and coalesce(x.ap_estado, '') <> 'cumplida'`
}
