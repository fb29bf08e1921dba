import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { clasificarIndicador } from '../../../shared/domain/indicadores'
import { plazoDesdeTexto } from '../../../shared/domain/plazo'
import { newId, nowStamp } from '../db/ids'

/** Row-level helpers of the matrix import: text comparison, deletions, metas and indicadores. */

export type Trx = Transaction<Database>

export const same = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()
const sinTildes = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** The instancia a responsible cell names ("Subcomisión PREVENCIÓN…" → Prevención). */
export function instanciaDe(
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

export async function borrar(
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
export async function listas(
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
