import { sql, type Kysely } from 'kysely'
import type { AcuerdoRow, Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import type {
  AccionEnEstado,
  AcuerdosDeInstitucion,
  FilaEstados,
  MetaVencida,
  AvisoSemana,
  SesionTablero,
  Tablero
} from '../../../shared/tablero/contract'
import { tituloSesion } from '../../../shared/domain/sesiones'
import { DIAS_POR_VENCER, finDeSemana, sumarDias } from '../../../shared/domain/vencimientos'
import { notFound } from '../errors'
import { abiertoSegunActas, acuerdosDto, delPlan } from '../acuerdos'
import {
  accionesEnEstado,
  estadosPorEjeEInstancia,
  metasVencidas,
  type Alcance,
  type FilaGrupo
} from './consultas'

type Db = Kysely<Database>
type Filtros = { planId?: string | undefined; instanciaId?: string | undefined } | undefined

/** The plan asked for, or the latest one (as the plan screen opens). */
async function alcance(db: Db, f: Filtros): Promise<Alcance> {
  let q = db.selectFrom('planes').select(['id'])
  q = f?.planId
    ? q.where('id', '=', f.planId)
    : q.orderBy('periodo_desde', 'desc').orderBy('id', 'desc')
  const plan = await q.executeTakeFirst()
  if (!plan) throw notFound('El plan')
  return { planId: plan.id, instanciaId: f?.instanciaId }
}

/** A group's row of the dashboard (and of the annual report's summary). */
export const fila = (r: FilaGrupo): FilaEstados => ({
  id: r.id,
  codigo: r.codigo ?? '',
  nombre: r.nombre ?? 'Sin instancia',
  acciones: Number(r.acciones),
  porEstado: {
    no_iniciada: Number(r.no_iniciada),
    en_curso: Number(r.en_curso),
    cumplida: Number(r.cumplida),
    atrasada: Number(r.atrasada),
    sin_reporte: Number(r.sin_reporte)
  },
  promedio: r.promedio,
  conPorcentaje: Number(r.con_pct),
  promedioConBorradores: r.promedio_bor,
  conPorcentajeConBorradores: Number(r.con_pct_bor),
  enBorrador: Number(r.en_borrador)
})

/** One page of the overdue metas, most overdue first. */
export async function listarMetasVencidas(
  db: Db,
  f: ParsedInput<'metavencida:listar'>,
  hoy: string
): Promise<{ hoy: string; total: number; filas: MetaVencida[] }> {
  const al = await alcance(db, f)
  // The total comes with the page (a window count): the acciones' reports are read once.
  const { rows } = await sql<MetaVencida & { total: number }>`
    select metaId, accionId, accionCodigo, texto, plazo, diasVencida, estado, total
    from (${metasVencidas(al, hoy)}) v order by plazo, accionCodigo, orden, metaId
    limit ${f.limit ?? 50} offset ${f.offset ?? 0}`.execute(db)
  let total = Number(rows[0]?.total ?? 0)
  // A page past the end has no row to carry the total.
  if (rows.length === 0 && (f.offset ?? 0) > 0)
    total = Number(
      (
        await sql<{ n: number }>`select count(*) as n from (${metasVencidas(al, hoy)}) v`.execute(
          db
        )
      ).rows[0]?.n ?? 0
    )
  return { hoy, total, filas: rows.map(({ total: _t, ...m }) => m) }
}

/**
 * The plan's open acuerdos (see delPlan) past their plazo, and due within DIAS_POR_VENCER, by
 * institución. No window on the plazo: an open acuerdo is owed whenever its session was held, and
 * the list behind each figure (same plan filter) has none either, so figure and list agree.
 */
async function acuerdosPorInstitucion(
  db: Db,
  al: Alcance,
  hoy: string,
  limite: string
): Promise<AcuerdosDeInstitucion[]> {
  const { rows } = await sql<AcuerdosDeInstitucion>`
    select a.institucion_id as institucionId, coalesce(i.sigla, 'Sin institución') as sigla,
      sum(a.plazo < ${hoy}) as vencidos, sum(a.plazo >= ${hoy}) as porVencer
    from acuerdos a join sesiones s on s.id = a.sesion_id
    left join instituciones i on i.id = a.institucion_id
    where ${abiertoSegunActas} and a.plazo <= ${limite} and ${delPlan(al.planId)}
      ${al.instanciaId ? sql`and s.instancia_id = ${al.instanciaId}` : sql``}
    group by a.institucion_id, i.id
    order by vencidos desc, porVencer desc, i.orden, sigla`.execute(db)
  return rows.map((r) => ({ ...r, vencidos: Number(r.vencidos), porVencer: Number(r.porVencer) }))
}

/** Sessions as the dashboard lists them: a few, with their instancia. */
async function sesiones(
  db: Db,
  al: Alcance,
  donde: ReturnType<typeof sql>,
  orden: 'asc' | 'desc',
  limite: number
): Promise<{ total: number; filas: SesionTablero[] }> {
  const filtro = sql`${donde} ${al.instanciaId ? sql`and s.instancia_id = ${al.instanciaId}` : sql``}`
  const [{ rows: total }, { rows }] = await Promise.all([
    sql<{ n: number }>`select count(*) as n from sesiones s where ${filtro}`.execute(db),
    sql<SesionTablero & { tipo: 'ordinaria' | 'extraordinaria'; numero: number; anio: number }>`
      select s.id, s.tipo, s.numero, s.anio, s.fecha, s.estado, i.nombre as instancia
      from sesiones s join instancias i on i.id = s.instancia_id where ${filtro}
      order by s.fecha ${sql.raw(orden)}, s.created_at limit ${limite}`.execute(db)
  ])
  return {
    total: Number(total[0]?.n ?? 0),
    filas: rows.map((r) => ({
      id: r.id,
      titulo: tituloSesion(r),
      instancia: r.instancia,
      fecha: r.fecha,
      estado: r.estado
    }))
  }
}

/** The dashboard: every figure aggregated by SQLite, each list cut to what the screen shows. */
export async function obtenerTablero(
  db: Db,
  f: ParsedInput<'tablero:obtener'>,
  hoy: string
): Promise<Tablero> {
  const al = await alcance(db, f)
  const hasta = sumarDias(hoy, DIAS_POR_VENCER)
  const [estados, metas, porInstitucion, proximas, actas] = await Promise.all([
    estadosPorEjeEInstancia(db, al),
    listarMetasVencidas(db, { ...al, offset: 0, limit: 5 }, hoy),
    acuerdosPorInstitucion(db, al, hoy, hasta),
    sesiones(db, al, sql`s.fecha >= ${hoy} and s.estado = 'borrador'`, 'asc', 5),
    // Every session not approved is in one card: a draft from today on is still to be held;
    // a closed one (today or dated ahead) or a past draft awaits its acta's approval.
    sesiones(
      db,
      al,
      sql`(s.estado = 'cerrada' or (s.estado = 'borrador' and s.fecha < ${hoy}))`,
      'asc',
      10
    )
  ])
  const suma = (k: 'vencidos' | 'porVencer') => porInstitucion.reduce((n, r) => n + r[k], 0)
  return {
    hoy,
    hasta,
    planId: al.planId,
    porEje: estados.eje.map(fila),
    porInstancia: estados.instancia.map(fila),
    metasVencidas: { total: metas.total, filas: metas.filas },
    acuerdos: { vencidos: suma('vencidos'), porVencer: suma('porVencer'), porInstitucion },
    proximasSesiones: proximas.filas,
    actasPorAprobar: actas
  }
}

export async function listarAccionesEnEstado(
  db: Db,
  f: ParsedInput<'accionestado:listar'>
): Promise<AccionEnEstado[]> {
  const al = await alcance(db, f)
  const rows = await accionesEnEstado(db, { ...al, ejeId: f.ejeId }, f.estado)
  return rows.map((r) => ({
    id: r.id,
    codigo: r.codigo,
    texto: r.texto,
    estado: r.ap_estado,
    porcentaje: r.ap_pct,
    fecha: r.ap_fecha
  }))
}

/** Open acuerdos falling due from today to Sunday (the first five, with their instancia, and how many). */
export async function avisosSemana(db: Db, hoy: string): Promise<AvisoSemana> {
  const hasta = finDeSemana(hoy)
  const base = db
    .selectFrom('acuerdos as a')
    .where(abiertoSegunActas)
    .where('a.plazo', '>=', hoy)
    .where('a.plazo', '<=', hasta)
  const [{ n }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .innerJoin('sesiones as s', 's.id', 'a.sesion_id')
      .innerJoin('instancias as i', 'i.id', 's.instancia_id')
      .selectAll('a')
      .select('i.nombre as instancia')
      .orderBy('a.plazo')
      .orderBy('a.numero')
      .limit(5)
      .execute()
  ])
  const dtos = await acuerdosDto(db, rows as AcuerdoRow[], hoy, true)
  return {
    hoy,
    hasta,
    total: Number(n),
    acuerdos: dtos.map((a, k) => ({ ...a, instancia: rows[k]!.instancia }))
  }
}
