import { sql, type Kysely } from 'kysely'

/**
 * The few SQLite functions the services' SQL calls, given to PostgreSQL under the same names and
 * with the same results for the app's uses, so one statement serves both dialects and the
 * difference lives here: a JSON text parameter read as rows (`json_each(?)`, the ids of a list
 * travel as one parameter), a key of a JSON object (`json_extract(?, '$.key')`), a date's day
 * number (`julianday`), a comma-joined group (`group_concat`) and a count of true comparisons
 * (`sum(a = b)`) and a real rounded to places (`round(x, n)`). Keys and values come back as
 * text: a statement comparing them with a number casts them (the same cast SQLite accepts).
 */
const FUNCIONES = [
  // A text argument (kysely's parameters arrive untyped) resolves here, not to json_each(json).
  `create or replace function json_each(t text) returns table (key text, value text)
   language sql immutable as $$
     select e.key::text, e.value from jsonb_each_text(t::jsonb) e where jsonb_typeof(t::jsonb) = 'object'
     union all
     select (e.n - 1)::text, e.value from jsonb_array_elements_text(
       case when jsonb_typeof(t::jsonb) = 'array' then t::jsonb else '[]'::jsonb end
     ) with ordinality as e(value, n)
   $$`,
  `create or replace function json_extract(t text, ruta text) returns text
   language sql immutable as $$
     select (t::jsonb) #>> string_to_array(substr(ruta, 3), '.')
   $$`,
  // Days since noon in Greenwich on 24 November 4714 BC, as SQLite's, for an ISO date or time.
  `create or replace function julianday(t text) returns double precision
   language sql immutable as $$
     select extract(epoch from (t::timestamp at time zone 'UTC')) / 86400.0 + 2440587.5
   $$`,
  `create or replace function mitp_unir(a text, b text) returns text
   language sql immutable as $$
     select case when a is null then b when b is null then a else a || ',' || b end
   $$`,
  `create or replace aggregate group_concat(text) (sfunc = mitp_unir, stype = text)`,
  // SQLite counts with sum(a = b) (a comparison is 0 or 1 there); null when no row, as sum().
  `create or replace function mitp_contar(n integer, b boolean) returns integer
   language sql immutable as $$
     select case when b is null then n else coalesce(n, 0) + b::integer end
   $$`,
  `create or replace aggregate sum(boolean) (sfunc = mitp_contar, stype = integer)`,
  // SQLite rounds a real to n places; PostgreSQL only a numeric.
  `create or replace function round(x double precision, n integer) returns double precision
   language sql immutable as $$ select round(x::numeric, n)::double precision $$`
]

export async function crearCompat(db: Kysely<unknown>): Promise<void> {
  for (const f of FUNCIONES) await sql.raw(f).execute(db)
}
