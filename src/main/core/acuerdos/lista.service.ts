import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import {
  ACUERDOS_TOPE_TOTAL,
  type AcuerdoListado,
  type AcuerdosPagina
} from '../../../shared/acuerdos/contract'
import type { Documento } from '../../../shared/actas/contract'
import { acuerdosConHistorial } from './acuerdos.service'
import { abiertoSegunActas, estadoAprobado } from './situacion'
import { contarHasta, desdeOffset, despuesDe, type FilaListada } from './pagina'
import { contarPocos, paginaDePocos, pocosCandidatos } from './pocos'

type Filtro = ParsedInput<'acuerdo:exportar'>

// Where it stands, as the approved actas say (situacion.ts).
const estadoActual = estadoAprobado

/**
 * The acuerdos (`a`, session `s`) of a plan: about one of its acciones, or about no acción and
 * taken within its period (plans of different periods share the sessions' instancias). The
 * current (latest) plan's period has no end for them: an acuerdo taken after it belongs to no
 * later plan, and would otherwise be in none.
 */
export function delPlan(planId: string, porPlazo = false): RawBuilder<SqlBool> {
  // porPlazo: `+` keeps SQLite walking the plazo index (the list's order, stopping at the page)
  // instead of reading every acuerdo of the plan's acciones and sorting them all.
  const accion = porPlazo ? sql`+a.accion_id` : sql`a.accion_id`
  return sql<SqlBool>`(${accion} in (select ac.id from acciones ac where ac.plan_id = ${planId})
    or (a.accion_id is null and exists (select 1 from planes p where p.id = ${planId}
      and s.fecha >= p.periodo_desde and (s.fecha <= p.periodo_hasta or not exists (
        select 1 from planes p2 where p2.periodo_desde > p.periodo_desde)))))`
}

/**
 * The filter as one SQL condition on `a` (acuerdos) and `s` (their sessions). `porFila`, for a
 * few candidates: whether each is open from its own follow-ups (open is «not fulfilled in an
 * approved acta» either way); abiertoSegunActas would first gather every open acuerdo.
 */
export function condicionAcuerdos(
  f: Filtro,
  hoy: string,
  porFila = false,
  porPlazo = true
): RawBuilder<SqlBool> {
  const abierto = porFila ? sql<SqlBool>`${estadoActual} <> 'cumplido'` : abiertoSegunActas
  const c: RawBuilder<unknown>[] = [sql`1 = 1`]
  if (f.planId) c.push(delPlan(f.planId, porPlazo))
  if (f.instanciaId) c.push(sql`s.instancia_id = ${f.instanciaId}`)
  if (f.institucionId) c.push(sql`a.institucion_id = ${f.institucionId}`)
  if (f.personaId) c.push(sql`a.persona_id = ${f.personaId}`)
  if (f.accionId) c.push(sql`a.accion_id = ${f.accionId}`)
  if (f.plazoDesde) c.push(sql`a.plazo >= ${f.plazoDesde}`)
  if (f.plazoHasta) c.push(sql`a.plazo <= ${f.plazoHasta}`)
  const vigente = sql`(a.plazo is null or a.plazo >= ${hoy})`
  switch (f.situacion) {
    case 'cumplido':
      c.push(sql`not ${abierto}`)
      break
    case 'abierto':
      c.push(abierto)
      break
    case 'vencido':
      c.push(sql`${abierto} and a.plazo < ${hoy}`)
      break
    case 'pendiente':
    case 'en_curso':
      c.push(sql`${abierto} and ${vigente} and ${estadoActual} = ${f.situacion}`)
      break
  }
  return sql<SqlBool>`(${sql.join(c, sql` and `)})`
}

const FILTROS = [
  'planId',
  'instanciaId',
  'institucionId',
  'personaId',
  'accionId',
  'situacion',
  'plazoDesde',
  'plazoHasta'
] as const

/**
 * A persona or an institución with many acuerdos: their first page, too, is read from the
 * plazo order of the filter's own index (0020); in one query with `plazo is null` first, SQLite
 * read all of them and sorted them.
 */
const conIndicePropio = (f: Filtro): boolean => !!(f.personaId || f.institucionId)

/** Whether the filter is one plan alone. */
const soloPlan = (f: Filtro): boolean =>
  !!f.planId && FILTROS.every((k) => k === 'planId' || f[k] === undefined)

/** Whether the filter lets every acuerdo through. */
const sinFiltro = (f: Filtro): boolean => FILTROS.every((k) => f[k] === undefined)

/**
 * One page of every acuerdo meeting the filter, by plazo, each with its follow-ups; one more is
 * read to tell whether there are more. Without a filter the total is SQLite's count of the table
 * (every acuerdo has its session), which reads no row; with one, the count stops at
 * ACUERDOS_TOPE_TOTAL. The first page walks the plazo index (migration 0018); those after a
 * cursor (`despuesDe`) start with a seek into it, however deep. A narrow filter (one persona, one
 * institución, the fulfilled ones) with few candidates reads just those (pocos.ts): walking the
 * index, the page would fill only after most of the history.
 */
export async function listarAcuerdos(
  db: Kysely<Database>,
  f: ParsedInput<'acuerdo:listar'>,
  hoy: string
): Promise<AcuerdosPagina> {
  const pocos = await pocosCandidatos(db, f)
  const donde = condicionAcuerdos(f, hoy, !!pocos)
  const max = f.limit ?? 50
  const desc = f.orden === 'plazo_desc'
  const desde = f.despuesDe ?? null
  const [total, rows] = await Promise.all([
    sinFiltro(f)
      ? db
          .selectFrom('acuerdos')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then(({ n }) => ({ n: Number(n), exacto: true }))
      : pocos
        ? contarPocos(db, pocos, donde)
        : soloPlan(f)
          ? // pocosCandidatos counted the plan's, exactly its acuerdos, past the cap.
            { n: ACUERDOS_TOPE_TOTAL, exacto: false }
          : // Counting, the acción index finds a plan's (no order to keep).
            contarHasta(db, condicionAcuerdos(f, hoy, false, false)),
    pocos
      ? paginaDePocos(db, pocos, donde, desc, desde, max + 1, desde ? 0 : (f.offset ?? 0))
      : desde || (!f.offset && conIndicePropio(f))
        ? despuesDe(db, donde, desc, desde, max + 1)
        : desdeOffset(db, donde, desc, f.offset ?? 0, max + 1)
  ])
  return {
    hoy,
    total: total.n,
    totalExacto: total.exacto,
    hayMas: rows.length > max,
    filas: await listados(db, rows.slice(0, max), hoy)
  }
}

/** Rows of the list as the screens get them: each with its situation and follow-ups. */
async function listados(
  db: Kysely<Database>,
  rows: FilaListada[],
  hoy: string
): Promise<AcuerdoListado[]> {
  const dtos = await acuerdosConHistorial(db, rows, hoy, true)
  return dtos.map(({ acuerdo, historial }, k) => ({
    ...acuerdo,
    instanciaId: rows[k]!.instanciaId,
    instancia: rows[k]!.instancia,
    institucion: rows[k]!.sigla,
    historial
  }))
}

/**
 * The acción's acuerdos of its latest sessions, at most `max`, latest first: from date `desde`
 * on, or in the latest `desde` sessions of every instancia (either walked by date, each one's
 * acuerdos by its key), else all of them (by the acción's index, then sorted).
 */
export async function acuerdosRecientesDeAccion(
  db: Kysely<Database>,
  accionId: string,
  max: number,
  desde: string | number | null,
  hoy: string
): Promise<AcuerdoListado[]> {
  // A number of sessions: the latest ones in the sessions' exact order, so that their acuerdos
  // found are the acción's latest whenever there are `max` of them.
  const ultimas = sql`(select * from sesiones order by fecha desc, created_at desc limit ${desde})`
  const desdeCuando =
    desde === null
      ? sql`acuerdos a cross join sesiones s on s.id = a.sesion_id`
      : sql`${typeof desde === 'number' ? ultimas : sql`sesiones`} s
          cross join acuerdos a on a.sesion_id = s.id`
  const cuales =
    desde === null
      ? sql`a.accion_id = ${accionId}`
      : typeof desde === 'number'
        ? sql`+a.accion_id = ${accionId}`
        : sql`s.fecha >= ${desde} and +a.accion_id = ${accionId}`
  const { rows } = await sql<FilaListada>`
    select a.*, s.instancia_id as instanciaId, i.nombre as instancia, it.sigla as sigla
    from ${desdeCuando} join instancias i on i.id = s.instancia_id
      left join instituciones it on it.id = a.institucion_id
    where ${cuales}
    order by s.fecha desc, s.created_at desc, a.numero desc limit ${max}`.execute(db)
  return listados(db, rows, hoy)
}

/** The filtered acuerdos as the tracking workbook's Acuerdos sheet (its own writer). */
export async function exportarAcuerdos(
  db: Kysely<Database>,
  f: Filtro,
  hoy: string
): Promise<Documento> {
  // exceljs loads only when a workbook is written.
  const { libroAcuerdos } = await import('../matriz')
  const orden = f.orden === 'plazo_desc' ? 'desc' : 'asc'
  const { data, ...doc } = await libroAcuerdos(db, condicionAcuerdos(f, hoy), orden, hoy)
  return { ...doc, base64: data.toString('base64') }
}
