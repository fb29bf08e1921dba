import { sql, type RawBuilder } from 'kysely'
import type { Terminos } from './consulta'
import { PESO_TITULO, type Motor, type Rango, type Ventana } from './motor'
import { recortar } from './recorte'

// The search's SQL on PostgreSQL (#17): the tsvector of db/postgres/esquema/busqueda.ts, ranked
// by ts_rank with the title weighing PESO_TITULO times the body (weights are {D, C, B, A}: the
// body is D, the title A), snippets made by recorte.ts.

/**
 * The terms as a tsquery, folded by the same busqueda_normal() as the indexed text (accents,
 * case, what separates words): each word quoted (nothing typed is tsquery syntax), all of them
 * (&) or next to each other (<->), the last one as a prefix (:*) when it may be one.
 */
function consulta(t: Terminos): RawBuilder<unknown> {
  return sql`(select to_tsquery('simple', coalesce(string_agg(
      quote_literal(x.l) || case when ${t.prefijo}::boolean and x.i = x.n then ':*' else '' end,
      ${t.frase ? ' <-> ' : ' & '}::text order by x.i), ''))
    from (select l.l, row_number() over (order by p.o, l.o) as i, count(*) over () as n
      from unnest(${t.palabras}::text[]) with ordinality p(w, o),
        regexp_split_to_table(btrim(busqueda_normal(p.w)), ' +') with ordinality l(l, o)
      where l.l <> '') x)`
}

const PESOS = `{${1 / PESO_TITULO}, 0, 0, 1}`
const rango = sql`-ts_rank(${PESOS}::float4[], b.documento, q.q)`

export const MOTOR_POSTGRES: Motor = {
  async recientes(db, t, limite) {
    const { rows } = await sql<Ventana>`
      with q as (select ${consulta(t)} as q)
      select m.fila, ${rango} as rango, f.tipo, f.ref_id as id
      from (select b.fila from busqueda b, q where b.documento @@ q.q
        order by b.fila desc limit ${limite}) m
      join busqueda b on b.fila = m.fila join busqueda_filas f on f.fila = m.fila, q
      order by m.fila desc`.execute(db)
    return rows
  },

  async entre(db, t, filas) {
    if (filas.length === 0) return []
    const { rows } = await sql<Rango>`
      with q as (select ${consulta(t)} as q)
      select b.fila, ${rango} as rango from busqueda b, q
      where b.fila = any(${filas}::int[]) and b.documento @@ q.q`.execute(db)
    return rows
  },

  async recortes(db, t, filas) {
    if (filas.length === 0) return []
    const { rows } = await sql<{ fila: number; titulo: string; cuerpo: string }>`
      select fila, titulo, cuerpo from busqueda where fila = any(${filas}::int[])`.execute(db)
    return rows.map((r) => ({
      fila: r.fila,
      enTitulo: recortar(r.titulo, t),
      enCuerpo: recortar(r.cuerpo, t)
    }))
  }
}
