import { sql, type RawBuilder } from 'kysely'

/**
 * `where(col, 'in', enLista(ids))`: the ids travel as one JSON parameter, however many there are
 * (SQLite refuses a statement with more than 32,766 bound variables).
 */
export const enLista = (ids: readonly string[]): RawBuilder<string> =>
  sql<string>`(select value from json_each(${JSON.stringify(ids)}))`
