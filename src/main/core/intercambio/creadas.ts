import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { enLista } from '../db/lista'

// Where a row came from (#16): the installation that created it, named as this side knows it
// (itself, or a partner by its last package). A row's creation stamp ('*' in `sellos`) names the
// installation; one query for a whole page of rows, whatever its size.

type Db = Kysely<Database> | Transaction<Database>

/**
 * The stamp's installation (after the fixed-width wall time and counter, hlc.ts), as it is now
 * known: an id from before a restored backup (migration 0019) is the id that replaced it.
 */
const INSTALACION = sql<string>`coalesce(antes.actual, substr(c.sello, 20))`

/**
 * For each of `ids` of `tabla` whose creating installation is known here by name, that name.
 * An installation known only through a partner (relayed by it) has no name here: left out.
 */
export async function creadasEn(
  db: Db,
  tabla: string,
  ids: readonly string[]
): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const { rows } = await sql<{ id: string; nombre: string | null }>`
    select c.fila_id as id, coalesce(yo.nombre, socio.nombre) as nombre
    from sellos c
    left join instalaciones_anteriores antes on antes.id = substr(c.sello, 20)
    left join instalacion yo on yo.id = ${INSTALACION}
    left join socios socio on socio.instalacion_id = ${INSTALACION}
    where c.tabla = ${tabla} and c.campo = ${FILA_0014} and c.fila_id in ${enLista(ids)}`.execute(
    db
  )
  return new Map(rows.filter((r) => r.nombre !== null).map((r) => [r.id, r.nombre!]))
}
