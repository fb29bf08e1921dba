import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Meta } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { plazoDesdeTexto } from '../../../shared/domain/plazo'
import { newId, nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { nextOrden } from '../db/orden'
import { toMeta } from './filas'

/** A deadline left unsaid is read from the text; null means the meta has none. */
const plazoDe = (texto: string, plazo: string | null | undefined): string | null =>
  plazo === undefined ? plazoDesdeTexto(texto) : plazo

export async function crearMeta(
  db: Kysely<Database>,
  input: ParsedInput<'meta:crear'>
): Promise<Meta> {
  return db.transaction().execute(async (trx) => {
    const accion = await trx
      .selectFrom('acciones')
      .select('id')
      .where('id', '=', input.accionId)
      .executeTakeFirst()
    if (!accion) throw notFound('La acción')
    const stamp = nowStamp()
    const row = await trx
      .insertInto('metas')
      .values({
        id: newId(),
        accion_id: accion.id,
        texto: input.texto,
        plazo: plazoDe(input.texto, input.plazo),
        orden: await nextOrden(trx, 'metas', accion.id),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toMeta(row)
  })
}

export async function actualizarMeta(
  db: Kysely<Database>,
  leido: ParsedInput<'meta:actualizar'>
): Promise<Meta> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'metas',
      clave: { id: leido.id },
      columnas: { texto: 'texto', plazo: 'plazo' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La meta')
    })
    const row = await trx
      .updateTable('metas')
      .set({ texto: input.texto, plazo: plazoDe(input.texto, input.plazo), updated_at: nowStamp() })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toMeta(row)
  })
}
