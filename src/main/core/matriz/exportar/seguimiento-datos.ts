import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import type { AcuerdoEstado, AvanceEstado, SesionEstado } from '../../../../shared/domain/sesiones'
import { tituloSesion } from '../../../../shared/domain/sesiones'
import { estadoAprobado } from '../../acuerdos'
import type { MatrizOpciones, SeguimientoAccion } from './datos'

// The tracking workbook's data, joined by SQLite and read as a stream of rows: memory stays flat
// however many years of sessions the sheets hold. Every row carries its instancia, its session
// and the state of that session's acta (a draft is marked as such).

type Db = Kysely<Database>
type ConSesion = SelectQueryBuilder<Database & { s: Database['sesiones'] }, 's', object>

/** The chosen instancia and dates, on the sessions table aliased `s`. */
function filtrar<Q extends ConSesion>(q: Q, o: MatrizOpciones): Q {
  let r = q
  if (o.instanciaId) r = r.where('s.instancia_id', '=', o.instanciaId) as Q
  if (o.desde) r = r.where('s.fecha', '>=', o.desde) as Q
  if (o.hasta) r = r.where('s.fecha', '<=', o.hasta) as Q
  return r
}

/** The latest follow-up state of acuerdo `a` in an approved acta (the acuerdos' own rule). */
export const estadoActual = estadoAprobado

/**
 * The latest follow-up of acuerdo `a` in a session whose acta is not approved, later than any
 * approved one, as "estado|tipo|numero|anio"; null when there is none.
 */
export const enBorrador = sql<string | null>`(
  select sg.estado || '|' || s2.tipo || '|' || s2.numero || '|' || s2.anio
  from seguimientos sg cross join sesiones s2 on s2.id = sg.sesion_id
  where sg.acuerdo_id = a.id and s2.estado <> 'aprobada' and not exists (
    select 1 from seguimientos sg3 cross join sesiones s3 on s3.id = sg3.sesion_id
    where sg3.acuerdo_id = a.id and s3.estado = 'aprobada' and s3.fecha > s2.fecha)
  order by s2.fecha desc, sg.created_at desc limit 1)`

/**
 * Each acción's latest report in an approved acta (a draft's report is not the mesa's word yet),
 * and the acuerdos of approved actas not fulfilled as approved actas record: two grouped queries.
 */
export async function seguimientoPorAccion(
  db: Db,
  o: MatrizOpciones
): Promise<Map<string, SeguimientoAccion>> {
  const ultimos = await filtrar(
    db
      .selectFrom('avances as v')
      .innerJoin('sesiones as s', 's.id', 'v.sesion_id')
      .innerJoin('instancias as i', 'i.id', 's.instancia_id')
      .select([
        'i.nombre as instancia',
        'v.accion_id',
        'v.estado',
        'v.porcentaje',
        's.fecha',
        's.tipo',
        's.numero',
        's.anio',
        sql<number>`row_number() over (partition by v.accion_id order by s.fecha desc, s.created_at desc)`.as(
          'n'
        )
      ])
      .where('s.estado', '=', 'aprobada')
      .where('v.accion_id', 'is not', null) as unknown as ConSesion,
    o
  )
    .$castTo<{
      instancia: string
      accion_id: string
      estado: AvanceEstado
      porcentaje: number | null
      fecha: string
      tipo: 'ordinaria' | 'extraordinaria'
      numero: number
      anio: number
      n: number
    }>()
    .execute()
  const pendientes = await filtrar(
    db
      .selectFrom('acuerdos as a')
      .innerJoin('sesiones as s', 's.id', 'a.sesion_id')
      .select(['a.accion_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('a.accion_id', 'is not', null)
      .where('s.estado', '=', 'aprobada')
      .where(estadoActual, '<>', 'cumplido')
      .groupBy('a.accion_id') as unknown as ConSesion,
    o
  )
    .$castTo<{ accion_id: string; n: number }>()
    .execute()
  const porAccion = new Map<string, SeguimientoAccion>()
  const vacio = (): SeguimientoAccion => ({
    estado: null,
    porcentaje: null,
    fecha: null,
    sesion: null,
    acuerdosPendientes: 0
  })
  for (const u of ultimos)
    if (u.n === 1)
      porAccion.set(u.accion_id, {
        ...vacio(),
        estado: u.estado,
        porcentaje: u.porcentaje,
        fecha: u.fecha,
        // As every other sheet says it: a session number belongs to several instancias.
        sesion: `${tituloSesion(u)}, ${u.instancia}`
      })
  for (const p of pendientes)
    porAccion.set(p.accion_id, {
      ...(porAccion.get(p.accion_id) ?? vacio()),
      acuerdosPendientes: Number(p.n)
    })
  return porAccion
}

/** What every detail row starts with: where it comes from. */
export interface Origen {
  instancia: string
  tipo: 'ordinaria' | 'extraordinaria'
  numero: number
  anio: number
  fecha: string
  acta: SesionEstado
}

const origen = [
  'i.nombre as instancia',
  's.tipo',
  's.numero',
  's.anio',
  's.fecha',
  's.estado as acta'
] as const

function base<T extends 'asistencias' | 'acuerdos' | 'mediciones'>(
  db: Db,
  tabla: T,
  alias: string
) {
  return db
    .selectFrom(`${tabla} as ${alias}` as 'asistencias as x')
    .innerJoin('sesiones as s', 's.id', `${alias}.sesion_id` as 'x.sesion_id')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
}

/** Rows in session order (date, then the order sessions were created, then their own order). */
export function filasSesiones(db: Db, o: MatrizOpciones) {
  const cuentas = db
    .selectFrom('asistencias')
    .select([
      'sesion_id',
      sql<number>`sum(estado = 'presente')`.as('presentes'),
      sql<number>`sum(estado = 'excusado')`.as('excusados')
    ])
    .groupBy('sesion_id')
    .as('c')
  const acuerdos = db
    .selectFrom('acuerdos')
    .select(['sesion_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('sesion_id')
    .as('k')
  return filtrar(
    db
      .selectFrom('sesiones as s')
      .innerJoin('instancias as i', 'i.id', 's.instancia_id')
      .leftJoin(cuentas, 'c.sesion_id', 's.id')
      .leftJoin(acuerdos, 'k.sesion_id', 's.id')
      .select([...origen, 'c.presentes', 'c.excusados', 'k.n as acuerdos'])
      .orderBy('s.fecha')
      .orderBy('s.created_at') as unknown as ConSesion,
    o
  )
    .$castTo<
      Origen & { presentes: number | null; excusados: number | null; acuerdos: number | null }
    >()
    .stream(500)
}

export function filasAsistencia(db: Db, o: MatrizOpciones) {
  return filtrar(
    (base(db, 'asistencias', 'x') as unknown as ConSesion)
      .select([
        ...origen,
        'x.institucion',
        'x.nombre',
        'x.calidad',
        'x.estado',
        'x.motivo'
      ] as never)
      .orderBy('s.fecha')
      .orderBy('s.created_at')
      .orderBy('x.orden' as never),
    o
  )
    .$castTo<
      Origen & {
        institucion: string
        nombre: string
        calidad: string
        estado: string
        motivo: string
      }
    >()
    .stream(1000)
}

/**
 * The Acuerdos sheet's rows, in session order; or those meeting `donde` (on `a` and `s`) by
 * plazo, for the list of acuerdos across sessions.
 */
export function filasAcuerdos(
  db: Db,
  o: MatrizOpciones,
  donde?: { condicion: Expression<SqlBool>; orden: 'asc' | 'desc' }
) {
  let q = base(db, 'acuerdos', 'a') as unknown as ConSesion
  if (donde)
    q = q
      .where(donde.condicion)
      .orderBy(sql`a.plazo is null`)
      .orderBy(sql`a.plazo`, donde.orden) as ConSesion
  return filtrar(
    q
      .select([
        ...origen,
        'a.numero as n',
        'a.texto',
        'a.responsable',
        'a.plazo',
        'a.accion_codigo as accion',
        estadoActual.as('estadoAcuerdo'),
        enBorrador.as('enBorrador')
      ] as never)
      .orderBy('s.fecha')
      .orderBy('s.created_at')
      .orderBy('a.numero' as never),
    o
  )
    .$castTo<
      Origen & {
        n: number
        texto: string
        responsable: string
        plazo: string | null
        accion: string | null
        estadoAcuerdo: AcuerdoEstado
        enBorrador: string | null
      }
    >()
    .stream(1000)
}

export function filasMediciones(db: Db, o: MatrizOpciones) {
  return filtrar(
    (base(db, 'mediciones', 'm') as unknown as ConSesion)
      .select([
        ...origen,
        'm.fecha_corte',
        'm.accion_codigo',
        'm.indicador_texto',
        'm.tipo as tipoIndicador',
        'm.valor',
        'm.numerador',
        'm.denominador'
      ] as never)
      .orderBy('s.fecha')
      .orderBy('s.created_at')
      .orderBy('m.accion_codigo' as never),
    o
  )
    .$castTo<
      Origen & {
        fecha_corte: string
        accion_codigo: string
        indicador_texto: string
        tipoIndicador: 'hito' | 'conteo' | 'porcentaje'
        valor: number | null
        numerador: number | null
        denominador: number | null
      }
    >()
    .stream(1000)
}
