import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { clasificarIndicador } from '../../../../shared/domain/indicadores'
import { plazoDesdeTexto } from '../../../../shared/domain/plazo'
import { newId, nowStamp } from '../../db/ids'
import { enLista } from '../../db/lista'

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
  // One JSON parameter: an import may remove more rows than SQLite has variables.
  await trx.deleteFrom(tabla).where('id', 'in', enLista(ids)).execute()
  const stamp = nowStamp()
  for (const id of ids)
    await trx.insertInto('tombstones').values({ id, tabla, deleted_at: stamp }).execute()
}

/** What a meta or an indicador derives from its text: a meta's deadline, an indicador's kind. */
const DERIVADO = {
  metas: (texto: string) => ({ plazo: plazoDesdeTexto(texto) }),
  indicadores: (texto: string) => clasificarIndicador(texto)
}

/**
 * Brings one acción's metas or indicadores in line with the workbook, position by position. What
 * a row derives from its text is worked out again only when its text changed.
 */
async function sincronizarLista(
  trx: Trx,
  tabla: 'metas' | 'indicadores',
  accionId: string,
  textos: string[],
  stamp: string
): Promise<void> {
  const derivado = DERIVADO[tabla]
  const actuales = await trx
    .selectFrom(tabla)
    .select(['id', 'texto', 'orden'])
    .where('accion_id', '=', accionId)
    .orderBy('orden')
    .orderBy('id')
    .execute()
  for (const [i, texto] of textos.entries()) {
    const fila = actuales[i]
    if (!fila)
      await trx
        .insertInto(tabla)
        .values({
          id: newId(),
          accion_id: accionId,
          texto,
          ...derivado(texto),
          orden: i + 1,
          created_at: stamp,
          updated_at: stamp
        })
        .execute()
    else if (!same(fila.texto, texto) || fila.orden !== i + 1) {
      await trx
        .updateTable(tabla)
        .set({
          texto,
          ...(same(fila.texto, texto) ? {} : derivado(texto)),
          orden: i + 1,
          updated_at: stamp
        })
        .where('id', '=', fila.id)
        .execute()
    }
  }
  await borrar(
    trx,
    tabla,
    actuales.slice(textos.length).map((x) => x.id)
  )
}

/** Brings one acción's metas and indicadores in line with the workbook. */
export async function listas(
  trx: Trx,
  accionId: string,
  metas: string[],
  indicadores: string[],
  stamp: string
): Promise<void> {
  await sincronizarLista(trx, 'metas', accionId, metas, stamp)
  await sincronizarLista(trx, 'indicadores', accionId, indicadores, stamp)
}
