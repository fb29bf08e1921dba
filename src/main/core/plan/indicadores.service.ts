import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Indicador, IndicadorTipo } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { AppError, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { errorMetaValor } from '../../../shared/domain/indicadores'
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

/** Refuses a target that does not fit the kind, with the contract's message, on its field. */
function comprobarMeta(tipo: IndicadorTipo, metaValor: number | null): void {
  const error = errorMetaValor(tipo, metaValor)
  if (error) throw new AppError('entrada_invalida', error, { metaValor: error })
}

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
    comprobarMeta(input.tipo, input.metaValor ?? null)
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
  leido: ParsedInput<'indicador:actualizar'>
): Promise<Indicador> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'indicadores',
      clave: { id: leido.id },
      columnas: {
        texto: 'texto',
        tipo: 'tipo',
        numerador: 'numerador',
        denominador: 'denominador',
        metaValor: 'meta_valor'
      },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('El indicador')
    })
    const antes = await trx
      .selectFrom('indicadores')
      .select('meta_valor')
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!antes) throw notFound('El indicador')
    // A target left out is kept: it must still fit when the kind changes.
    comprobarMeta(input.tipo, input.metaValor === undefined ? antes.meta_valor : input.metaValor)
    const row = await trx
      .updateTable('indicadores')
      .set({
        texto: input.texto,
        tipo: input.tipo,
        ...formula(input),
        ...(input.metaValor === undefined ? {} : { meta_valor: input.metaValor }),
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toIndicador(row)
  })
}
