import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Indicador, IndicadorTipo } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { nextOrden } from '../db/orden'
import { toIndicador } from './filas'

/** Only a porcentaje has a numerator and denominator; other kinds drop them. */
const formula = (i: {
  tipo: IndicadorTipo
  numerador: string | null
  denominador: string | null
}) =>
  i.tipo === 'porcentaje'
    ? { numerador: i.numerador, denominador: i.denominador }
    : { numerador: null, denominador: null }

export async function crearIndicador(
  db: Kysely<Database>,
  input: ParsedInput<'indicador:crear'>
): Promise<Indicador> {
  return db.transaction().execute(async (trx) => {
    const accion = await trx
      .selectFrom('acciones')
      .select('id')
      .where('id', '=', input.accionId)
      .executeTakeFirst()
    if (!accion) throw notFound('La acción')
    const stamp = nowStamp()
    const row = await trx
      .insertInto('indicadores')
      .values({
        id: newId(),
        accion_id: accion.id,
        texto: input.texto,
        tipo: input.tipo,
        ...formula(input),
        meta_valor: input.metaValor ?? null,
        orden: await nextOrden(trx, 'indicadores', accion.id),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toIndicador(row)
  })
}

export async function actualizarIndicador(
  db: Kysely<Database>,
  input: ParsedInput<'indicador:actualizar'>
): Promise<Indicador> {
  const row = await db
    .updateTable('indicadores')
    .set({
      texto: input.texto,
      tipo: input.tipo,
      ...formula(input),
      ...(input.metaValor === undefined ? {} : { meta_valor: input.metaValor }),
      updated_at: nowStamp()
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw notFound('El indicador')
  return toIndicador(row)
}
