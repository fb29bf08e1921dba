import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Eje } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { assertCodigoLibre } from './codigos'
import { nextOrden } from '../db/orden'
import { toEje } from './filas'

export async function crearEje(
  db: Kysely<Database>,
  input: ParsedInput<'eje:crear'>
): Promise<Eje> {
  return db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('planes')
      .select('id')
      .where('id', '=', input.planId)
      .executeTakeFirst()
    if (!plan) throw notFound('El plan')
    await assertCodigoLibre(trx, 'ejes', input.planId, input.codigo)
    const stamp = nowStamp()
    const row = await trx
      .insertInto('ejes')
      .values({
        id: newId(),
        plan_id: input.planId,
        codigo: input.codigo,
        nombre: input.nombre,
        orden: await nextOrden(trx, 'ejes', input.planId),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toEje(row)
  })
}

export async function actualizarEje(
  db: Kysely<Database>,
  leido: ParsedInput<'eje:actualizar'>
): Promise<Eje> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'ejes',
      clave: { id: leido.id },
      columnas: { codigo: 'codigo', nombre: 'nombre' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El eje')
    })
    const eje = await trx
      .selectFrom('ejes')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!eje) throw notFound('El eje')
    await assertCodigoLibre(trx, 'ejes', eje.plan_id, input.codigo, eje.id)
    const row = await trx
      .updateTable('ejes')
      .set({ codigo: input.codigo, nombre: input.nombre, updated_at: nowStamp() })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toEje(row)
  })
}
