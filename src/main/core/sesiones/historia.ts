import { dialectoDe } from '../db/dialecto'
import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { AcuerdoRow, AvanceRow, Database, SesionRow } from '../db/schema'
import type { AcuerdoEnSeguimiento } from '../../../shared/domain/sesiones'
import { situacionAcuerdo } from '../../../shared/domain/sesiones'
import { enLista } from '../db/lista'
import { acuerdosConHistorial } from '../acuerdos'

// What a session shows of its instancia's history, read in work proportional to what the
// screen shows (the latest report of each acción, the acuerdos still open), not to the years
// of sessions behind it.

type Punto = Pick<SesionRow, 'fecha' | 'created_at'>
export type SesionPrevia = Pick<
  SesionRow,
  'id' | 'tipo' | 'numero' | 'anio' | 'fecha' | 'created_at'
>

/**
 * Sessions held before `p` (same date: created first). The plain `fecha <=` lets SQLite walk the
 * index (instancia_id, fecha, created_at) back from `p` instead of sorting every session.
 */
export const antesDe = (p: Punto) => (eb: ExpressionBuilder<Database, 'sesiones'>) =>
  eb.and([
    eb('sesiones.fecha', '<=', p.fecha),
    eb.or([
      eb('sesiones.fecha', '<', p.fecha),
      eb.and([eb('sesiones.fecha', '=', p.fecha), eb('sesiones.created_at', '<', p.created_at)])
    ])
  ])

/** Earlier sessions walked back a few at a time: most acciones were reported in the last one. */
const TRAMO = 4

/** Each acción's latest report in an earlier session of the instancia, with that session. */
export async function avancesPrevios(
  db: Kysely<Database>,
  sesion: SesionRow,
  accionIds: string[]
): Promise<Map<string, { v: AvanceRow; s: SesionPrevia }>> {
  const encontrados = new Map<string, { v: AvanceRow; s: SesionPrevia }>()
  const faltan = new Set(accionIds)
  const previas = await db
    .selectFrom('sesiones')
    .select(['id', 'tipo', 'numero', 'anio', 'fecha', 'created_at'])
    .where('instancia_id', '=', sesion.instancia_id)
    .where(antesDe(sesion))
    .orderBy('fecha', 'desc')
    .orderBy('created_at', 'desc')
    .limit(TRAMO)
    .execute()
  if (previas.length === 0) return encontrados
  const avances = await db
    .selectFrom('avances')
    .selectAll()
    .where(
      'sesion_id',
      'in',
      previas.map((s) => s.id)
    )
    .execute()
  for (const s of previas)
    for (const v of avances)
      if (v.sesion_id === s.id && v.accion_id && faltan.delete(v.accion_id))
        encontrados.set(v.accion_id, { v, s })
  // An acción not reported lately: its own latest report, walking back its reports by date
  // (avance_fechas, 0016), not the instancia's sessions: one never reported costs one seek, where
  // walking the sessions read the instancia's whole history for it (review of #13).
  if (previas.length === TRAMO)
    for (const accionId of faltan) {
      const r = await db
        .selectFrom('avance_fechas as af')
        .innerJoin('avances', 'avances.id', 'af.avance_id')
        .innerJoin('sesiones', 'sesiones.id', 'avances.sesion_id')
        .selectAll('avances')
        .select([
          'sesiones.tipo',
          'sesiones.numero',
          'sesiones.anio',
          'sesiones.fecha',
          'sesiones.created_at as sesionCreada'
        ])
        .where('af.accion_id', '=', accionId)
        .where('af.fecha', '<=', sesion.fecha)
        .where('sesiones.instancia_id', '=', sesion.instancia_id)
        .where(antesDe(sesion))
        .orderBy('af.fecha', 'desc')
        .orderBy('af.creada', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (r)
        encontrados.set(accionId, {
          v: r,
          s: {
            id: r.sesion_id,
            tipo: r.tipo,
            numero: r.numero,
            anio: r.anio,
            fecha: r.fecha,
            created_at: r.sesionCreada
          }
        })
    }
  return encontrados
}

/** Groups of acuerdos by how long they lived (0009): 0..20, and 21 for those still open. */
const NIVELES = 22

/**
 * Where each group's acuerdos open at the session may start: an acuerdo that lived at most 2^k
 * days and is open at the session was made less than 2^k days before it. The longest-lived
 * group and those still open have no such bound.
 */
export function desdeDeNiveles(fecha: string): string[] {
  const dia = Date.parse(`${fecha}T00:00:00Z`)
  return Array.from({ length: NIVELES }, (_, k) =>
    k >= 20 ? '' : new Date(dia - 2 ** k * 86_400_000).toISOString().slice(0, 10)
  )
}

/**
 * Acuerdos of earlier sessions still open before this one (their latest follow-up in an earlier
 * session is not "cumplido"), plus those this session followed up: chosen by SQLite, so only
 * what the screen shows reaches the core. `acuerdos_cierre` (0006, 0009) holds each acuerdo's
 * life, from its session to the follow-up that closed it; those whose life contains this session
 * are found by one index range per group of lifetimes (how long ago a group's acuerdos may have
 * been made is bounded by how long they lived), then checked exactly.
 */
async function acuerdosAbiertos(db: Kysely<Database>, sesion: SesionRow): Promise<AcuerdoRow[]> {
  const aqui = `${sesion.fecha} ${sesion.created_at}`
  const { rows } = await sql<AcuerdoRow>`
    select a.* from json_each(${JSON.stringify(desdeDeNiveles(sesion.fecha))}) niveles
      cross join acuerdos_cierre c on c.instancia_id = ${sesion.instancia_id}
        and c.nivel = cast(niveles.key as integer) and c.abierto_en >= niveles.value and c.abierto_en < ${aqui}
      cross join acuerdos a on a.id = c.acuerdo_id
    where c.cerrado_en >= ${aqui}
      and (
        exists (select 1 from seguimientos x where x.acuerdo_id = a.id and x.sesion_id = ${sesion.id})
        or coalesce((
          select sg.estado from seguimientos sg cross join sesiones s on s.id = sg.sesion_id
          where sg.acuerdo_id = a.id
            and (s.fecha < ${sesion.fecha} or (s.fecha = ${sesion.fecha} and s.created_at < ${sesion.created_at}))
          order by s.fecha desc, sg.created_at desc limit 1
        ), 'pendiente') <> 'cumplido'
      )`.execute(db)
  return rows
}

/** Acuerdos of earlier sessions still open before this one, plus those this session followed up. */
export async function seguimientoDeSesion(
  db: Kysely<Database>,
  sesion: SesionRow,
  hoy: string
): Promise<AcuerdoEnSeguimiento[]> {
  const rows = await acuerdosAbiertos(db, sesion)
  if (rows.length === 0) return []
  const conHistorial = await acuerdosConHistorial(db, rows, hoy)
  // By primary key only (the instancia's index would read all its sessions), checked here.
  const enHistorial = await db
    .selectFrom('sesiones')
    .select(['id', 'instancia_id', 'fecha', 'created_at'])
    .where(
      'id',
      'in',
      enLista([...new Set(conHistorial.flatMap((x) => x.historial.map((h) => h.sesionId)))])
    )
    .execute()
  const previas = new Set(
    enHistorial
      .filter(
        (s) =>
          s.instancia_id === sesion.instancia_id &&
          (s.fecha < sesion.fecha || (s.fecha === sesion.fecha && s.created_at < sesion.created_at))
      )
      .map((s) => s.id)
  )
  return conHistorial
    .map(({ acuerdo: a, historial }): AcuerdoEnSeguimiento => {
      const aqui = historial.find((h) => h.sesionId === sesion.id)
      const antesDeEsta =
        historial.filter((h) => previas.has(h.sesionId)).at(-1)?.estado ?? 'pendiente'
      return {
        ...a,
        situacion: situacionAcuerdo(aqui?.estado ?? antesDeEsta, a.plazo, hoy),
        enEstaSesion: aqui ? { estado: aqui.estado, nota: aqui.nota } : null,
        historial
      }
    })
    .sort((x, y) => x.sesionFecha.localeCompare(y.sesionFecha) || x.numero - y.numero)
}

/** The next later sessions of the instancia, where this acta can be approved (a bounded few). */
export const POSTERIORES = 24

export async function sesionesPosteriores(
  db: Kysely<Database>,
  sesion: SesionRow
): Promise<SesionPrevia[]> {
  // Only where the core accepts it (aprobarSesion): a later session still in progress, read from
  // the drafts' partial index (0009); left to itself SQLite walks every later session.
  // PostgreSQL has no `indexed by`; its planner picks the partial index from the estado test.
  const indice =
    dialectoDe(db) === 'sqlite' ? sql.raw('indexed by sesiones_borrador_idx') : sql.raw('')
  const { rows } = await sql<SesionPrevia>`
    select id, tipo, numero, anio, fecha, created_at
    from sesiones ${indice}
    where estado = 'borrador' and instancia_id = ${sesion.instancia_id}
      and fecha >= ${sesion.fecha} and id <> ${sesion.id}
      and (fecha > ${sesion.fecha} or (tipo = ${sesion.tipo} and numero > ${sesion.numero}))
    order by fecha, created_at
    limit ${POSTERIORES}`.execute(db)
  return rows
}

/** How many follow-ups other sessions recorded on this session's acuerdos, and in how many sessions. */
export async function seguimientoPosterior(
  db: Kysely<Database>,
  sesionId: string
): Promise<{ notas: number; sesiones: number }> {
  const r = await db
    .selectFrom('seguimientos as sg')
    .innerJoin('acuerdos as a', 'a.id', 'sg.acuerdo_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('notas'),
      eb.fn.count<number>('sg.sesion_id').distinct().as('sesiones')
    ])
    .where('a.sesion_id', '=', sesionId)
    .where('sg.sesion_id', '<>', sesionId)
    .executeTakeFirstOrThrow()
  return { notas: Number(r.notas), sesiones: Number(r.sesiones) }
}
