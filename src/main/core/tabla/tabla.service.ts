import type { Kysely } from 'kysely'
import type { Database, PuntoRow } from '../db/schema'
import type { Direccion } from '../../../shared/domain/plan'
import type { PuntoTabla } from '../../../shared/domain/sesiones'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { sesionDe, sesionEditable } from '../sesiones'
import { moveSibling, nextOrden } from '../db/orden'
import { notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'

export const toPunto = (r: PuntoRow): PuntoTabla => ({
  id: r.id,
  titulo: r.titulo,
  desarrollo: r.desarrollo,
  tipo: r.tipo,
  orden: r.orden
})

export async function crearPunto(
  db: Kysely<Database>,
  input: ParsedInput<'punto:crear'>
): Promise<PuntoTabla> {
  return db.transaction().execute(async (trx) => {
    await sesionEditable(trx, input.sesionId)
    const stamp = nowStamp()
    const row = await trx
      .insertInto('puntos_tabla')
      .values({
        id: newId(),
        sesion_id: input.sesionId,
        titulo: input.titulo,
        desarrollo: '',
        tipo: 'otro',
        orden: await nextOrden(trx, 'puntos_tabla', input.sesionId),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toPunto(row)
  })
}

export async function actualizarPunto(
  db: Kysely<Database>,
  leido: ParsedInput<'punto:actualizar'>
): Promise<PuntoTabla> {
  return db.transaction().execute(async (trx) => {
    await sesionDe(trx, 'puntos_tabla', leido.id, 'El punto de tabla')
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'puntos_tabla',
      clave: { id: leido.id },
      columnas: { titulo: 'titulo', desarrollo: 'desarrollo' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El punto de tabla')
    })
    const row = await trx
      .updateTable('puntos_tabla')
      .set({ titulo: input.titulo, desarrollo: input.desarrollo, updated_at: nowStamp() })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toPunto(row)
  })
}

export async function moverPunto(
  db: Kysely<Database>,
  id: string,
  direccion: Direccion
): Promise<null> {
  await moveSibling(db, 'puntos_tabla', id, direccion, 'El punto de tabla', (trx) =>
    sesionDe(trx, 'puntos_tabla', id, 'El punto de tabla')
  )
  return null
}

export async function eliminarPunto(db: Kysely<Database>, id: string): Promise<{ id: string }> {
  await db.transaction().execute(async (trx) => {
    await sesionDe(trx, 'puntos_tabla', id, 'El punto de tabla')
    await trx.deleteFrom('puntos_tabla').where('id', '=', id).execute()
    await trx
      .insertInto('tombstones')
      .values({ id, tabla: 'puntos_tabla', deleted_at: nowStamp() })
      .execute()
  })
  return { id }
}
