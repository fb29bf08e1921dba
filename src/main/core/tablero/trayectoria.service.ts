import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { TRAYECTORIA_PAGINA, type TrayectoriaAccion } from '../../../shared/tablero/contract'
import type { AvanceEstado, SesionEstado, SesionTipo } from '../../../shared/domain/sesiones'
import { porcentajeDe, tituloSesion } from '../../../shared/domain/sesiones'
import type { IndicadorTipo } from '../../../shared/domain/plan'
import { notFound } from '../errors'
import { ultimoAvance } from './consultas'
import { listarAcuerdos } from '../acuerdos'

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

/** Each indicador with every measurement of it, oldest first. */
async function indicadores(
  db: Db,
  accionId: string,
  max: number
): Promise<TrayectoriaAccion['indicadores']> {
  const [inds, meds] = await Promise.all([
    db
      .selectFrom('indicadores')
      .select(['id', 'texto', 'tipo', 'meta_valor'])
      .where('accion_id', '=', accionId)
      .orderBy('orden')
      .execute(),
    db
      .selectFrom('mediciones as m')
      .innerJoin('indicadores as i', 'i.id', 'm.indicador_id')
      .innerJoin('sesiones as s', 's.id', 'm.sesion_id')
      .select([
        ...deSesion,
        's.estado as sesionEstado',
        'm.indicador_id',
        'm.tipo as medida',
        'm.valor',
        'm.numerador',
        'm.denominador',
        'm.fecha_corte',
        'm.nota',
        sql<number>`row_number() over (partition by m.indicador_id order by s.fecha desc, s.created_at desc)`.as(
          'n'
        )
      ])
      .where('i.accion_id', '=', accionId)
      .orderBy('s.fecha')
      .orderBy('s.created_at')
      .execute()
  ])
  return inds.map((i) => ({
    id: i.id,
    texto: i.texto,
    tipo: i.tipo as IndicadorTipo,
    metaValor: i.meta_valor,
    mediciones: meds
      .filter((m) => m.indicador_id === i.id && m.n <= max)
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

/** The sessions that reported on it, measured it or took acuerdos about it. */
async function sesiones(
  db: Db,
  accionId: string,
  max: number
): Promise<TrayectoriaAccion['sesiones']> {
  const { rows } = await sql<ConSesion & { instancia: string; temas: string }>`
    select s.id as sesionId, s.tipo, s.numero, s.anio, s.fecha, s.estado as sesionEstado,
      i.nombre as instancia, group_concat(distinct t.tema) as temas
    from (
      select sesion_id, 'avance' as tema from avances where accion_id = ${accionId}
      union select m.sesion_id, 'indicadores' from mediciones m
        join indicadores x on x.id = m.indicador_id where x.accion_id = ${accionId}
      union select sesion_id, 'acuerdos' from acuerdos where accion_id = ${accionId}
    ) t join sesiones s on s.id = t.sesion_id join instancias i on i.id = s.instancia_id
    group by s.id order by s.fecha desc, s.created_at desc limit ${max}`.execute(db)
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
  const [av, inds, ses, acs, vencidas] = await Promise.all([
    avances(db, accionId, uno),
    indicadores(db, accionId, uno),
    sesiones(db, accionId, uno),
    // The list of acuerdos across sessions, for this acción: the latest plazos, shown in order.
    listarAcuerdos(db, { accionId, orden: 'plazo_desc', limit: limite }, hoy),
    metasVencidasDe(db, accionId, hoy)
  ])
  // Lists come oldest first: the extra one read is the first.
  const recortar = <T>(xs: T[]): T[] => (xs.length > limite ? xs.slice(xs.length - limite) : xs)
  return {
    hoy,
    avances: recortar(av),
    indicadores: inds.map((i) => ({ ...i, mediciones: recortar(i.mediciones) })),
    sesiones: recortar(ses),
    acuerdos: acs.filas.reverse(),
    metasVencidas: vencidas,
    limite,
    hayMas:
      av.length > limite ||
      ses.length > limite ||
      acs.total > limite ||
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
