import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import type { Sesion } from '../../../shared/domain/sesiones'
import { tituloSesion } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'
import { tomarTurno } from '../db/turno'
import { leerParaEscribir, otraVezSiSeCruzan, type Columnas } from '../concurrencia'
import { AppError, conflict, notFound } from '../errors'
import { MENSAJE_APROBADA, sesionEditable, sinSeguimientoAprobado } from './acta-guard'
import { sellar } from '../actas'
import { faltanFirmantes, sinSubroganteSiAsiste } from '../asistencia'
import { anioDe, fueraDeOrdenActual, renumerar, siguienteNumero } from './numeracion'
import { obtenerSesion } from './lectura'
import { impedimentoAprobacion } from './aprobable'

type Db = Kysely<Database> | Transaction<Database>

const COLUMNAS: Columnas<ParsedInput<'sesion:actualizar'>> = {
  fecha: 'fecha',
  horaInicio: 'hora_inicio',
  horaTermino: 'hora_termino',
  lugar: 'lugar',
  modalidad: 'modalidad',
  preside: 'preside',
  proximaFecha: 'proxima_fecha',
  proximaLugar: 'proxima_lugar'
}

/**
 * A change that renumbers its year's sessions: one made at the same moment as another (a session
 * created, moved or deleted in the same group) may meet its numbers, and runs again from the start.
 */
const enTurno = (db: Kysely<Database>, f: (trx: Transaction<Database>) => Promise<void>) =>
  otraVezSiSeCruzan(() =>
    db.transaction().execute(async (trx) => {
      await tomarTurno(trx)
      await f(trx)
    })
  )

/** The life of a session after it is created: its data, closing, approval, deletion. */
export async function actualizarSesion(
  db: Kysely<Database>,
  leido: ParsedInput<'sesion:actualizar'>
): Promise<Sesion> {
  await enTurno(db, async (trx) => {
    const s = await sesionEditable(trx, leido.id)
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'sesiones',
      clave: { id: leido.id },
      columnas: COLUMNAS,
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La sesión')
    })
    await noAntesDeLoAprobado(trx, s, input.fecha)
    await noDespuesDeSuSeguimiento(trx, input.id, input.fecha)
    const anio = anioDe(input.fecha)
    const grupo = { instanciaId: s.instancia_id, tipo: s.tipo }
    const antes = await fueraDeOrdenActual(trx, { ...grupo, anio })
    const antesDelAnio = await fueraDeOrdenActual(trx, { ...grupo, anio: s.anio })
    // A date moved to another year takes a free number of that year, then both years renumber.
    const numero =
      anio === s.anio ? s.numero : await siguienteNumero(trx, s.instancia_id, s.tipo, anio)
    const r = await trx
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
      .where(cas.comoSeLeyo)
      .executeTakeFirst()
    if (!r.numUpdatedRows) throw cas.faltante()
    // «Preside» names who chaired when nobody was chosen: it may leave the secretaría free to sign.
    await sinSubroganteSiAsiste(trx, input.id)
    await renumerar(trx, { ...grupo, anio }, antes, {
      sesionId: input.id,
      aceptado: input.fueraDeOrden === true
    })
    if (anio !== s.anio) await renumerar(trx, { ...grupo, anio: s.anio }, antesDelAnio)
  })
  return obtenerSesion(db, leido.id)
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
  await enTurno(db, async (trx) => {
    const s = await trx
      .selectFrom('sesiones')
      .select(['estado', 'instancia_id', 'tipo', 'anio'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!s) throw notFound('La sesión')
    if (s.estado === 'aprobada') throw new AppError('solo_lectura', MENSAJE_APROBADA)
    if (s.estado === 'borrador') return
    const grupo = { instanciaId: s.instancia_id, tipo: s.tipo, anio: s.anio }
    const antes = await fueraDeOrdenActual(trx, grupo)
    await trx
      .updateTable('sesiones')
      .set({ estado: 'borrador', cerrada_at: null, updated_at: nowStamp() })
      .where('id', '=', id)
      .execute()
    // A draft again, its number is no longer fixed: it takes its place among the drafts.
    await renumerar(trx, grupo, antes)
  })
  return obtenerSesion(db, id)
}

/** Approval seals the acta: its content hash is stored and every later write is refused. */
export async function aprobarSesion(
  db: Kysely<Database>,
  input: ParsedInput<'sesion:aprobar'>
): Promise<Sesion> {
  await db.transaction().execute(async (trx) => {
    // Before reading what it seals: a write to the acta still in flight commits first, and one
    // that comes later waits and then meets the approval (migration 0022).
    await tomarTurno(trx)
    const s = await trx
      .selectFrom('sesiones')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!s) throw notFound('La sesión')
    if (s.estado === 'aprobada')
      throw new AppError('solo_lectura', 'El acta de esta sesión ya fue aprobada.')
    if (s.estado !== 'cerrada') throw conflict('Cierre la sesión antes de aprobar su acta.')
    const en = await trx
      .selectFrom('sesiones')
      .selectAll()
      .where('id', '=', input.enSesionId)
      .executeTakeFirst()
    aprobableEn(s, en)
    // Sealed for ever: the acta must name who chaired and who acted as secretary.
    const falta = await faltanFirmantes(trx, s.id)
    if (falta) throw conflict(falta)
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
        aprobada_en_titulo: tituloSesion(en),
        aprobada_secretaria: instancia.secretaria_actas ?? '',
        updated_at: stamp
      })
      .where('id', '=', s.id)
      .execute()
  })
  return obtenerSesion(db, input.id)
}

export async function eliminarSesion(db: Kysely<Database>, id: string): Promise<{ id: string }> {
  await enTurno(db, async (trx) => {
    const s = await trx.selectFrom('sesiones').selectAll().where('id', '=', id).executeTakeFirst()
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
    const grupo = { instanciaId: s.instancia_id, tipo: s.tipo, anio: s.anio }
    const antes = await fueraDeOrdenActual(trx, grupo)
    await trx.deleteFrom('sesiones').where('id', '=', id).execute()
    await trx
      .insertInto('tombstones')
      .values({ id, tabla: 'sesiones', deleted_at: nowStamp() })
      .execute()
    // The later drafts of its year close the gap.
    await renumerar(trx, grupo, antes)
  })
  return { id }
}

/** The approval's place, by the rule the session's read offers it with. */
function aprobableEn(s: SesionRow, en: SesionRow | undefined): asserts en is SesionRow {
  const motivo = impedimentoAprobacion(s, en)
  if (motivo !== null || !en) throw conflict(motivo ?? '', 'enSesionId')
}

/**
 * The session in which actas were approved stays after them (approval is to a later session),
 * and in its year: its title, number and year included, is printed on those actas.
 */
async function noAntesDeLoAprobado(trx: Db, s: SesionRow, fecha: string): Promise<void> {
  const ultima = await trx
    .selectFrom('sesiones')
    .select((eb) => eb.fn.max('fecha').as('fecha'))
    .where('aprobada_en_sesion_id', '=', s.id)
    .executeTakeFirst()
  if (ultima?.fecha && fecha < ultima.fecha)
    throw conflict(
      'En esta sesión se aprobaron actas de sesiones anteriores: su fecha no puede quedar antes de ellas.',
      'fecha'
    )
  if (ultima?.fecha && anioDe(fecha) !== s.anio)
    throw conflict(
      `Las actas aprobadas en esta sesión la nombran ${tituloSesion(s)}: su fecha no puede pasar a otro año.`,
      'fecha'
    )
}

/** An acuerdo stays before the approved acta that followed it up (its state is read by date). */
async function noDespuesDeSuSeguimiento(trx: Db, id: string, fecha: string): Promise<void> {
  const seguida = await trx
    .selectFrom('seguimientos as sg')
    .innerJoin('acuerdos as a', 'a.id', 'sg.acuerdo_id')
    .innerJoin('sesiones as s', 's.id', 'sg.sesion_id')
    .select(['s.tipo', 's.numero', 's.anio', 's.fecha'])
    .where('a.sesion_id', '=', id)
    .where('s.estado', '=', 'aprobada')
    .where('s.fecha', '<', fecha)
    .orderBy('s.fecha')
    .executeTakeFirst()
  if (seguida)
    throw conflict(
      `El acta aprobada de la ${tituloSesion(seguida)} (${seguida.fecha.split('-').reverse().join('-')}) dio seguimiento a acuerdos de esta sesión: su fecha no puede quedar después de ella.`,
      'fecha'
    )
}
