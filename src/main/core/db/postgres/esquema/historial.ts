import { sql, type Kysely } from 'kysely'
import {
  AUDITADAS_0011,
  CORTE_AJUSTE_0011,
  OMITIDAS_0011,
  TRIGGERS_HISTORIAL_0011
} from '../../migrations/0011_historial'
import { lista, q, RECHAZAR, texto } from './sql'

// The append-only history (migration 0011) on PostgreSQL. Who and when come from `mitp.quien`,
// which the connection sets on each checkout (postgres/conexion.ts) as SQLite's connection
// answers `mitp_quien()`: the same JSON, or nothing for a write with no call behind it.

const QUIEN = `create or replace function mitp_quien() returns text
language sql stable as $$ select nullif(current_setting('mitp.quien', true), '') $$`

// The row as SQLite's json_object writes it: its columns in order, compact, without the omitted
// ones, a setting's value cut (a logo is a whole image).
const OBJETO = `create or replace function mitp_historial_objeto(tabla text, fila json) returns text
language sql immutable as $$
  select '{' || coalesce(string_agg(to_json(e.key)::text || ':' ||
      case when tabla = 'app_settings' and e.key = 'value' and json_typeof(e.value) = 'string'
        then to_json(left(e.value #>> '{}', ${CORTE_AJUSTE_0011}))::text
        else e.value::text end, ',' order by e.n), '') || '}'
  from json_each(fila) with ordinality as e(key, value, n)
  where e.key <> all (${lista(OMITIDAS_0011)})
$$`

// One function for every audited table; its arguments name the columns that link the row to a
// session, an acción and an acuerdo ('' for none), and the row's key.
const DISPARADOR = `create or replace function mitp_historial() returns trigger
language plpgsql as $$
declare
  w json := mitp_quien()::json;
  fila json := case when TG_OP = 'DELETE' then to_json(OLD) else to_json(NEW) end;
  antes text;
  despues text;
begin
  if TG_OP = 'UPDATE' and (to_jsonb(OLD) - ${lista(OMITIDAS_0011)})
      = (to_jsonb(NEW) - ${lista(OMITIDAS_0011)}) then
    -- An update that only touched the stamps (or nothing) changed nothing worth recording.
    return null;
  end if;
  if TG_OP <> 'INSERT' then
    antes := mitp_historial_objeto(TG_TABLE_NAME, to_json(OLD));
  end if;
  if TG_OP <> 'DELETE' then
    despues := mitp_historial_objeto(TG_TABLE_NAME, to_json(NEW));
  end if;
  insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
    despues, sesion_id, accion_id, acuerdo_id)
  values (coalesce(w ->> 'en',
      to_char(statement_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    w ->> 'nombre', w ->> 'institucion', w ->> 'canal', TG_TABLE_NAME, fila ->> TG_ARGV[3],
    case TG_OP when 'INSERT' then 'crear' when 'UPDATE' then 'modificar' else 'borrar' end,
    antes, despues, fila ->> nullif(TG_ARGV[0], ''), fila ->> nullif(TG_ARGV[1], ''),
    fila ->> nullif(TG_ARGV[2], ''));
  return null;
end $$`

/** `mitp_quien()`, the history's refusal of its own edits, and each audited table's triggers. */
export async function crearHistorial(db: Kysely<unknown>): Promise<void> {
  for (const f of [QUIEN, OBJETO, DISPARADOR, RECHAZAR]) await sql.raw(f).execute(db)
  const inmutable = `execute function mitp_rechazar('historial_inmutable')`
  for (const nombre of TRIGGERS_HISTORIAL_0011) {
    const evento = nombre.replace('historial_sin_', '')
    await sql
      .raw(`create trigger ${nombre} before ${evento} on historial for each row ${inmutable}`)
      .execute(db)
  }
  // A truncate skips row triggers: refused too, so the history stays append-only.
  await sql
    .raw(`create trigger historial_sin_truncate before truncate on historial ${inmutable}`)
    .execute(db)
  for (const [tabla, v] of Object.entries(AUDITADAS_0011)) {
    const args = [v.sesion ?? '', v.accion ?? '', v.acuerdo ?? '', v.clave ?? 'id']
    for (const evento of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `create trigger ${q(`historial_${tabla}_${evento}`)} after ${evento} on ${q(tabla)}
           for each row execute function mitp_historial(${args.map(texto).join(', ')})`
        )
        .execute(db)
    }
  }
}
