import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Objetivo } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { assertCodigoBajo, assertCodigoLibre } from './codigos'
import { nextOrden } from '../db/orden'
import { toObjetivo } from './filas'

export async function crearObjetivo(
  db: Kysely<Database>,
  input: ParsedInput<'objetivo:crear'>
): Promise<Objetivo> {
  return db.transaction().execute(async (trx) => {
    const eje = await trx
      .selectFrom('ejes')
      .selectAll()
      .where('id', '=', input.ejeId)
      .executeTakeFirst()
    if (!eje) throw notFound('El eje')
    assertCodigoBajo(input.codigo, eje.codigo, 'del objetivo')
    await assertCodigoLibre(trx, 'objetivos', eje.plan_id, input.codigo)
    const stamp = nowStamp()
    const row = await trx
      .insertInto('objetivos')
      .values({
        id: newId(),
        plan_id: eje.plan_id,
        eje_id: eje.id,
        codigo: input.codigo,
        texto: input.texto,
        orden: await nextOrden(trx, 'objetivos', eje.id),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toObjetivo(row)
  })
}

export async function actualizarObjetivo(
  db: Kysely<Database>,
  leido: ParsedInput<'objetivo:actualizar'>
): Promise<Objetivo> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'objetivos',
      clave: { id: leido.id },
      columnas: { codigo: 'codigo', texto: 'texto' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El objetivo')
    })
    const objetivo = await trx
      .selectFrom('objetivos')
      .innerJoin('ejes', 'ejes.id', 'objetivos.eje_id')
      .select(['objetivos.id', 'objetivos.plan_id', 'ejes.codigo as ejeCodigo'])
      .where('objetivos.id', '=', input.id)
      .executeTakeFirst()
    if (!objetivo) throw notFound('El objetivo')
    assertCodigoBajo(input.codigo, objetivo.ejeCodigo, 'del objetivo')
    await assertCodigoLibre(trx, 'objetivos', objetivo.plan_id, input.codigo, objetivo.id)
    const row = await trx
      .updateTable('objetivos')
      .set({ codigo: input.codigo, texto: input.texto, updated_at: nowStamp() })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toObjetivo(row)
  })
}
