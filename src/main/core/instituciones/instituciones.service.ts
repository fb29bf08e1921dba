import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Institucion } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { newId, nowStamp } from '../db/ids'
import { conflict, notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
import { nextOrden } from '../db/orden'
import { toInstitucion } from './filas'

export async function listarInstituciones(db: Kysely<Database>): Promise<Institucion[]> {
  const rows = await db
    .selectFrom('instituciones')
    .selectAll()
    .orderBy('orden')
    .orderBy('id')
    .execute()
  return rows.map(toInstitucion)
}

async function assertSiglaLibre(
  db: Kysely<Database>,
  sigla: string,
  exceptId?: string
): Promise<void> {
  let q = db
    .selectFrom('instituciones')
    .select('id')
    .where(sql<string>`lower(sigla)`, '=', sigla.toLowerCase())
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) {
    throw conflict(`Ya existe una institución con la sigla ${sigla}.`, 'sigla')
  }
}

export async function crearInstitucion(
  db: Kysely<Database>,
  input: ParsedInput<'institucion:crear'>
): Promise<Institucion> {
  return db.transaction().execute(async (trx) => {
    await assertSiglaLibre(trx, input.sigla)
    const stamp = nowStamp()
    const row = await trx
      .insertInto('instituciones')
      .values({
        id: newId(),
        sigla: input.sigla,
        nombre: input.nombre,
        orden: await nextOrden(trx, 'instituciones', null),
        created_at: stamp,
        updated_at: stamp
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toInstitucion(row)
  })
}

export async function actualizarInstitucion(
  db: Kysely<Database>,
  leido: ParsedInput<'institucion:actualizar'>
): Promise<Institucion> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'instituciones',
      clave: { id: leido.id },
      columnas: { sigla: 'sigla', nombre: 'nombre' },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La institución')
    })
    await assertSiglaLibre(trx, input.sigla, input.id)
    const row = await trx
      .updateTable('instituciones')
      .set({ sigla: input.sigla, nombre: input.nombre, updated_at: nowStamp() })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toInstitucion(row)
  })
}
