import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import { ACUERDOS_TOPE_TOTAL, type AcuerdoCursor } from '../../../shared/acuerdos/contract'
import type { FilaListada } from './pagina'

type Db = Kysely<Database>

/**
 * A plan's acuerdos (lista.service's delPlan): those about its acciones, by the acción index,
 * and those about none taken in its period (a range of sessions, each one's by its key; for the
 * current plan, open-ended). An old plan's are few whatever came later.
 */
const delPlanPorClave = (planId: string): RawBuilder<unknown> =>
  sql`select a.id from acciones ac cross join acuerdos a on a.accion_id = ac.id
      where ac.plan_id = ${planId}
    union all select a.id from planes p cross join sesiones s on s.fecha >= p.periodo_desde
        and s.fecha <= case when exists (select 1 from planes p2
          where p2.periodo_desde > p.periodo_desde) then p.periodo_hasta else '9999' end
      cross join acuerdos a on a.sesion_id = s.id
    where p.id = ${planId} and a.accion_id is null`

/**
 * A superset of the acuerdos a narrow filter lets through, read from an index: one persona's or
 * one institución's (migration 0020), one plan's, or, for «cumplido», those whose latest follow-up fulfilled
 * them (acuerdos_cierre_idx) and those followed up in an acta not yet approved (whose approved
 * state may be «cumplido»). UNION ALL, so that counting them stops at the cap (UNION would
 * gather every fulfilled acuerdo first); an acuerdo may come twice.
 */
function candidatosDe(f: ParsedInput<'acuerdo:listar'>): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = []
  if (f.personaId) c.push(sql`select id from acuerdos where persona_id = ${f.personaId}`)
  if (f.institucionId)
    c.push(sql`select id from acuerdos where institucion_id = ${f.institucionId}`)
  if (f.planId) c.push(delPlanPorClave(f.planId))
  if (f.situacion === 'cumplido')
    c.push(sql`select cc.acuerdo_id as id from acuerdos_cierre cc where cc.cerrado_en < '~'
      union all select sb.acuerdo_id from sesiones sd
        cross join seguimientos sb on sb.sesion_id = sd.id
      where sd.estado in ('borrador', 'cerrada')`)
  return c
}

/**
 * The candidates of the filter's first narrow condition that has at most ACUERDOS_TOPE_TOTAL
 * of them (counted only that far), or null: then the list walks the plazo index, which finds
 * its page soon among many.
 */
export async function pocosCandidatos(
  db: Db,
  f: ParsedInput<'acuerdo:listar'>
): Promise<RawBuilder<unknown> | null> {
  for (const c of candidatosDe(f)) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from (${c}
      limit ${ACUERDOS_TOPE_TOTAL + 1})`.execute(db)
    if (Number(rows[0]!.n) <= ACUERDOS_TOPE_TOTAL) return c
  }
  return null
}

/** After the cursor's row in the whole list's order (plazo, those without last; session, number). */
function trasDe(c: AcuerdoCursor | null, desc: boolean): RawBuilder<SqlBool> {
  if (!c) return sql<SqlBool>`1 = 1`
  const tras = sql`(s.fecha, a.numero, a.id) > (${c.sesionFecha}, ${c.numero}, ${c.id})`
  if (c.plazo === null) return sql<SqlBool>`(a.plazo is null and ${tras})`
  const despues = desc ? sql`a.plazo < ${c.plazo}` : sql`a.plazo > ${c.plazo}`
  return sql<SqlBool>`(a.plazo is null or ${despues} or (a.plazo = ${c.plazo} and ${tras}))`
}

/**
 * The page from the candidates (at most ACUERDOS_TOPE_TOTAL and their follow-ups in drafts):
 * each looked up by its key and the few that meet the filter sorted, whatever the history.
 * CROSS JOIN keeps SQLite from walking the plazo index instead, through every acuerdo.
 */
export async function paginaDePocos(
  db: Db,
  candidatos: RawBuilder<unknown>,
  donde: RawBuilder<SqlBool>,
  desc: boolean,
  c: AcuerdoCursor | null,
  max: number,
  offset = 0
): Promise<FilaListada[]> {
  const { rows } = await sql<FilaListada>`select a.*, s.instancia_id as instanciaId,
      i.nombre as instancia, it.sigla as sigla
    from (select distinct id from (${candidatos}) k) c cross join acuerdos a on a.id = c.id
      cross join sesiones s on s.id = a.sesion_id
      join instancias i on i.id = s.instancia_id
      left join instituciones it on it.id = a.institucion_id
    where ${donde} and ${trasDe(c, desc)}
    order by a.plazo is null, a.plazo ${sql.raw(desc ? 'desc' : 'asc')}, s.fecha, a.numero, a.id
    limit ${max} offset ${offset}`.execute(db)
  return rows
}

/** How many candidates meet the filter: all of them counted, being few. */
export async function contarPocos(
  db: Db,
  candidatos: RawBuilder<unknown>,
  donde: RawBuilder<SqlBool>
): Promise<{ n: number; exacto: boolean }> {
  const { rows } = await sql<{ n: number }>`select count(*) as n
    from (select distinct id from (${candidatos}) k) c cross join acuerdos a on a.id = c.id
      cross join sesiones s on s.id = a.sesion_id
    where ${donde}`.execute(db)
  return { n: Number(rows[0]!.n), exacto: true }
}
