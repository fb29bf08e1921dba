import { sql } from 'kysely'
import { ftsDe, MARCA_FIN, MARCA_INICIO } from './consulta'
import { PESO_TITULO, type Motor, type Rango, type Recorte, type Ventana } from './motor'

// The search's SQL on SQLite: migration 0007's FTS5 table, ranked by bm25, snippets by FTS5.

/**
 * The rows `filas` within their rowid range: SQLite computes rank and snippets only for them,
 * which the filter keeps (`+` keeps the list from being handed to FTS, which would run the
 * query again for each one).
 */
const entreFilas = (filas: number[]) =>
  sql`rowid >= ${Math.min(...filas)} and rowid <= ${Math.max(...filas)}
      and +rowid in (select value from json_each(${JSON.stringify(filas)}))`

export const MOTOR_SQLITE: Motor = {
  async recientes(db, t, limite) {
    // A prefix query merges every word it names: each pass costs the same, so there is one.
    const { rows } = await sql<Ventana>`
      select m.fila, m.rango, f.tipo, f.ref_id as id
      from (select rowid as fila, bm25(busqueda, ${PESO_TITULO}, 1.0) as rango
        from busqueda where busqueda match ${ftsDe(t)} order by rowid desc limit ${limite}) m
      join busqueda_filas f on f.fila = m.fila`.execute(db)
    return rows
  },

  async entre(db, t, filas) {
    if (filas.length === 0) return []
    const { rows } = await sql<Rango>`
      select rowid as fila, bm25(busqueda, ${PESO_TITULO}, 1.0) as rango
      from busqueda where busqueda match ${ftsDe(t)} and ${entreFilas(filas)}`.execute(db)
    return rows
  },

  async recortes(db, t, filas) {
    if (filas.length === 0) return []
    const { rows } = await sql<Recorte>`
      select rowid as fila,
        snippet(busqueda, 0, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enTitulo,
        snippet(busqueda, 1, ${MARCA_INICIO}, ${MARCA_FIN}, '…', 16) as enCuerpo
      from busqueda where busqueda match ${ftsDe(t)} and ${entreFilas(filas)}`.execute(db)
    return rows
  }
}
