import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { PlanResumen } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { v5 as uuidv5 } from 'uuid'
import { newId, nowStamp } from '../db/ids'
import { AppError, conflict, MENSAJE_PLAN_CERRADO, notFound } from '../errors'
import { toPlan } from './filas'

type Db = Kysely<Database> | Transaction<Database>

/** The namespace of the ids a period copy derives (uuid v5). */
const COPIAS = '6f0d3b9e-5a43-4c1e-9a57-2d1c0e8b7a41'

export interface DatosPeriodo {
  nombre: string
  periodoDesde: string
  periodoHasta: string
}

/**
 * The one way a new period starts, empty: a copy of another (below) and a ministry matrix
 * imported as a new period both open it here, then fill it.
 */
export async function abrirPeriodo(trx: Db, datos: DatosPeriodo, stamp: string): Promise<string> {
  const id = newId()
  await periodosCoherentes(trx, { id, ...datos, cerrado: false })
  await trx
    .insertInto('planes')
    .values({
      id,
      nombre: datos.nombre,
      periodo_desde: datos.periodoDesde,
      periodo_hasta: datos.periodoHasta,
      cerrado_at: null,
      created_at: stamp,
      updated_at: stamp
    })
    .execute()
  return id
}

const dma = (iso: string): string => iso.split('-').reverse().join('-')

/**
 * The rules that keep "which period is in force" and "which period a date belongs to" plain,
 * checked with `cambio` (a period new or with new dates) in place of its stored row: periods do
 * not overlap, and the one that starts last (the vigente) is open, so there is always an open,
 * editable plan (a closed period never reopens).
 */
export async function periodosCoherentes(
  trx: Db,
  cambio: DatosPeriodo & { id: string; cerrado: boolean }
): Promise<void> {
  const otros = await trx
    .selectFrom('planes')
    .select(['id', 'nombre', 'periodo_desde', 'periodo_hasta', 'cerrado_at'])
    .where('id', '!=', cambio.id)
    .execute()
  const choca = otros.find(
    (o) => o.periodo_desde <= cambio.periodoHasta && cambio.periodoDesde <= o.periodo_hasta
  )
  if (choca)
    throw conflict(
      `El período se superpone con «${choca.nombre}» (${dma(choca.periodo_desde)} a ${dma(choca.periodo_hasta)}): los períodos del plan no pueden compartir fechas.`,
      'periodoDesde'
    )
  const todos = [
    ...otros.map((o) => ({ id: o.id, desde: o.periodo_desde, cerrado: o.cerrado_at !== null })),
    { id: cambio.id, desde: cambio.periodoDesde, cerrado: cambio.cerrado }
  ]
  // The same order as the vigente everywhere: latest start, then id.
  const vigente = todos.sort((a, b) =>
    a.desde === b.desde ? (a.id < b.id ? 1 : -1) : a.desde < b.desde ? 1 : -1
  )[0]!
  if (vigente.cerrado)
    throw conflict(
      'Con esas fechas un período cerrado pasaría a ser el vigente (el que comienza último) y no quedaría ningún período abierto para editar: el vigente queda siempre abierto.',
      'periodoDesde'
    )
}

/**
 * The period a date belongs to: the plan that started last on or before it (the first plan for a
 * date before them all); null when there is no plan. A session lists the acciones of its period.
 */
export async function planDeFecha(db: Db, fecha: string): Promise<string | null> {
  const enCurso = await db
    .selectFrom('planes')
    .select('id')
    .where('periodo_desde', '<=', fecha)
    .orderBy('periodo_desde', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (enCurso) return enCurso.id
  const primero = await db
    .selectFrom('planes')
    .select('id')
    .orderBy('periodo_desde')
    .orderBy('id')
    .executeTakeFirst()
  return primero?.id ?? null
}

/** A plan that exists and can be written (not closed), or the refusal in Spanish. */
export async function periodoAbierto(trx: Db, planId: string): Promise<void> {
  const plan = await trx
    .selectFrom('planes')
    .select('cerrado_at')
    .where('id', '=', planId)
    .executeTakeFirst()
  if (!plan) throw notFound('El plan')
  if (plan.cerrado_at) throw new AppError('solo_lectura', MENSAJE_PLAN_CERRADO)
}

/**
 * "Nuevo período a partir de este": the plan's ejes, objetivos, acciones (texts, responsables,
 * instancia), metas (with their plazos) and indicadores (with their targets) copied to a new,
 * open plan, to be edited there. Sessions and acuerdos stay with the acciones of their period.
 */
export async function copiarPeriodo(
  db: Kysely<Database>,
  input: ParsedInput<'plan:copiar'>
): Promise<PlanResumen> {
  return db.transaction().execute(async (trx) => {
    const origen = await trx
      .selectFrom('planes')
      .select(['id', 'periodo_hasta'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!origen) throw notFound('El plan')
    if (input.periodoDesde <= origen.periodo_hasta)
      throw conflict(
        `El nuevo período debe comenzar después de que termine el período del que se copia (${dma(origen.periodo_hasta)}).`,
        'periodoDesde'
      )
    const stamp = nowStamp()
    const planId = await abrirPeriodo(trx, input, stamp)
    const nuevo = new Map<string, string>()
    // Derived from the source row and the period: two laptops copying a row they share (a meta
    // added by hand and already exchanged) make the same row, not two (fourth review of #16).
    const idDe = (viejo: string): string => {
      const id = nuevo.get(viejo) ?? uuidv5(`${viejo}@${input.periodoDesde}`, COPIAS)
      nuevo.set(viejo, id)
      return id
    }
    await copiarFilas(trx, input.id, planId, idDe, { created_at: stamp, updated_at: stamp })
    await sinOrigenComun(trx, nuevo)
    const plan = await trx
      .selectFrom('planes')
      .selectAll()
      .where('id', '=', planId)
      .executeTakeFirstOrThrow()
    return toPlan(plan)
  })
}

/** The plan's ejes, objetivos, acciones, metas and indicadores, copied under `planId`. */
async function copiarFilas(
  trx: Db,
  origenId: string,
  planId: string,
  idDe: (viejo: string) => string,
  sellos: { created_at: string; updated_at: string }
): Promise<void> {
  const ejes = await trx.selectFrom('ejes').selectAll().where('plan_id', '=', origenId).execute()
  for (const e of ejes)
    await trx
      .insertInto('ejes')
      .values({ ...e, ...sellos, id: idDe(e.id), plan_id: planId })
      .execute()
  const objs = await trx
    .selectFrom('objetivos')
    .selectAll()
    .where('plan_id', '=', origenId)
    .execute()
  for (const o of objs)
    await trx
      .insertInto('objetivos')
      .values({ ...o, ...sellos, id: idDe(o.id), plan_id: planId, eje_id: idDe(o.eje_id) })
      .execute()
  const accs = await trx
    .selectFrom('acciones')
    .selectAll()
    .where('plan_id', '=', origenId)
    .execute()
  for (const a of accs)
    await trx
      .insertInto('acciones')
      .values({
        ...a,
        ...sellos,
        id: idDe(a.id),
        plan_id: planId,
        objetivo_id: idDe(a.objetivo_id)
      })
      .execute()
  for (const tabla of ['metas', 'indicadores'] as const) {
    const filas = await trx
      .selectFrom(tabla)
      .innerJoin('acciones', 'acciones.id', `${tabla}.accion_id`)
      .selectAll(tabla)
      .where('acciones.plan_id', '=', origenId)
      .execute()
    for (const f of filas)
      await trx
        .insertInto(tabla)
        .values({ ...f, ...sellos, id: idDe(f.id), accion_id: idDe(f.accion_id) })
        .execute()
  }
}

/**
 * A copy is of common origin (0021, the exchange pairs it with the other laptop's copy by its
 * key) only where its source is: a meta a user added by hand stays a hand-made row in the new
 * period too. Marked common, two laptops' hand-made metas of one acción merged into one row.
 */
async function sinOrigenComun(trx: Db, copias: ReadonlyMap<string, string>): Promise<void> {
  const pares = JSON.stringify([...copias].map(([v, n]) => ({ v, n })))
  await sql`delete from comunes where fila_id in (
    select json_extract(p.value, '$.n') from json_each(${pares}) p
    where not exists (select 1 from comunes c where c.fila_id = json_extract(p.value, '$.v')))`.execute(
    trx
  )
}

/**
 * Closes an earlier period: from then on the database refuses every write to its rows. The
 * current one (the one that starts last) stays open: the plan in force is always editable.
 */
export async function cerrarPeriodo(db: Kysely<Database>, id: string): Promise<PlanResumen> {
  const plan = await db.selectFrom('planes').selectAll().where('id', '=', id).executeTakeFirst()
  if (!plan) throw notFound('El plan')
  if (plan.cerrado_at) throw conflict('Este período ya está cerrado.')
  const [vigente] = await db
    .selectFrom('planes')
    .select('id')
    .orderBy('periodo_desde', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute()
  if (vigente?.id === id)
    throw conflict(
      'El período vigente no se puede cerrar: primero cree el período que lo sigue ("Nuevo período a partir de este").'
    )
  const stamp = nowStamp()
  const row = await db
    .updateTable('planes')
    .set({ cerrado_at: stamp, updated_at: stamp })
    .where('id', '=', id)
    .where('cerrado_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw conflict('Este período ya está cerrado.')
  return toPlan(row)
}
