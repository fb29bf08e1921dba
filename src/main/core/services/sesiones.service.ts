import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import type { Sesion, SesionResumen } from '../../../shared/domain/sesiones'
import { TABLA_HABITUAL, tituloSesion } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { AppError, conflict, notFound } from '../errors'
import { MENSAJE_APROBADA, sesionEditable, sinSeguimientoAprobado } from './acta-guard'
import { sellar } from '../actas/sello'

type Db = Kysely<Database> | Transaction<Database>

const anioDe = (fecha: string): number => Number(fecha.slice(0, 4))

async function siguienteNumero(
  db: Db,
  instanciaId: string,
  tipo: string,
  anio: number
): Promise<number> {
  const r = await db
    .selectFrom('sesiones')
    .select(sql<number>`coalesce(max(numero), 0) + 1`.as('n'))
    .where('instancia_id', '=', instanciaId)
    .where('tipo', '=', tipo as SesionRow['tipo'])
    .where('anio', '=', anio)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

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
  return {
    ...resumen(r, r.instanciaNombre, Number(r.nAcuerdos ?? 0)),
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
    updatedAt: r.updated_at
  }
}

function resumen(r: SesionRow, instanciaNombre: string, acuerdos: number): SesionResumen {
  return {
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

export async function listarSesiones(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:listar'>
): Promise<SesionResumen[]> {
  let q = db
    .selectFrom('sesiones as s')
    .innerJoin('instancias as i', 'i.id', 's.instancia_id')
    .selectAll('s')
    .select([
      'i.nombre as instanciaNombre',
      (eb) =>
        eb
          .selectFrom('acuerdos')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('acuerdos.sesion_id', '=', 's.id')
          .as('nAcuerdos')
    ])
  if (input.instanciaId) q = q.where('s.instancia_id', '=', input.instanciaId)
  if (input.anio) q = q.where('s.anio', '=', input.anio)
  const rows = await q.orderBy('s.fecha', 'desc').orderBy('s.id', 'desc').execute()
  return rows.map((r) => resumen(r, r.instanciaNombre, Number(r.nAcuerdos ?? 0)))
}

/**
 * A new session: numbered next for its instancia, type and year, with the instancia's
 * members listed for attendance and the usual agenda proposed.
 */
export async function crearSesion(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:crear'>
): Promise<Sesion> {
  const id = await db.transaction().execute(async (trx) => {
    const instancia = await trx
      .selectFrom('instancias')
      .selectAll()
      .where('id', '=', input.instanciaId)
      .executeTakeFirst()
    if (!instancia) throw notFound('La instancia')
    const anio = anioDe(input.fecha)
    const stamp = nowStamp()
    const stamps = { created_at: stamp, updated_at: stamp }
    const sesionId = newId()
    await trx
      .insertInto('sesiones')
      .values({
        id: sesionId,
        instancia_id: instancia.id,
        tipo: input.tipo,
        numero: await siguienteNumero(trx, instancia.id, input.tipo, anio),
        anio,
        fecha: input.fecha,
        hora_inicio: input.horaInicio ?? null,
        hora_termino: null,
        lugar: input.lugar ?? '',
        modalidad: input.modalidad,
        preside: instancia.coordinador ?? '',
        estado: 'borrador',
        proxima_fecha: null,
        proxima_lugar: '',
        cerrada_at: null,
        aprobada_at: null,
        aprobada_en_sesion_id: null,
        observaciones_aprobacion: '',
        hash: null,
        ...stamps
      })
      .execute()
    const miembros = await trx
      .selectFrom('miembros as m')
      .innerJoin('personas as p', 'p.id', 'm.persona_id')
      .leftJoin('instituciones as ins', 'ins.id', 'p.institucion_id')
      .select(['p.id', 'p.nombre', 'p.cargo', 'ins.sigla', 'm.calidad'])
      .where('m.instancia_id', '=', instancia.id)
      .orderBy('ins.sigla')
      .orderBy('m.calidad', 'desc')
      .orderBy('p.nombre')
      .execute()
    for (const [i, m] of miembros.entries()) {
      await trx
        .insertInto('asistencias')
        .values({
          id: newId(),
          sesion_id: sesionId,
          persona_id: m.id,
          nombre: m.nombre,
          cargo: m.cargo ?? '',
          institucion: m.sigla ?? '',
          calidad: m.calidad,
          estado: 'ausente',
          motivo: '',
          orden: i + 1,
          ...stamps
        })
        .execute()
    }
    for (const [i, p] of TABLA_HABITUAL.entries()) {
      await trx
        .insertInto('puntos_tabla')
        .values({
          id: newId(),
          sesion_id: sesionId,
          titulo: p.titulo,
          desarrollo: '',
          tipo: p.tipo,
          orden: i + 1,
          ...stamps
        })
        .execute()
    }
    return sesionId
  })
  return obtenerSesion(db, id)
}

export async function actualizarSesion(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:actualizar'>
): Promise<Sesion> {
  await db.transaction().execute(async (trx) => {
    const s = await sesionEditable(trx, input.id)
    await noAntesDeLoAprobado(trx, input.id, input.fecha)
    const anio = anioDe(input.fecha)
    // A date moved to another year takes the next number of that year.
    const numero =
      anio === s.anio ? s.numero : await siguienteNumero(trx, s.instancia_id, s.tipo, anio)
    await trx
      .updateTable('sesiones')
      .set({
        fecha: input.fecha,
        anio,
        numero,
        hora_inicio: input.horaInicio,
        hora_termino: input.horaTermino,
        lugar: input.lugar,
        modalidad: input.modalidad,
        preside: input.preside,
        proxima_fecha: input.proximaFecha,
        proxima_lugar: input.proximaLugar,
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .execute()
  })
  return obtenerSesion(db, input.id)
}

export async function cerrarSesion(db: Kysely<Database>, id: string): Promise<Sesion> {
  await db.transaction().execute(async (trx) => {
    await sesionEditable(trx, id)
    const stamp = nowStamp()
    await trx
      .updateTable('sesiones')
      .set({ estado: 'cerrada', cerrada_at: stamp, updated_at: stamp })
      .where('id', '=', id)
      .execute()
  })
  return obtenerSesion(db, id)
}

export async function reabrirSesion(db: Kysely<Database>, id: string): Promise<Sesion> {
  await db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('sesiones')
      .select('estado')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!s) throw notFound('La sesión')
    if (s.estado === 'aprobada') throw new AppError('solo_lectura', MENSAJE_APROBADA)
    if (s.estado === 'borrador') return
    await trx
      .updateTable('sesiones')
      .set({ estado: 'borrador', cerrada_at: null, updated_at: nowStamp() })
      .where('id', '=', id)
      .execute()
  })
  return obtenerSesion(db, id)
}

/** Approval seals the acta: its content hash is stored and every later write is refused. */
export async function aprobarSesion(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:aprobar'>
): Promise<Sesion> {
  await db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('sesiones')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!s) throw notFound('La sesión')
    if (s.estado === 'aprobada')
      throw new AppError('solo_lectura', 'El acta de esta sesión ya fue aprobada.')
    if (s.estado !== 'cerrada') throw conflict('Cierre la sesión antes de aprobar su acta.')
    const en = input.enSesionId
      ? await trx
          .selectFrom('sesiones')
          .selectAll()
          .where('id', '=', input.enSesionId)
          .executeTakeFirst()
      : null
    if (input.enSesionId) {
      if (!en || en.instancia_id !== s.instancia_id || en.id === s.id || en.fecha < s.fecha) {
        throw conflict(
          'El acta se aprueba en una sesión posterior de la misma instancia.',
          'enSesionId'
        )
      }
    }
    const instancia = await trx
      .selectFrom('instancias')
      .select('secretaria_actas')
      .where('id', '=', s.instancia_id)
      .executeTakeFirstOrThrow()
    // The content is sealed as text: documents print this copy, whatever changes elsewhere.
    const { texto, hash } = await sellar(trx, s.id)
    const stamp = nowStamp()
    await trx
      .updateTable('sesiones')
      .set({
        estado: 'aprobada',
        aprobada_at: stamp,
        aprobada_en_sesion_id: input.enSesionId,
        observaciones_aprobacion: input.observaciones.trim(),
        hash,
        contenido_aprobado: texto,
        aprobada_en_titulo: en ? tituloSesion(en) : null,
        aprobada_secretaria: instancia.secretaria_actas ?? '',
        updated_at: stamp
      })
      .where('id', '=', s.id)
      .execute()
  })
  return obtenerSesion(db, input.id)
}

export async function eliminarSesion(db: Kysely<Database>, id: string): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('sesiones')
      .select('estado')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!s) throw notFound('La sesión')
    if (s.estado !== 'borrador')
      throw new AppError('solo_lectura', 'Sólo se puede eliminar una sesión en borrador.')
    const usada = await trx
      .selectFrom('sesiones')
      .select('id')
      .where('aprobada_en_sesion_id', '=', id)
      .executeTakeFirst()
    if (usada) throw conflict('En esta sesión se aprobó otra acta; no se puede eliminar.')
    await sinSeguimientoAprobado(trx, { sesionId: id })
    await trx.deleteFrom('sesiones').where('id', '=', id).execute()
    await trx
      .insertInto('tombstones')
      .values({ id, tabla: 'sesiones', deleted_at: nowStamp() })
      .execute()
  })
  return { id }
}

/** The session in which actas were approved stays after them (approval is to a later session). */
async function noAntesDeLoAprobado(trx: Db, id: string, fecha: string): Promise<void> {
  const ultima = await trx
    .selectFrom('sesiones')
    .select((eb) => eb.fn.max('fecha').as('fecha'))
    .where('aprobada_en_sesion_id', '=', id)
    .executeTakeFirst()
  if (ultima?.fecha && fecha < ultima.fecha)
    throw conflict(
      'En esta sesión se aprobaron actas de sesiones anteriores: su fecha no puede quedar antes de ellas.',
      'fecha'
    )
}
