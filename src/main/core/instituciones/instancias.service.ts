import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Instancia } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { toInstancia } from './filas'

export async function listarInstancias(db: Kysely<Database>): Promise<Instancia[]> {
  const rows = await db
    .selectFrom('instancias')
    .selectAll()
    .orderBy('orden')
    .orderBy('id')
    .execute()
  return rows.map(toInstancia)
}

export async function actualizarInstancia(
  db: Kysely<Database>,
  input: ParsedInput<'instancia:actualizar'>
): Promise<Instancia> {
  const row = await db
    .updateTable('instancias')
    .set({
      nombre: input.nombre,
      coordinador: input.coordinador,
      secretaria_actas: input.secretariaActas,
      updated_at: nowStamp()
    })
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw notFound('La instancia')
  return toInstancia(row)
}
