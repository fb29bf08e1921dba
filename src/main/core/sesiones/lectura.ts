import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import type { Sesion, SesionResumen } from '../../../shared/domain/sesiones'
import { tituloSesion } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { notFound } from '../errors'
import { creadasEn } from '../intercambio'
import { SESIONES_POR_PAGINA } from '../../../shared/sesiones/contract'

type Db = Kysely<Database> | Transaction<Database>

export async function obtenerSesion(db: Db, id: string): Promise<Sesion> {
  const r = await db
    .selectFrom('sesiones as s')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
    .leftJoin('sesiones as ap', 'ap.id', 's.aprobada_en_sesion_id')
    .selectAll('s')
    .select([
      'i.nombre as instanciaNombre',
      'ap.tipo as apTipo',
      'ap.numero as apNumero',
      'ap.anio as apAnio',
      (eb) =>
        eb
          .selectFrom('acuerdos')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('acuerdos.sesion_id', '=', 's.id')
          .as('nAcuerdos')
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!r) throw notFound('La sesión')
  const creada = (await creadasEn(db, 'sesiones', [id])).get(id) ?? null
  return {
    ...resumen(r, r.instanciaNombre, Number(r.nAcuerdos ?? 0), creada),
    horaInicio: r.hora_inicio,
    horaTermino: r.hora_termino,
    lugar: r.lugar,
    modalidad: r.modalidad,
    preside: r.preside,
    proximaFecha: r.proxima_fecha,
    proximaLugar: r.proxima_lugar,
    cerradaAt: r.cerrada_at,
    aprobadaAt: r.aprobada_at,
    aprobadaEnSesionId: r.aprobada_en_sesion_id,
    // Once approved, the title frozen then: the approving session may be renumbered later.
    aprobadaEnSesionTitulo:
      r.aprobada_en_titulo ??
      (r.apTipo && r.apNumero && r.apAnio
        ? tituloSesion({ tipo: r.apTipo, numero: r.apNumero, anio: r.apAnio })
        : null),
    observacionesAprobacion: r.observaciones_aprobacion,
    hash: r.hash,
    secretariaSubroganteId: r.secretaria_subrogante_id,
    presidenteId: r.presidente_id,
    updatedAt: r.updated_at
  }
}

/** What a session's line in a list shows (not its sealed copy, ~11 KB for an approved acta). */
const COLUMNAS_RESUMEN = [
  's.id',
  's.instancia_id',
  's.tipo',
  's.numero',
  's.anio',
  's.fecha',
  's.estado'
] as const

function resumen(
  r: Pick<SesionRow, 'id' | 'instancia_id' | 'tipo' | 'numero' | 'anio' | 'fecha' | 'estado'>,
  instanciaNombre: string,
  acuerdos: number,
  creadaEn: string | null
): SesionResumen {
  return {
    creadaEn,
    id: r.id,
    instanciaId: r.instancia_id,
    instanciaNombre,
    titulo: tituloSesion(r),
    tipo: r.tipo,
    numero: r.numero,
    anio: r.anio,
    fecha: r.fecha,
    estado: r.estado,
    acuerdos
  }
}

/**
 * One page of sessions, newest first (by date, then id): `limite` rows after `despuesDe`, read
 * through the (fecha, id) index; the acuerdos counted for that page only, in one grouped query.
 */
export async function listarSesiones(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:listar'>
): Promise<SesionResumen[]> {
  let q = db
    .selectFrom('sesiones as s')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
    .select(COLUMNAS_RESUMEN)
    .select('i.nombre as instanciaNombre')
  if (input.instanciaId) q = q.where('s.instancia_id', '=', input.instanciaId)
  // A session's year is its date's (anioDe): the year as a range of dates walks only that
  // year's stretch of the (fecha, id) index, instead of every session checked for its year.
  if (input.anio)
    q = q
      .where('s.fecha', '>=', String(input.anio))
      .where('s.fecha', '<', String(input.anio + 1))
      .where('s.anio', '=', input.anio)
  const d = input.despuesDe
  if (d)
    q = q.where((eb) =>
      eb.or([
        eb('s.fecha', '<', d.fecha),
        eb.and([eb('s.fecha', '=', d.fecha), eb('s.id', '<', d.id)])
      ])
    )
  const rows = await q
    .orderBy('s.fecha', 'desc')
    .orderBy('s.id', 'desc')
    .limit(input.limite ?? SESIONES_POR_PAGINA)
    .execute()
  if (rows.length === 0) return []
  const cuentas = new Map(
    (
      await db
        .selectFrom('acuerdos')
        .select(['sesion_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'sesion_id',
          'in',
          rows.map((r) => r.id)
        )
        .groupBy('sesion_id')
        .execute()
    ).map((c) => [c.sesion_id, Number(c.n)])
  )
  // Where each came from (#16): one query for the page, as the acuerdos counted above.
  const creadas = await creadasEn(
    db,
    'sesiones',
    rows.map((r) => r.id)
  )
  return rows.map((r) =>
    resumen(r, r.instanciaNombre, cuentas.get(r.id) ?? 0, creadas.get(r.id) ?? null)
  )
}
