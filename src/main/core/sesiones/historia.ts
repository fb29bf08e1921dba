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

/** Sessions held before `p` (same date: created first). */
const antesDe = (p: Punto) => (eb: ExpressionBuilder<Database, 'sesiones'>) =>
  eb.or([
    eb('sesiones.fecha', '<', p.fecha),
    eb.and([eb('sesiones.fecha', '=', p.fecha), eb('sesiones.created_at', '<', p.created_at)])
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
  // An acción not reported lately: its own latest report, one indexed lookup each.
  if (previas.length === TRAMO)
    for (const accionId of faltan) {
      const r = await db
        .selectFrom('avances')
        .innerJoin('sesiones', 'sesiones.id', 'avances.sesion_id')
        .selectAll('avances')
        .select([
          'sesiones.tipo',
          'sesiones.numero',
          'sesiones.anio',
          'sesiones.fecha',
          'sesiones.created_at as sesionCreada'
        ])
        .where('avances.accion_id', '=', accionId)
        .where('sesiones.instancia_id', '=', sesion.instancia_id)
        .where(antesDe(sesion))
        .orderBy('sesiones.fecha', 'desc')
        .orderBy('sesiones.created_at', 'desc')
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

/** Above this many acuerdos closed after the session (or open), walk its earlier sessions instead. */
const POR_CIERRE = 500

/**
 * Acuerdos of earlier sessions still open before this one (their latest follow-up in an earlier
 * session is not "cumplido"), plus those this session followed up: chosen by SQLite, so only
 * what the screen shows reaches the core. `acuerdos_cierre` (0006) rules out, by index, every
 * acuerdo closed before the session; the rest are checked exactly. A recent session starts from
 * the few acuerdos open or closed since (index range); an old one from its few earlier sessions.
 */
async function acuerdosAbiertos(db: Kysely<Database>, sesion: SesionRow): Promise<AcuerdoRow[]> {
  const desde = `${sesion.fecha} ${sesion.created_at}`
  const { rows: cuenta } = await sql<{ n: number }>`
    select count(*) as n from (select 1 from acuerdos_cierre
      where cerrado_en >= ${desde} limit ${POR_CIERRE})`.execute(db)
  const porCierre = (cuenta[0]?.n ?? 0) < POR_CIERRE
  const origen = porCierre
    ? sql`acuerdos_cierre c cross join acuerdos a on a.id = c.acuerdo_id
          cross join sesiones p on p.id = a.sesion_id`
    : sql`sesiones p cross join acuerdos a on a.sesion_id = p.id
          cross join acuerdos_cierre c on c.acuerdo_id = a.id`
  const { rows } = await sql<AcuerdoRow>`
    select a.* from ${origen}
    where c.cerrado_en >= ${desde}
      and p.instancia_id = ${sesion.instancia_id}
      and (p.fecha < ${sesion.fecha} or (p.fecha = ${sesion.fecha} and p.created_at < ${sesion.created_at}))
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
  const previas = new Set(
    (
      await db
        .selectFrom('sesiones')
        .select('id')
        .where(
          'id',
          'in',
          enLista([...new Set(conHistorial.flatMap((x) => x.historial.map((h) => h.sesionId)))])
        )
        .where('instancia_id', '=', sesion.instancia_id)
        .where(antesDe(sesion))
        .execute()
    ).map((s) => s.id)
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
  return (
    db
      .selectFrom('sesiones')
      .select(['id', 'tipo', 'numero', 'anio', 'fecha', 'created_at'])
      .where('instancia_id', '=', sesion.instancia_id)
      .where('id', '!=', sesion.id)
      .where((eb) =>
        eb.or([
          eb('sesiones.fecha', '>', sesion.fecha),
          eb.and([
            eb('sesiones.fecha', '=', sesion.fecha),
            eb('sesiones.tipo', '=', sesion.tipo),
            eb('sesiones.numero', '>', sesion.numero)
          ])
        ])
      )
      // Only where the core accepts it (aprobarSesion): a later session still in progress.
      .where('estado', '=', 'borrador')
      .orderBy('fecha')
      .orderBy('created_at')
      .limit(POSTERIORES)
      .execute()
  )
}
