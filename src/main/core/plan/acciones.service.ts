import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { Accion, AccionDetalle } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { assertCodigoBajo, assertCodigoLibre } from './codigos'
import { nextOrden } from '../db/orden'
import { toAccion, toIndicador, toMeta } from './filas'
import { toInstancia } from '../instituciones'

async function assertInstancia(
  trx: Transaction<Database>,
  instanciaId: string | null
): Promise<void> {
  if (instanciaId === null) return
  const found = await trx
    .selectFrom('instancias')
    .select('id')
    .where('id', '=', instanciaId)
    .executeTakeFirst()
  if (!found) throw conflict('La instancia responsable no existe.', 'instanciaId')
}

export async function obtenerAccion(db: Kysely<Database>, id: string): Promise<AccionDetalle> {
  const row = await db
    .selectFrom('acciones')
    .innerJoin('objetivos', 'objetivos.id', 'acciones.objetivo_id')
    .innerJoin('ejes', 'ejes.id', 'objetivos.eje_id')
    .selectAll('acciones')
    .select([
      'objetivos.codigo as objetivoCodigo',
      'objetivos.texto as objetivoTexto',
      'ejes.id as ejeId',
      'ejes.codigo as ejeCodigo',
      'ejes.nombre as ejeNombre'
    ])
    .where('acciones.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('La acción')
  const [metas, indicadores, instancia] = await Promise.all([
    db
      .selectFrom('metas')
      .selectAll()
      .where('accion_id', '=', id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('indicadores')
      .selectAll()
      .where('accion_id', '=', id)
      .orderBy('orden')
      .orderBy('id')
      .execute(),
    row.instancia_id
      ? db
          .selectFrom('instancias')
          .selectAll()
          .where('id', '=', row.instancia_id)
          .executeTakeFirst()
      : Promise.resolve(undefined)
  ])
  return {
    planId: row.plan_id,
    eje: { id: row.ejeId, codigo: row.ejeCodigo, nombre: row.ejeNombre },
    objetivo: { id: row.objetivo_id, codigo: row.objetivoCodigo, texto: row.objetivoTexto },
    accion: toAccion(row, metas.map(toMeta), indicadores.map(toIndicador)),
    instancia: instancia ? toInstancia(instancia) : null
  }
}

export async function crearAccion(
  db: Kysely<Database>,
  input: ParsedInput<'accion:crear'>
): Promise<Accion> {
  return db.transaction().execute(async (trx) => {
    const objetivo = await trx
      .selectFrom('objetivos')
      .selectAll()
      .where('id', '=', input.objetivoId)
      .executeTakeFirst()
    if (!objetivo) throw notFound('El objetivo')
    assertCodigoBajo(input.codigo, objetivo.codigo, 'de la acción')
    await assertCodigoLibre(trx, 'acciones', objetivo.plan_id, input.codigo)
    await assertInstancia(trx, input.instanciaId)
    const stamp = nowStamp()
    const row = await trx
      .insertInto('acciones')
      .values({
        id: newId(),
        plan_id: objetivo.plan_id,
        objetivo_id: objetivo.id,
        codigo: input.codigo,
        texto: input.texto,
        instancia_id: input.instanciaId,
        responsables: input.responsables,
        orden: await nextOrden(trx, 'acciones', objetivo.id),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toAccion(row)
  })
}

export async function actualizarAccion(
  db: Kysely<Database>,
  leido: ParsedInput<'accion:actualizar'>
): Promise<Accion> {
  await db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'acciones',
      clave: { id: leido.id },
      columnas: {
        codigo: 'codigo',
        texto: 'texto',
        instanciaId: 'instancia_id',
        responsables: 'responsables'
      },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La acción')
    })
    const accion = await trx
      .selectFrom('acciones')
      .innerJoin('objetivos', 'objetivos.id', 'acciones.objetivo_id')
      .select(['acciones.id', 'acciones.plan_id', 'objetivos.codigo as objetivoCodigo'])
      .where('acciones.id', '=', input.id)
      .executeTakeFirst()
    if (!accion) throw notFound('La acción')
    assertCodigoBajo(input.codigo, accion.objetivoCodigo, 'de la acción')
    await assertCodigoLibre(trx, 'acciones', accion.plan_id, input.codigo, accion.id)
    await assertInstancia(trx, input.instanciaId)
    const r = await trx
      .updateTable('acciones')
      .set({
        codigo: input.codigo,
        texto: input.texto,
        instancia_id: input.instanciaId,
        responsables: input.responsables,
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .executeTakeFirst()
    if (!r.numUpdatedRows) throw cas.faltante()
  })
  return (await obtenerAccion(db, leido.id)).accion
}
