import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { ParsedInput } from '../../../shared/api/contract'
import {
  buscarEnAsistencia,
  MENSAJE_SECRETARIA_PRESENTE,
  quienPreside,
  secretariaPresente
} from '../../../shared/domain/firmas'
import { nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { sesionEditable } from '../sesiones'

type Db = Kysely<Database> | Transaction<Database>

export const MENSAJE_NO_PRESENTE =
  'Quien actuó como secretario/a de actas debe figurar como presente en la asistencia de esta sesión.'

export const MENSAJE_PRESIDENTE_NO_PRESENTE =
  'Quien presidió la sesión debe figurar como presente en la asistencia de esta sesión.'

export const MENSAJE_MISMA_PERSONA =
  'Quien presidió la sesión no firma también como secretario/a de actas: elija a otra persona.'

type Rol = 'secretaria_subrogante_id' | 'presidente_id'
const OTRO_ROL = {
  secretaria_subrogante_id: 'presidente_id',
  presidente_id: 'secretaria_subrogante_id'
} as const

/** The session's signature roles as its acta would read them (same rule, same rows, same order). */
async function rolesSesion(trx: Db, sesionId: string) {
  const s = await trx
    .selectFrom('sesiones')
    .innerJoin('instancias', 'instancias.id', 'sesiones.instancia_id')
    .select([
      'sesiones.preside',
      'sesiones.presidente_id',
      'sesiones.secretaria_subrogante_id',
      'instancias.secretaria_actas'
    ])
    .where('sesiones.id', '=', sesionId)
    .executeTakeFirstOrThrow()
  const asistencia = await trx
    .selectFrom('asistencias')
    .selectAll()
    .where('sesion_id', '=', sesionId)
    .orderBy('orden')
    .orderBy('id')
    .execute()
  const elegido = s.presidente_id
  const presidio = quienPreside(asistencia, elegido ? (a) => a.id === elegido : null, s.preside)
  const secretaria = secretariaPresente(asistencia, s.secretaria_actas ?? '', presidio)
  const subrogante = asistencia.find(
    (a) => a.id === s.secretaria_subrogante_id && a.estado === 'presente'
  )
  return { s, asistencia, presidio, secretaria, subrogante: subrogante ?? null }
}

/**
 * Who signs for the secretaría de actas of the session, as its acta would name them: someone
 * present, never the one who chaired.
 */
const firmaSecretaria = async (trx: Db, sesionId: string) =>
  (await rolesSesion(trx, sesionId)).secretaria

/** Why nobody signs for the secretaría de actas, in the words of the Asistencia section. */
function sinSecretaria(r: Awaited<ReturnType<typeof rolesSesion>>): string {
  const nombre = r.s.secretaria_actas?.trim() ?? ''
  if (!nombre) return 'esta instancia no tiene secretaría de actas'
  // Present, but chairing: whoever chairs does not sign for the secretaría too.
  if (r.presidio && buscarEnAsistencia(nombre, r.asistencia).presente === r.presidio)
    return `quien presidió es de la secretaría de actas, ${nombre}, y no firma también por ella`
  return `nadie de la secretaría de actas, ${nombre}, figura presente`
}

/**
 * Why the session's acta cannot be sealed yet, or null: it must name who chaired (chosen, or
 * someone present whom «Preside» points at) and who acted as secretary (the secretaría de actas
 * present, or the one chosen for it). Says what to do in the Asistencia section.
 */
export async function faltanFirmantes(trx: Db, sesionId: string): Promise<string | null> {
  const r = await rolesSesion(trx, sesionId)
  // Roles that each screen checks on its own can still meet at approval: «Preside» edited after
  // the secretary was chosen, or two laptops' changes merged (#16). The seal would keep them.
  if (r.subrogante && r.presidio?.id === r.subrogante.id)
    return `${MENSAJE_MISMA_PERSONA} (${r.subrogante.nombre} figura en los dos). ${REABRIR}`
  if (r.subrogante && r.secretaria)
    return `${MENSAJE_SECRETARIA_PRESENTE(r.secretaria.nombre)} Quite a ${r.subrogante.nombre} de «Actuó como secretario/a de actas». ${REABRIR}`
  const faltan: string[] = []
  if (!r.presidio) {
    const texto = r.s.preside.trim()
    faltan.push(
      `en «Presidió la sesión», a quien presidió${texto ? ` (nadie presente corresponde a «${texto}»)` : ''}`
    )
  }
  if (!r.secretaria && !r.subrogante)
    faltan.push(
      `en «Actuó como secretario/a de actas», a quien llevó el acta (${sinSecretaria(r)})`
    )
  if (!faltan.length) return null
  return `El acta no se puede aprobar sin nombrar a quienes la firman. Reabra la sesión y, en la pestaña Asistencia, marque como presentes a quienes asistieron y elija ${faltan.join('; y ')}. Después vuelva a finalizarla y apruebe el acta.`
}

const REABRIR =
  'Reabra la sesión, corrija la pestaña Asistencia, vuelva a finalizarla y apruebe el acta.'

/**
 * The secretaría de actas is there after all (marked present, or no longer the one who chaired):
 * it signs its own acta, so nobody acts for it any more (called inside the change's transaction).
 */
export async function sinSubroganteSiAsiste(trx: Db, sesionId: string): Promise<void> {
  if (await firmaSecretaria(trx, sesionId))
    await trx
      .updateTable('sesiones')
      .set({ secretaria_subrogante_id: null })
      .where('id', '=', sesionId)
      .where('secretaria_subrogante_id', 'is not', null)
      .execute()
}

/** One of the session's attendees who was present, or nobody, recorded in the role's column. */
async function registrarRol(
  db: Kysely<Database>,
  leido: ParsedInput<'asistencia:secretaria'>,
  columna: Rol,
  mensaje: string
): Promise<{ asistenciaId: string | null }> {
  return db.transaction().execute(async (trx) => {
    await sesionEditable(trx, leido.sesionId)
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'sesiones',
      clave: { id: leido.sesionId },
      columnas: { asistenciaId: columna },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La sesión')
    })
    if (input.asistenciaId !== null) {
      const a = await trx
        .selectFrom('asistencias')
        .select('estado')
        .where('id', '=', input.asistenciaId)
        .where('sesion_id', '=', input.sesionId)
        .executeTakeFirst()
      if (a?.estado !== 'presente') throw conflict(mensaje, 'asistenciaId')
      // The acta would print one name on both signature lines.
      const otro = await trx
        .selectFrom('sesiones')
        .select(OTRO_ROL[columna])
        .where('id', '=', input.sesionId)
        .executeTakeFirst()
      if (otro?.[OTRO_ROL[columna]] === input.asistenciaId)
        throw conflict(MENSAJE_MISMA_PERSONA, 'asistenciaId')
    }
    if (columna === 'secretaria_subrogante_id' && input.asistenciaId !== null) {
      const secretaria = await firmaSecretaria(trx, input.sesionId)
      if (secretaria) throw conflict(MENSAJE_SECRETARIA_PRESENTE(secretaria.nombre), 'asistenciaId')
    }
    const r = await trx
      .updateTable('sesiones')
      .set({ [columna]: input.asistenciaId, updated_at: nowStamp() })
      .where('id', '=', input.sesionId)
      .where(cas.comoSeLeyo)
      .executeTakeFirst()
    if (!r.numUpdatedRows) throw cas.faltante()
    // Who chaired no longer being the secretaría's only one present frees it to sign.
    await sinSubroganteSiAsiste(trx, input.sesionId)
    return { asistenciaId: input.asistenciaId }
  })
}

/**
 * Who acted as secretary of a session whose secretaría de actas did not attend: one of its
 * attendees who was present, or nobody. Refused while the secretaría is there to sign (the acta
 * would name both). The acta names them on the secretary's signature line.
 */
export const secretariaSubrogante = (
  db: Kysely<Database>,
  input: ParsedInput<'asistencia:secretaria'>
) => registrarRol(db, input, 'secretaria_subrogante_id', MENSAJE_NO_PRESENTE)

/** Who chaired the session: the acta names them on the "Preside" signature line. */
export const presidente = (db: Kysely<Database>, input: ParsedInput<'asistencia:presidente'>) =>
  registrarRol(db, input, 'presidente_id', MENSAJE_PRESIDENTE_NO_PRESENTE)

/** Someone marked as not present no longer acts as secretary nor chairs (called inside the marking). */
export async function dejaDeActuar(trx: Db, asistenciaId: string): Promise<void> {
  // Only its own session can name it (registrarRol checks): looked up by key, where the role
  // column alone (no index) scanned every session of the history at each marking.
  const suya = trx.selectFrom('asistencias').select('sesion_id').where('id', '=', asistenciaId)
  for (const columna of ['secretaria_subrogante_id', 'presidente_id'] as const)
    await trx
      .updateTable('sesiones')
      .set({ [columna]: null })
      .where('id', '=', suya)
      .where(columna, '=', asistenciaId)
      .execute()
}
