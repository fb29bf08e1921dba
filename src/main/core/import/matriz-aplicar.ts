import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { clasificarIndicador } from '../../../shared/domain/indicadores'
import { plazoDesdeTexto } from '../../../shared/domain/plazo'
import { newId, nowStamp } from '../db/ids'
import { notFound } from '../errors'
import type { MatrizLeida } from './matriz-leer'

type Trx = Transaction<Database>

export type ModoImportacion =
  | { modo: 'actualizar'; planId: string }
  | { modo: 'nuevo'; nombre: string; periodoDesde: string; periodoHasta: string }

const same = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()
const sinTildes = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** The instancia a responsible cell names ("Subcomisión PREVENCIÓN…" → Prevención). */
function instanciaDe(
  responsables: string,
  instancias: { id: string; codigo: string; nombre: string }[]
): string | null {
  const r = sinTildes(responsables)
  const hit = instancias.find(
    (i) =>
      r.includes(sinTildes(i.codigo)) ||
      r.includes(sinTildes(i.nombre.split(/[\s/]+/).at(-1) ?? ''))
  )
  return hit?.id ?? null
}

async function borrar(
  trx: Trx,
  tabla: 'ejes' | 'objetivos' | 'acciones' | 'metas' | 'indicadores',
  ids: string[]
): Promise<void> {
  if (!ids.length) return
  await trx.deleteFrom(tabla).where('id', 'in', ids).execute()
  const stamp = nowStamp()
  for (const id of ids)
    await trx.insertInto('tombstones').values({ id, tabla, deleted_at: stamp }).execute()
}

/** Brings one acción's metas or indicadores in line with the workbook, position by position. */
async function listas(
  trx: Trx,
  accionId: string,
  metas: string[],
  indicadores: string[],
  stamp: string
): Promise<void> {
  const mAct = await trx
    .selectFrom('metas')
    .selectAll()
    .where('accion_id', '=', accionId)
    .orderBy('orden')
    .orderBy('id')
    .execute()
  for (const [i, texto] of metas.entries()) {
    const m = mAct[i]
    if (!m)
      await trx
        .insertInto('metas')
        .values({
          id: newId(),
          accion_id: accionId,
          texto,
          plazo: plazoDesdeTexto(texto),
          orden: i + 1,
          created_at: stamp,
          updated_at: stamp
        })
        .execute()
    else if (!same(m.texto, texto) || m.orden !== i + 1) {
      await trx
        .updateTable('metas')
        .set({
          texto,
          plazo: same(m.texto, texto) ? m.plazo : plazoDesdeTexto(texto),
          orden: i + 1,
          updated_at: stamp
        })
        .where('id', '=', m.id)
        .execute()
    }
  }
  await borrar(
    trx,
    'metas',
    mAct.slice(metas.length).map((m) => m.id)
  )
  const iAct = await trx
    .selectFrom('indicadores')
    .selectAll()
    .where('accion_id', '=', accionId)
    .orderBy('orden')
    .orderBy('id')
    .execute()
  for (const [i, texto] of indicadores.entries()) {
    const ind = iAct[i]
    if (!ind)
      await trx
        .insertInto('indicadores')
        .values({
          id: newId(),
          accion_id: accionId,
          texto,
          ...clasificarIndicador(texto),
          orden: i + 1,
          created_at: stamp,
          updated_at: stamp
        })
        .execute()
    else if (!same(ind.texto, texto) || ind.orden !== i + 1) {
      const tipo = same(ind.texto, texto) ? {} : clasificarIndicador(texto)
      await trx
        .updateTable('indicadores')
        .set({ texto, ...tipo, orden: i + 1, updated_at: stamp })
        .where('id', '=', ind.id)
        .execute()
    }
  }
  await borrar(
    trx,
    'indicadores',
    iAct.slice(indicadores.length).map((x) => x.id)
  )
}

/**
 * Applies a read workbook in one transaction: a new plan period, or the chosen plan updated by
 * code. Rows that did not change are not touched, so their stamps stay as they were.
 */
export async function aplicarMatriz(
  db: Kysely<Database>,
  leida: MatrizLeida,
  modo: ModoImportacion
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const stamp = nowStamp()
    let planId: string
    if (modo.modo === 'nuevo') {
      planId = newId()
      await trx
        .insertInto('planes')
        .values({
          id: planId,
          nombre: modo.nombre,
          periodo_desde: modo.periodoDesde,
          periodo_hasta: modo.periodoHasta,
          created_at: stamp,
          updated_at: stamp
        })
        .execute()
    } else {
      planId = modo.planId
      if (
        !(await trx.selectFrom('planes').select('id').where('id', '=', planId).executeTakeFirst())
      )
        throw notFound('El plan')
    }
    const instancias = await trx
      .selectFrom('instancias')
      .select(['id', 'codigo', 'nombre'])
      .execute()
    const ejes = new Map(
      (await trx.selectFrom('ejes').selectAll().where('plan_id', '=', planId).execute()).map(
        (e) => [e.codigo, e]
      )
    )
    const objs = new Map(
      (await trx.selectFrom('objetivos').selectAll().where('plan_id', '=', planId).execute()).map(
        (o) => [o.codigo, o]
      )
    )
    const accs = new Map(
      (await trx.selectFrom('acciones').selectAll().where('plan_id', '=', planId).execute()).map(
        (a) => [a.codigo, a]
      )
    )
    const vistos = { ejes: new Set<string>(), objs: new Set<string>(), accs: new Set<string>() }

    for (const [ie, e] of leida.ejes.entries()) {
      let ejeId = ejes.get(e.codigo)?.id
      const ex = ejes.get(e.codigo)
      if (!ex) {
        ejeId = newId()
        await trx
          .insertInto('ejes')
          .values({
            id: ejeId,
            plan_id: planId,
            codigo: e.codigo,
            nombre: e.nombre,
            orden: ie + 1,
            created_at: stamp,
            updated_at: stamp
          })
          .execute()
      } else if (!same(ex.nombre, e.nombre) || ex.orden !== ie + 1) {
        await trx
          .updateTable('ejes')
          .set({ nombre: e.nombre, orden: ie + 1, updated_at: stamp })
          .where('id', '=', ex.id)
          .execute()
      }
      vistos.ejes.add(e.codigo)
      for (const [io, o] of e.objetivos.entries()) {
        const ox = objs.get(o.codigo)
        let objId = ox?.id
        if (!ox) {
          objId = newId()
          await trx
            .insertInto('objetivos')
            .values({
              id: objId,
              plan_id: planId,
              eje_id: ejeId!,
              codigo: o.codigo,
              texto: o.texto,
              orden: io + 1,
              created_at: stamp,
              updated_at: stamp
            })
            .execute()
        } else if (!same(ox.texto, o.texto) || ox.orden !== io + 1 || ox.eje_id !== ejeId) {
          await trx
            .updateTable('objetivos')
            .set({ texto: o.texto, orden: io + 1, eje_id: ejeId!, updated_at: stamp })
            .where('id', '=', ox.id)
            .execute()
        }
        vistos.objs.add(o.codigo)
        for (const [ia, a] of o.acciones.entries()) {
          const ax = accs.get(a.codigo)
          let accId = ax?.id
          if (!ax) {
            accId = newId()
            await trx
              .insertInto('acciones')
              .values({
                id: accId,
                plan_id: planId,
                objetivo_id: objId!,
                codigo: a.codigo,
                texto: a.texto,
                instancia_id: instanciaDe(a.responsables, instancias),
                responsables: a.responsables,
                orden: ia + 1,
                created_at: stamp,
                updated_at: stamp
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
              : (instanciaDe(a.responsables, instancias) ?? ax.instancia_id)
            await trx
              .updateTable('acciones')
              .set({
                texto: a.texto,
                orden: ia + 1,
                objetivo_id: objId!,
                responsables: a.responsables,
                instancia_id: instancia,
                updated_at: stamp
              })
              .where('id', '=', ax.id)
              .execute()
          }
          vistos.accs.add(a.codigo)
          await listas(trx, accId!, a.metas, a.indicadores, stamp)
        }
      }
    }
    await borrar(
      trx,
      'acciones',
      [...accs.values()].filter((a) => !vistos.accs.has(a.codigo)).map((a) => a.id)
    )
    await borrar(
      trx,
      'objetivos',
      [...objs.values()].filter((o) => !vistos.objs.has(o.codigo)).map((o) => o.id)
    )
    await borrar(
      trx,
      'ejes',
      [...ejes.values()].filter((e) => !vistos.ejes.has(e.codigo)).map((e) => e.id)
    )

    const siglas = new Map(
      (await trx.selectFrom('instituciones').selectAll().execute()).map((i) => [
        i.sigla.toLowerCase(),
        i
      ])
    )
    let orden = siglas.size
    for (const g of leida.glosario) {
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
    return planId
  })
}
