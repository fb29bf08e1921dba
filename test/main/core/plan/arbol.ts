import type { PlanArbol } from '../../../../src/shared/domain/plan'
import type { TestApp } from '../../../helpers/db'
import type { Caller } from '../../../helpers/respuestas'

/**
 * What the plan's branch tests (ramas-*.test.ts) share: the tree read through the API, its
 * acciones and objetivos by code, and an older plan written straight to the database.
 */
export const arbolDe = (api: Caller, planId?: string): Promise<PlanArbol> =>
  api.ok('plan:arbol', planId ? { planId } : {})
export const acciones = (a: PlanArbol) =>
  a.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
export const accion = (a: PlanArbol, codigo: string) =>
  acciones(a).find((x) => x.codigo === codigo)!
export const objetivo = (a: PlanArbol, codigo: string) =>
  a.ejes.flatMap((e) => e.objetivos).find((x) => x.codigo === codigo)!

/** A second plan, older than the seeded one, with one eje: there is no channel to create plans. */
export async function crearPlanAntiguo(t: TestApp, api: Caller): Promise<string> {
  const stamp = '2010-01-01T00:00:00.000Z'
  const id = '01a22b25-0000-7000-8000-0000000000aa'
  await t.app.db
    .insertInto('planes')
    .values({
      id,
      nombre: 'Plan 2010',
      periodo_desde: '2010-01-01',
      periodo_hasta: '2012-12-31',
      created_at: stamp,
      updated_at: stamp
    })
    .execute()
  await api.ok('eje:crear', { planId: id, codigo: '1', nombre: 'ANTIGUO' })
  return id
}
