import type { PlanArbol } from '../../../../../src/shared/domain/plan'
import type { TestApp } from '../../../../helpers/db'
import { leidaDe } from './leida'

/** What the aplicar-*.test.ts files share: the plan's acciones by code. */
export const acciones = (p: PlanArbol) =>
  p.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones))
export const accion = (p: PlanArbol, codigo: string) =>
  acciones(p).find((a) => a.codigo === codigo)!

/**
 * ...and the reads on the app of the running test (`app()`, fresh each test): the tree, one stored
 * row, an instancia's id by code, the tombstones, and the plan loaded as a read workbook to edit.
 */
export function lecturas(app: () => TestApp) {
  const arbol = (planId?: string): Promise<PlanArbol> =>
    app().api['plan:arbol'](planId ? { planId } : {})
  const fila = (tabla: 'acciones' | 'ejes' | 'objetivos' | 'metas' | 'indicadores', id: string) =>
    app().app.db.selectFrom(tabla).selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const instancia = async (codigo: string) =>
    (await app().api['instancia:listar'](undefined)).find((i) => i.codigo === codigo)!.id
  const tombstones = async () =>
    (await app().app.db.selectFrom('tombstones').select(['id', 'tabla']).execute()).map(
      (x) => `${x.tabla}:${x.id}`
    )
  async function cargar() {
    const plan = await arbol()
    const glosario = await app().api['institucion:listar'](undefined)
    return { plan, glosario, ...leidaDe(plan, glosario) }
  }
  return { arbol, fila, instancia, tombstones, cargar }
}
