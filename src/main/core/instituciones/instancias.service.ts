import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Instancia } from '../../../shared/domain/plan'
import type { ParsedInput } from '../../../shared/api/contract'
import { nowStamp } from '../db/ids'
import { notFound } from '../errors'
import { leerParaEscribir } from '../concurrencia'
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
  leido: ParsedInput<'instancia:actualizar'>
): Promise<Instancia> {
  return db.transaction().execute(async (trx) => {
    const { valores: input, ...cas } = await leerParaEscribir(trx, {
      tabla: 'instancias',
      clave: { id: leido.id },
      columnas: {
        nombre: 'nombre',
        coordinador: 'coordinador',
        secretariaActas: 'secretaria_actas'
      },
      input: leido,
      antes: leido.antes,
      noExiste: () => notFound('La instancia')
    })
    const row = await trx
      .updateTable('instancias')
      .set({
        nombre: input.nombre,
        coordinador: input.coordinador,
        secretaria_actas: input.secretariaActas,
        updated_at: nowStamp()
      })
      .where('id', '=', input.id)
      .where(cas.comoSeLeyo)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw cas.faltante()
    return toInstancia(row)
  })
}
