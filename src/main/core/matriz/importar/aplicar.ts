import type { Kysely } from 'kysely'
import type { AccionRow, Database, EjeRow, ObjetivoRow } from '../../db/schema'
import { newId, nowStamp } from '../../db/ids'
import { abrirPeriodo, periodoAbierto } from '../../plan'
import { ceder, revisarCancelacion, type ControlTarea } from '../../tareas'
import type { AccionLeida, MatrizLeida } from './leer'
import { guardarRotulos } from './rotulos-guardar'
import { borrar, instanciaDe, listas, same, type Trx } from './aplicar-filas'

export type ModoImportacion =
  | { modo: 'actualizar'; planId: string }
  | { modo: 'nuevo'; nombre: string; periodoDesde: string; periodoHasta: string }

export type ControlImportacion = Partial<ControlTarea>

/** Why a cancel is refused once the import is committing. */
export const GUARDANDO = 'La importación ya se está guardando; no se puede cancelar.'

type Eje = MatrizLeida['ejes'][number]
type Objetivo = Eje['objetivos'][number]

/** What every step of one import shares: the transaction, the plan's rows by code, progress. */
interface Paso {
  trx: Trx
  planId: string
  stamp: string
  instancias: { id: string; codigo: string; nombre: string }[]
  ejes: Map<string, EjeRow>
  objs: Map<string, ObjetivoRow>
  accs: Map<string, AccionRow>
  vistos: { ejes: Set<string>; objs: Set<string>; accs: Set<string> }
  /** Between acciones: lets a cancel in, and stops (rolling back) if one came. */
  siguiente: (codigo: string) => Promise<void>
}

/**
 * Applies a read workbook in one transaction: a new plan period, or the chosen plan updated by
 * code. Rows that did not change are not touched, so their stamps stay as they were. A cancel
 * is checked before each acción and throws inside the transaction, so nothing is kept; just
 * before the commit the import passes its point of no return and refuses later cancels.
 */
export async function aplicarMatriz(
  db: Kysely<Database>,
  leida: MatrizLeida,
  modo: ModoImportacion,
  control: ControlImportacion = {}
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const p = await preparar(trx, modo, leida, control)
    for (const [ie, e] of leida.ejes.entries()) await aplicarEje(p, e, ie)
    await borrarFaltantes(p)
    await aplicarGlosario(trx, leida.glosario, p.stamp)
    await p.siguiente('')
    if (control.sinRetorno) control.sinRetorno(GUARDANDO)
    else revisarCancelacion(control.signal)
    control.progreso?.(0.95, 'Guardando los cambios')
    return p.planId
  })
}

async function preparar(
  trx: Trx,
  modo: ModoImportacion,
  leida: MatrizLeida,
  control: ControlImportacion
): Promise<Paso> {
  const stamp = nowStamp()
  const planId = await planDestino(trx, modo, stamp)
  const porCodigo = <R extends { codigo: string }>(rows: R[]): Map<string, R> =>
    new Map(rows.map((r) => [r.codigo, r]))
  const total = leida.ejes.flatMap((e) => e.objetivos.flatMap((o) => o.acciones)).length
  let hechas = 0
  return {
    trx,
    planId,
    stamp,
    instancias: await trx.selectFrom('instancias').select(['id', 'codigo', 'nombre']).execute(),
    ejes: porCodigo(
      await trx.selectFrom('ejes').selectAll().where('plan_id', '=', planId).execute()
    ),
    objs: porCodigo(
      await trx.selectFrom('objetivos').selectAll().where('plan_id', '=', planId).execute()
    ),
    accs: porCodigo(
      await trx.selectFrom('acciones').selectAll().where('plan_id', '=', planId).execute()
    ),
    vistos: { ejes: new Set(), objs: new Set(), accs: new Set() },
    siguiente: async (codigo) => {
      await ceder()
      revisarCancelacion(control.signal)
      hechas++
      const detalle = codigo ? `Guardando la acción ${codigo} (${hechas} de ${total})` : 'Guardando'
      control.progreso?.(0.5 + (0.45 * Math.min(hechas, total)) / Math.max(total, 1), detalle)
    }
  }
}

/** The plan to write: the chosen one (refused when closed), or a new period opened as a copy's is. */
async function planDestino(trx: Trx, modo: ModoImportacion, stamp: string): Promise<string> {
  if (modo.modo === 'actualizar') {
    await periodoAbierto(trx, modo.planId)
    return modo.planId
  }
  return abrirPeriodo(trx, modo, stamp)
}

async function aplicarEje(p: Paso, e: Eje, ie: number): Promise<void> {
  const ex = p.ejes.get(e.codigo)
  let ejeId = ex?.id
  if (!ex) {
    ejeId = newId()
    await p.trx
      .insertInto('ejes')
      .values({
        id: ejeId,
        plan_id: p.planId,
        codigo: e.codigo,
        nombre: e.nombre,
        orden: ie + 1,
        created_at: p.stamp,
        updated_at: p.stamp
      })
      .execute()
  } else if (!same(ex.nombre, e.nombre) || ex.orden !== ie + 1) {
    await p.trx
      .updateTable('ejes')
      .set({ nombre: e.nombre, orden: ie + 1, updated_at: p.stamp })
      .where('id', '=', ex.id)
      .execute()
  }
  p.vistos.ejes.add(e.codigo)
  for (const [io, o] of e.objetivos.entries()) await aplicarObjetivo(p, o, io, ejeId!)
}

async function aplicarObjetivo(p: Paso, o: Objetivo, io: number, ejeId: string): Promise<void> {
  const ox = p.objs.get(o.codigo)
  let objId = ox?.id
  if (!ox) {
    objId = newId()
    await p.trx
      .insertInto('objetivos')
      .values({
        id: objId,
        plan_id: p.planId,
        eje_id: ejeId,
        codigo: o.codigo,
        texto: o.texto,
        orden: io + 1,
        created_at: p.stamp,
        updated_at: p.stamp
      })
      .execute()
  } else if (!same(ox.texto, o.texto) || ox.orden !== io + 1 || ox.eje_id !== ejeId) {
    await p.trx
      .updateTable('objetivos')
      .set({ texto: o.texto, orden: io + 1, eje_id: ejeId, updated_at: p.stamp })
      .where('id', '=', ox.id)
      .execute()
  }
  p.vistos.objs.add(o.codigo)
  for (const [ia, a] of o.acciones.entries()) {
    await p.siguiente(a.codigo)
    await aplicarAccion(p, a, ia, objId!)
  }
}

async function aplicarAccion(p: Paso, a: AccionLeida, ia: number, objId: string): Promise<void> {
  const ax = p.accs.get(a.codigo)
  let accId = ax?.id
  if (!ax) {
    accId = newId()
    await p.trx
      .insertInto('acciones')
      .values({
        id: accId,
        plan_id: p.planId,
        objetivo_id: objId,
        codigo: a.codigo,
        texto: a.texto,
        instancia_id: instanciaDe(a.responsables, p.instancias),
        responsables: a.responsables,
        orden: ia + 1,
        created_at: p.stamp,
        updated_at: p.stamp
      })
      .execute()
  } else if (
    !same(ax.texto, a.texto) ||
    ax.orden !== ia + 1 ||
    ax.objetivo_id !== objId ||
    !same(ax.responsables, a.responsables)
  ) {
    const instancia = same(ax.responsables, a.responsables)
      ? ax.instancia_id
      : (instanciaDe(a.responsables, p.instancias) ?? ax.instancia_id)
    await p.trx
      .updateTable('acciones')
      .set({
        texto: a.texto,
        orden: ia + 1,
        objetivo_id: objId,
        responsables: a.responsables,
        instancia_id: instancia,
        updated_at: p.stamp
      })
      .where('id', '=', ax.id)
      .execute()
  }
  p.vistos.accs.add(a.codigo)
  await listas(p.trx, accId!, a.metas, a.indicadores, p.stamp)
  if (a.rotulos) await guardarRotulos(p.trx, accId!, a.rotulos, p.stamp)
}

/** Rows of the plan the workbook no longer names, children before parents. */
async function borrarFaltantes(p: Paso): Promise<void> {
  const faltan = <R extends { id: string; codigo: string }>(
    rows: Map<string, R>,
    vistos: Set<string>
  ): string[] => [...rows.values()].filter((r) => !vistos.has(r.codigo)).map((r) => r.id)
  await borrar(p.trx, 'acciones', faltan(p.accs, p.vistos.accs))
  await borrar(p.trx, 'objetivos', faltan(p.objs, p.vistos.objs))
  await borrar(p.trx, 'ejes', faltan(p.ejes, p.vistos.ejes))
}

async function aplicarGlosario(
  trx: Trx,
  glosario: MatrizLeida['glosario'],
  stamp: string
): Promise<void> {
  const siglas = new Map(
    (await trx.selectFrom('instituciones').selectAll().execute()).map((i) => [
      i.sigla.toLowerCase(),
      i
    ])
  )
  let orden = siglas.size
  for (const g of glosario) {
    const ex = siglas.get(g.sigla.toLowerCase())
    if (!ex)
      await trx
        .insertInto('instituciones')
        .values({
          id: newId(),
          sigla: g.sigla,
          nombre: g.nombre,
          orden: ++orden,
          created_at: stamp,
          updated_at: stamp
        })
        .execute()
    else if (!same(ex.nombre, g.nombre))
      await trx
        .updateTable('instituciones')
        .set({ nombre: g.nombre, updated_at: stamp })
        .where('id', '=', ex.id)
        .execute()
  }
}
