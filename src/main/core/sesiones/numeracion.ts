import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

/** Sessions are numbered per instancia, type and year: "Sesión Ordinaria N° 3/2014". */
export const anioDe = (fecha: string): number => Number(fecha.slice(0, 4))

export async function siguienteNumero(
  db: Db,
  instanciaId: string,
  tipo: string,
  anio: number
): Promise<number> {
  const r = await db
    .selectFrom('sesiones')
    .select(sql<number>`coalesce(max(numero), 0) + 1`.as('n'))
    .where('instancia_id', '=', instanciaId)
    .where('tipo', '=', tipo as SesionRow['tipo'])
    .where('anio', '=', anio)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
