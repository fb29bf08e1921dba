import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { TRAYECTORIA_PAGINA, type TrayectoriaAccion } from '../../../shared/tablero/contract'
import type { AvanceEstado, SesionEstado, SesionTipo } from '../../../shared/domain/sesiones'
import { porcentajeDe, tituloSesion } from '../../../shared/domain/sesiones'
import type { IndicadorTipo } from '../../../shared/domain/plan'
import { notFound } from '../errors'
import { ultimoAvance } from './consultas'
import { acuerdosDe, cuantas, recorrerSesiones, TOPE_VENTANA } from './ventana'

type Db = Kysely<Database>
interface ConSesion {
  sesionId: string
  tipo: SesionTipo
  numero: number
  anio: number
  fecha: string
  sesionEstado: SesionEstado
}
const deSesion = ['s.id as sesionId', 's.tipo', 's.numero', 's.anio', 's.fecha'] as const

/**
 * The acción's latest `max` reports, oldest first: walked back from the newest along
 * avance_fechas' index (migration 0016), reading no more reports than it returns.
 */
async function avances(
  db: Db,
  accionId: string,
  max: number
): Promise<TrayectoriaAccion['avances']> {
  const rows = await db
    .selectFrom('avance_fechas as f')
    .innerJoin('avances as v', 'v.id', 'f.avance_id')
    .innerJoin('sesiones as s', 's.id', 'v.sesion_id')
    .select([...deSesion, 's.estado as sesionEstado', 'v.estado', 'v.porcentaje'])
    .where('f.accion_id', '=', accionId)
    .orderBy('f.fecha', 'desc')
    .orderBy('f.creada', 'desc')
    .limit(max)
    .execute()
  return rows.reverse().map((r) => ({
    sesionId: r.sesionId,
    sesionTitulo: tituloSesion(r),
    fecha: r.fecha,
    estado: r.estado as AvanceEstado,
    porcentaje: r.porcentaje,
    aprobada: r.sesionEstado === 'aprobada'
  }))
}

interface Medida extends ConSesion {
  indicador_id: string
  medida: string
  valor: number | null
  numerador: number | null
  denominador: number | null
  fecha_corte: string
  nota: string
}

/**
 * The latest `max` measurements of each of the acción's indicadores (or of `ids`), oldest first.
 * From date `desde` on, or in the latest `desde` sessions, the sessions are walked by date and
 * each one's measurements of these indicadores sought by key; without it, every measurement of
 * them is read.
 */
async function mediciones(
  db: Db,
  accionId: string,
  max: number,
  desde: string | number | null,
  ids?: string[]
): Promise<Medida[]> {
  // The indicadores by their keys: a filter after the join would read the others' too.
  const cuales = ids
    ? sql`select value as id from json_each(${JSON.stringify(ids)})`
    : sql`select id from indicadores where accion_id = ${accionId}`
  const deSus = sql`m.indicador_id in (${cuales})`
  const fuente =
    typeof desde === 'number'
      ? sql`(select * from sesiones order by fecha desc, created_at desc limit ${desde}) s
        cross join mediciones m on m.sesion_id = s.id and ${deSus}`
      : desde
        ? sql`sesiones s cross join mediciones m on m.sesion_id = s.id and ${deSus}
          where s.fecha >= ${desde}`
        : sql`(${cuales}) i cross join mediciones m on m.indicador_id = i.id
          cross join sesiones s on s.id = m.sesion_id`
  const { rows } = await sql<Medida>`select * from (
      select s.id as sesionId, s.tipo, s.numero, s.anio, s.fecha, s.created_at as creada,
        s.estado as sesionEstado, m.indicador_id, m.tipo as medida, m.valor, m.numerador,
        m.denominador, m.fecha_corte, m.nota,
        row_number() over (partition by m.indicador_id order by s.fecha desc, s.created_at desc) as n
      from ${fuente})
    where n <= ${max} order by fecha, creada`.execute(db)
  return rows
}

/**
 * The latest `max` measurements of indicadores `ids`, not found since the acción's `desde`: as its
 * acuerdos (ventana.ts), all of them when fewer than `tope`, or those of the latest `tope`
 * sessions for the indicadores measured `max` times there, `tope` growing until all are found.
 */
async function anteriores(db: Db, accionId: string, max: number, ids: string[]) {
  const meds: Medida[] = []
  for (let tope = TOPE_VENTANA; ids.length; tope *= 4) {
    const suyas = sql`select 1 from mediciones where indicador_id in
      (select value from json_each(${JSON.stringify(ids)}))`
    if ((await cuantas(db, suyas, tope)) < tope)
      return [...meds, ...(await mediciones(db, accionId, max, null, ids))]
    const halladas = await mediciones(db, accionId, max, tope, ids)
    const listos = ids.filter((id) => halladas.filter((m) => m.indicador_id === id).length >= max)
    meds.push(...halladas.filter((m) => listos.includes(m.indicador_id)))
    ids = ids.filter((id) => !listos.includes(id))
  }
  return meds
}

/** Each indicador with its latest `max` measurements, oldest first. */
async function indicadores(
  db: Db,
  accionId: string,
  max: number,
  desde: string | null
): Promise<TrayectoriaAccion['indicadores']> {
  const [inds, recientes] = await Promise.all([
    db
      .selectFrom('indicadores')
      .select(['id', 'texto', 'tipo', 'meta_valor'])
      .where('accion_id', '=', accionId)
      .orderBy('orden')
      .execute(),
    desde ? mediciones(db, accionId, max, desde) : []
  ])
  // An indicador measured fewer times since `desde` than asked may have earlier measurements.
  const de = (id: string) => recientes.filter((m) => m.indicador_id === id).length
  const faltan = inds.filter((i) => de(i.id) < max).map((i) => i.id)
  const antes = await anteriores(db, accionId, max, faltan)
  const meds = [...recientes.filter((m) => !faltan.includes(m.indicador_id)), ...antes]
  return inds.map((i) => ({
    id: i.id,
    texto: i.texto,
    tipo: i.tipo as IndicadorTipo,
    metaValor: i.meta_valor,
    mediciones: meds
      .filter((m) => m.indicador_id === i.id)
      .map((m) => ({
        sesionId: m.sesionId,
        sesionTitulo: tituloSesion(m),
        fecha: m.fecha,
        fechaCorte: m.fecha_corte || null,
        valor: m.medida === 'porcentaje' ? porcentajeDe(m.numerador, m.denominador) : m.valor,
        numerador: m.numerador,
        denominador: m.denominador,
        nota: m.nota,
        aprobada: m.sesionEstado === 'aprobada'
      }))
  }))
}

/**
 * Where the sessions that dealt with the acción come from: its own rows by its keys (of its
 * reports only the latest `max`, along avance_fechas' index), or the sessions since `desde`
 * (each session's acuerdos by its key: `+` keeps SQLite from reading all the acción's instead).
 */
function temasDe(accionId: string, desde: string | null, max: number) {
  if (!desde)
    return sql`select * from (select v.sesion_id, 'avance' as tema from avance_fechas f
        cross join avances v on v.id = f.avance_id where f.accion_id = ${accionId}
        order by f.fecha desc, f.creada desc limit ${max})
      union select m.sesion_id, 'indicadores' from mediciones m
        join indicadores x on x.id = m.indicador_id where x.accion_id = ${accionId}
      union select sesion_id, 'acuerdos' from acuerdos where accion_id = ${accionId}`
  return sql`select v.sesion_id, 'avance' as tema from avance_fechas f
        cross join avances v on v.id = f.avance_id where f.accion_id = ${accionId} and f.fecha >= ${desde}
      union select m.sesion_id, 'indicadores' from sesiones r cross join mediciones m
        on m.sesion_id = r.id and m.indicador_id in (select id from indicadores where accion_id = ${accionId})
        where r.fecha >= ${desde}
      union select a.sesion_id, 'acuerdos' from sesiones r cross join acuerdos a on a.sesion_id = r.id
        where r.fecha >= ${desde} and +a.accion_id = ${accionId}`
}

/**
 * The latest `max` sessions that reported on it, measured it or took acuerdos about it. Those
 * are all on or after `desde`, the date of its max-th latest report (when it has that many).
 */
async function sesiones(
  db: Db,
  accionId: string,
  max: number,
  desde: string | null
): Promise<TrayectoriaAccion['sesiones']> {
  const { rows } = await sql<ConSesion & { instancia: string; temas: string }>`
    select s.id as sesionId, s.tipo, s.numero, s.anio, s.fecha, s.estado as sesionEstado,
      i.nombre as instancia, group_concat(distinct t.tema) as temas
    from (${temasDe(accionId, desde, max)}) t
    join sesiones s on s.id = t.sesion_id join instancias i on i.id = s.instancia_id
    group by s.id, i.id order by s.fecha desc, s.created_at desc limit ${max}`.execute(db)
  const orden = ['avance', 'indicadores', 'acuerdos'] as const
  return rows.reverse().map((r) => ({
    id: r.sesionId,
    titulo: tituloSesion(r),
    instancia: r.instancia,
    fecha: r.fecha,
    estado: r.sesionEstado,
    temas: orden.filter((t) => r.temas.split(',').includes(t))
  }))
}

/** The session date of the acción's n-th latest report (one index step each), or null. */
async function fechaDelReporte(db: Db, accionId: string, n: number): Promise<string | null> {
  const r = await db
    .selectFrom('avance_fechas')
    .select('fecha')
    .where('accion_id', '=', accionId)
    .orderBy('fecha', 'desc')
    .orderBy('creada', 'desc')
    .limit(1)
    .offset(n - 1)
    .executeTakeFirst()
  return r?.fecha ?? null
}

/**
 * An acción's page: the latest `limite` of each list. One more of each is read to tell whether
 * there are earlier ones (hayMas), and dropped.
 */
export async function trayectoriaAccion(
  db: Db,
  accionId: string,
  hoy: string,
  limite: number = TRAYECTORIA_PAGINA
): Promise<TrayectoriaAccion> {
  const accion = await db
    .selectFrom('acciones')
    .select(['id', 'plan_id'])
    .where('id', '=', accionId)
    .executeTakeFirst()
  if (!accion) throw notFound('La acción')
  const uno = limite + 1
  // From the date of its uno-th latest report on, every list's latest `uno` are found; the
  // sessions since then are walked only when they are fewer than the acción's own rows.
  const reporte = await fechaDelReporte(db, accionId, uno)
  const desde = (await recorrerSesiones(db, accionId, reporte)) ? reporte : null
  const [av, inds, ses, acs, vencidas] = await Promise.all([
    avances(db, accionId, uno),
    indicadores(db, accionId, uno, desde),
    sesiones(db, accionId, uno, desde),
    // Its acuerdos of its latest sessions (the same sessions as the list's, and earlier ones).
    acuerdosDe(db, accionId, uno, desde, hoy),
    metasVencidasDe(db, accionId, hoy)
  ])
  // Lists come oldest first: the extra one read is the first.
  const recortar = <T>(xs: T[]): T[] => (xs.length > limite ? xs.slice(xs.length - limite) : xs)
  return {
    hoy,
    avances: recortar(av),
    indicadores: inds.map((i) => ({ ...i, mediciones: recortar(i.mediciones) })),
    sesiones: recortar(ses),
    acuerdos: recortar(acs.reverse()),
    metasVencidas: vencidas,
    limite,
    hayMas:
      av.length > limite ||
      ses.length > limite ||
      acs.length > limite ||
      inds.some((i) => i.mediciones.length > limite)
  }
}

/** The acción's metas past their plazo, unless an approved acta reports it "cumplida". */
async function metasVencidasDe(db: Db, accionId: string, hoy: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select m.id from metas m
    where m.accion_id = ${accionId} and m.plazo is not null and m.plazo < ${hoy}
      and coalesce((select av.estado from avances av
        where av.id = ${ultimoAvance(true, undefined, sql`m.accion_id`)}), '') <> 'cumplida'
    order by m.orden`.execute(db)
  return rows.map((r) => r.id)
}
