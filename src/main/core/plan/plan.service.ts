import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { PlanArbol, PlanResumen } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { groupBy, toAccion, toEje, toIndicador, toMeta, toObjetivo, toPlan } from './filas'
import { toInstancia } from '../instituciones'
import { periodosCoherentes } from './periodos.service'

export async function listarPlanes(db: Kysely<Database>): Promise<PlanResumen[]> {
  const rows = await db
    .selectFrom('planes')
    .selectAll()
    .orderBy('periodo_desde')
    .orderBy('id')
    .execute()
  return rows.map(toPlan)
}

/** The plan as its matrix: ejes → objetivos → acciones with metas and indicadores. */
export async function planArbol(db: Kysely<Database>, planId?: string): Promise<PlanArbol> {
  const plan = planId
    ? await db.selectFrom('planes').selectAll().where('id', '=', planId).executeTakeFirst()
    : await db
        .selectFrom('planes')
        .selectAll()
        .orderBy('periodo_desde', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst()
  if (!plan) throw notFound('El plan')

  const [ejes, objetivos, acciones, metas, indicadores, instancias] = await Promise.all([
    db
      .selectFrom('ejes')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('objetivos')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('acciones')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('metas')
      .innerJoin('acciones', 'acciones.id', 'metas.accion_id')
      .selectAll('metas')
      .where('acciones.plan_id', '=', plan.id)
      .orderBy('metas.orden')
      .orderBy('metas.id')
      .execute(),
    db
      .selectFrom('indicadores')
      .innerJoin('acciones', 'acciones.id', 'indicadores.accion_id')
      .selectAll('indicadores')
      .where('acciones.plan_id', '=', plan.id)
      .orderBy('indicadores.orden')
      .orderBy('indicadores.id')
      .execute(),
    db.selectFrom('instancias').selectAll().orderBy('orden').orderBy('id').execute()
  ])

  const metasPor = groupBy(metas, (m) => m.accion_id)
  const indicadoresPor = groupBy(indicadores, (i) => i.accion_id)
  const accionesPor = groupBy(acciones, (a) => a.objetivo_id)
  const objetivosPor = groupBy(objetivos, (o) => o.eje_id)

  return {
    plan: toPlan(plan),
    instancias: instancias.map(toInstancia),
    ejes: ejes.map((e) =>
      toEje(
        e,
        (objetivosPor.get(e.id) ?? []).map((o) =>
          toObjetivo(
            o,
            (accionesPor.get(o.id) ?? []).map((a) =>
              toAccion(
                a,
                (metasPor.get(a.id) ?? []).map(toMeta),
                (indicadoresPor.get(a.id) ?? []).map(toIndicador)
              )
            )
          )
        )
      )
    )
  }
}

export async function actualizarPlan(
  db: Kysely<Database>,
  leido: ParsedInput<'plan:actualizar'>
): Promise<PlanResumen> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'planes',
      clave: { id: leido.id },
      columnas: { nombre: 'nombre', periodoDesde: 'periodo_desde', periodoHasta: 'periodo_hasta' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El plan')
    })
    const antes = await trx
      .selectFrom('planes')
      .select('cerrado_at')
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!antes) throw notFound('El plan')
    await periodosCoherentes(trx, { ...input, cerrado: antes.cerrado_at !== null })
    const row = await trx
      .updateTable('planes')
      .set({
        nombre: input.nombre,
        periodo_desde: input.periodoDesde,
        periodo_hasta: input.periodoHasta,
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toPlan(row)
  })
}
