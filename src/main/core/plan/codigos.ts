import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { conflict } from '../errors'

type Db = Kysely<Database> | Transaction<Database>
type Coded = 'ejes' | 'objetivos' | 'acciones'

const NOMBRE: Record<Coded, string> = {
  ejes: 'un eje',
  objetivos: 'un objetivo',
  acciones: 'una acción'
}

/** Codes are the ministry's references ("1.1.a"): unique within a plan. */
export async function assertCodigoLibre(
  db: Db,
  table: Coded,
  planId: string,
  codigo: string,
  exceptId?: string
): Promise<void> {
  let q = db
    .selectFrom(table)
    .select('id')
    .where('plan_id', '=', planId)
    .where('codigo', '=', codigo)
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) {
    throw conflict(`Ya existe ${NOMBRE[table]} con el código ${codigo} en este plan.`, 'codigo')
  }
}

/** "1.1.a" belongs under "1.1", which belongs under "1". */
export function assertCodigoBajo(codigo: string, padre: string, que: string): void {
  if (!codigo.startsWith(`${padre}.`)) {
    throw conflict(`El código ${que} debe comenzar con ${padre}.`, 'codigo')
  }
}
