import { sql, type Kysely, type Transaction } from 'kysely'
import type { AcuerdoRow, Database } from '../db/schema'
import type { Acuerdo, AcuerdoEstado, SeguimientoEntrada } from '../../../shared/domain/sesiones'
import { situacionAcuerdo, tituloSesion } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { tomarTurno } from '../db/turno'
import { enLista } from '../db/lista'
import { hoyChile } from '../../../shared/domain/fechas'
import { conflict, notFound } from '../errors'
import { leerParaEscribir, otraVezSiSeCruzan, type Columnas } from '../concurrencia'
import { sesionDe, sesionEditable, sinSeguimientoAprobado } from '../sesiones'
import { creadasEn } from '../intercambio'

type Db = Kysely<Database> | Transaction<Database>

/** Every follow-up of these acuerdos, oldest first, with the session that recorded it. */
export async function historiales(
  db: Db,
  acuerdoIds: string[]
): Promise<Map<string, SeguimientoEntrada[]>> {
  const map = new Map<string, SeguimientoEntrada[]>()
  if (acuerdoIds.length === 0) return map
  const rows = await db
    .selectFrom('seguimientos as sg')
    .innerJoin('sesiones as s', 's.id', 'sg.sesion_id')
    .select([
      'sg.acuerdo_id',
      'sg.estado',
      'sg.nota',
      's.id as sesionId',
      's.tipo',
      's.numero',
      's.anio',
      's.fecha',
      's.estado as acta'
    ])
    .where('sg.acuerdo_id', 'in', enLista(acuerdoIds))
    .orderBy('s.fecha')
    .orderBy('sg.created_at')
    .execute()
  for (const r of rows) {
    const list = map.get(r.acuerdo_id) ?? []
    list.push({
      sesionId: r.sesionId,
      sesionTitulo: tituloSesion(r),
      fecha: r.fecha,
      estado: r.estado,
      nota: r.nota,
      ...(r.acta !== 'aprobada' && { enBorrador: true })
    })
    map.set(r.acuerdo_id, list)
  }
  return map
}

const estadoDe = (historial: SeguimientoEntrada[], soloAprobadas: boolean): AcuerdoEstado =>
  historial.filter((h) => !(soloAprobadas && h.enBorrador)).at(-1)?.estado ?? 'pendiente'

/**
 * Acuerdos as the API returns them, with their current state and situation today: by every
 * follow-up within a live session, or (`soloAprobadas`, everywhere else) by approved actas only.
 */
export async function acuerdosDto(
  db: Db,
  rows: AcuerdoRow[],
  hoy: string = hoyChile(),
  soloAprobadas = false
): Promise<Acuerdo[]> {
  return (await acuerdosConHistorial(db, rows, hoy, soloAprobadas)).map((x) => x.acuerdo)
}

/** The same, each with its follow-up history (read once for both). */
export async function acuerdosConHistorial(
  db: Db,
  rows: AcuerdoRow[],
  hoy: string = hoyChile(),
  soloAprobadas = false
): Promise<{ acuerdo: Acuerdo; historial: SeguimientoEntrada[] }[]> {
  const sesiones = new Map(
    (
      await (rows.length
        ? db
            .selectFrom('sesiones')
            .select(['id', 'tipo', 'numero', 'anio', 'fecha'])
            .where('id', 'in', enLista([...new Set(rows.map((r) => r.sesion_id))]))
            .execute()
        : Promise.resolve([]))
    ).map((s) => [s.id, s])
  )
  const hist = await historiales(
    db,
    rows.map((r) => r.id)
  )
  const creados = await creadasEn(
    db,
    'acuerdos',
    rows.map((r) => r.id)
  )
  return rows.map((r) => {
    const s = sesiones.get(r.sesion_id)!
    const historial = hist.get(r.id) ?? []
    const estado = estadoDe(historial, soloAprobadas)
    const acuerdo: Acuerdo = {
      id: r.id,
      sesionId: r.sesion_id,
      sesionTitulo: tituloSesion(s),
      sesionFecha: s.fecha,
      numero: r.numero,
      texto: r.texto,
      institucionId: r.institucion_id,
      personaId: r.persona_id,
      responsable: r.responsable,
      plazo: r.plazo,
      accionId: r.accion_id,
      accionCodigo: r.accion_codigo,
      estado,
      situacion: situacionAcuerdo(estado, r.plazo, hoy),
      creadoEn: creados.get(r.id) ?? null
    }
    return { acuerdo, historial }
  })
}

/** The responsible as the acta prints it ("SERNAM — María Pérez"), copied when written. */
async function responsableDe(
  db: Db,
  input: { institucionId: string | null; personaId: string | null }
): Promise<string> {
  const partes: string[] = []
  if (input.institucionId) {
    const i = await db
      .selectFrom('instituciones')
      .select('sigla')
      .where('id', '=', input.institucionId)
      .executeTakeFirst()
    if (!i) throw conflict('La institución responsable no existe.', 'institucionId')
    partes.push(i.sigla)
  }
  if (input.personaId) {
    const p = await db
      .selectFrom('personas')
      .select('nombre')
      .where('id', '=', input.personaId)
      .executeTakeFirst()
    if (!p) throw conflict('La persona responsable no existe.', 'personaId')
    partes.push(p.nombre)
  }
  return partes.join(' — ')
}

async function accionCodigo(db: Db, accionId: string | null): Promise<string | null> {
  if (!accionId) return null
  const a = await db
    .selectFrom('acciones')
    .select('codigo')
    .where('id', '=', accionId)
    .executeTakeFirst()
  if (!a) throw conflict('La acción del plan no existe.', 'accionId')
  return a.codigo
}

async function obtenerAcuerdo(db: Db, id: string): Promise<Acuerdo> {
  const row = await db.selectFrom('acuerdos').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('El acuerdo')
  return (await acuerdosDto(db, [row]))[0]!
}

export async function crearAcuerdo(
  db: Kysely<Database>,
  input: ParsedInput<'acuerdo:crear'>
): Promise<Acuerdo> {
  // Two added at once to one session may take the same number: the second runs again.
  const id = await otraVezSiSeCruzan(() =>
    db.transaction().execute(async (trx) => {
      await tomarTurno(trx)
      await sesionEditable(trx, input.sesionId)
      const n = await trx
        .selectFrom('acuerdos')
        .select(sql<number>`coalesce(max(numero), 0) + 1`.as('n'))
        .where('sesion_id', '=', input.sesionId)
        .executeTakeFirstOrThrow()
      const stamp = nowStamp()
      const acuerdoId = newId()
      await trx
        .insertInto('acuerdos')
        .values({
          id: acuerdoId,
          sesion_id: input.sesionId,
          numero: Number(n.n),
          texto: input.texto,
          institucion_id: input.institucionId,
          persona_id: input.personaId,
          responsable: await responsableDe(trx, input),
          plazo: input.plazo,
          accion_id: input.accionId,
          accion_codigo: await accionCodigo(trx, input.accionId),
          created_at: stamp,
          updated_at: stamp
        })
        .execute()
      return acuerdoId
    })
  )
  return obtenerAcuerdo(db, id)
}

const COLUMNAS_ACUERDO: Columnas<ParsedInput<'acuerdo:actualizar'>> = {
  texto: 'texto',
  institucionId: 'institucion_id',
  personaId: 'persona_id',
  plazo: 'plazo',
  accionId: 'accion_id'
}

export async function actualizarAcuerdo(
  db: Kysely<Database>,
  leido: ParsedInput<'acuerdo:actualizar'>
): Promise<Acuerdo> {
  await db.transaction().execute(async (trx) => {
    await sesionDe(trx, 'acuerdos', leido.id, 'El acuerdo')
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'acuerdos',
      clave: { id: leido.id },
      columnas: COLUMNAS_ACUERDO,
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El acuerdo')
    })
    const r = await trx
      .updateTable('acuerdos')
      .set({
        texto: input.texto,
        institucion_id: input.institucionId,
        persona_id: input.personaId,
        responsable: await responsableDe(trx, input),
        plazo: input.plazo,
        accion_id: input.accionId,
        accion_codigo: await accionCodigo(trx, input.accionId),
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .executeTakeFirst()
    if (!r.numUpdatedRows) throw cas.faltante()
  })
  return obtenerAcuerdo(db, leido.id)
}

/** Removes an acuerdo from a draft and renumbers the rest, so the acta has no gaps. */
export async function eliminarAcuerdo(db: Kysely<Database>, id: string): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    const sesion = await sesionDe(trx, 'acuerdos', id, 'El acuerdo')
    await sinSeguimientoAprobado(trx, { acuerdoId: id })
    await trx.deleteFrom('acuerdos').where('id', '=', id).execute()
    await trx
      .insertInto('tombstones')
      .values({ id, tabla: 'acuerdos', deleted_at: nowStamp() })
      .execute()
    const rest = await trx
      .selectFrom('acuerdos')
      .select(['id', 'numero'])
      .where('sesion_id', '=', sesion.id)
      .orderBy('numero')
      .execute()
    // Two passes: the unique (sesion, numero) index must hold after every statement.
    for (const r of rest)
      await trx.updateTable('acuerdos').set({ numero: -r.numero }).where('id', '=', r.id).execute()
    for (const [i, r] of rest.entries()) {
      await trx
        .updateTable('acuerdos')
        .set({ numero: i + 1, updated_at: nowStamp() })
        .where('id', '=', r.id)
        .execute()
    }
  })
  return { id }
}
