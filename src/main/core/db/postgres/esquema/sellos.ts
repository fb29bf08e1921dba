import { sql, type Kysely } from 'kysely'
import {
  BORRADO_0014,
  FILA_0014,
  SIN_SELLO_0014,
  SINCRONIZADAS_0014
} from '../../migrations/0014_sellos'
import { lista, texto } from './sql'

// The exchange's stamps (#16, migration 0014) on PostgreSQL. SQLite asks each connection's clock
// in memory (db/sello.ts); here several connections write at once, so the clock is stateless:
// the next stamp after the largest one stored, read in the same transaction. Same text as
// intercambio/hlc.ts writes (13 digits of ms, 4 base-36 digits of counter, the installation).

const ANCHO_MS = 13
const ANCHO_CONTADOR = 4
const DIGITOS = '0123456789abcdefghijklmnopqrstuvwxyz'

// hlc.ts's `avanzar` after `leer(mayor)` (or the zero clock), at the wall clock of the call.
const SELLO = `create or replace function mitp_sello(instalacion text, mayor text) returns text
language plpgsql volatile as $$
declare
  m text[];
  ms bigint := 0;
  contador bigint := 0;
  ahora bigint := floor(extract(epoch from clock_timestamp()) * 1000);
  c text := '';
  i int;
begin
  if instalacion is null then
    raise exception 'mitp_sello: falta la instalación';
  end if;
  if mayor is not null then
    m := regexp_match(mayor, '^(\\d{${ANCHO_MS}})-([0-9a-z]{${ANCHO_CONTADOR}})-([0-9A-Za-z-]{1,64})$');
    if m is null then
      raise exception 'Sello de tiempo inválido: «%».', left(mayor, 80);
    end if;
    ms := m[1]::bigint;
    for i in 1..${ANCHO_CONTADOR} loop
      contador := contador * 36 + position(substr(m[2], i, 1) in '${DIGITOS}') - 1;
    end loop;
  end if;
  if ahora > ms then
    ms := ahora;
    contador := 0;
  else
    contador := contador + 1;
  end if;
  if contador > ${36 ** ANCHO_CONTADOR - 1} then
    raise exception 'El reloj lógico se desbordó.';
  end if;
  for i in 1..${ANCHO_CONTADOR} loop
    c := substr('${DIGITOS}', (contador % 36)::int + 1, 1) || c;
    contador := contador / 36;
  end loop;
  return lpad(ms::text, ${ANCHO_MS}, '0') || '-' || c || '-' || instalacion;
end $$`

// The stamp a trigger writes: after every stamp stored, compared as bytes (as SQLite does).
const SIGUIENTE = `mitp_sello((select id from instalacion),
    (select max(sello collate "C") from sellos))`

// SQLite has one writer at a time; here two transactions could read the same largest stamp, or
// one commit a stamp smaller than another's already committed and sent to a partner, who would
// then never ask for it (a package carries what is after the partner's vector). Stamping writers
// take turns until commit: each reads (read committed) the stamps of those before it.
export const CANDADO_SELLOS = 7213_0014

// One function for every synced table: a row created ('*', and alive again if it was deleted),
// each field one statement changed (one stamp for all of them), a row deleted ('_borrado').
const DISPARADOR = `create or replace function mitp_sellos() returns trigger
language plpgsql as $$
declare
  s text;
  campos text[];
begin
  if TG_OP = 'UPDATE' then
    select array_agg(n.key) into campos
      from jsonb_each(to_jsonb(NEW)) n join jsonb_each(to_jsonb(OLD)) o on o.key = n.key
      where n.value is distinct from o.value and n.key <> all (${lista(SIN_SELLO_0014)});
    if campos is null then
      return null;
    end if;
  end if;
  perform pg_advisory_xact_lock(${CANDADO_SELLOS});
  s := ${SIGUIENTE};
  if TG_OP = 'INSERT' then
    insert into sellos (tabla, fila_id, campo, sello)
      values (TG_TABLE_NAME, NEW.id, ${texto(FILA_0014)}, s)
      on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
    update sellos set sello = s
      where tabla = TG_TABLE_NAME and fila_id = NEW.id and campo = ${texto(BORRADO_0014)};
  elsif TG_OP = 'UPDATE' then
    insert into sellos (tabla, fila_id, campo, sello)
      select TG_TABLE_NAME, NEW.id, c, s from unnest(campos) c
      on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
  else
    insert into sellos (tabla, fila_id, campo, sello)
      values (TG_TABLE_NAME, OLD.id, ${texto(BORRADO_0014)}, s)
      on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
  end if;
  return null;
end $$`

/** `mitp_sello()` and the stamp triggers of every synced table, named as on SQLite. */
export async function crearSellos(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SELLO).execute(db)
  await sql.raw(DISPARADOR).execute(db)
  for (const tabla of SINCRONIZADAS_0014) {
    for (const evento of ['insert', 'update', 'delete']) {
      await sql
        .raw(
          `create trigger "sellos_${tabla}_${evento}" after ${evento} on "${tabla}"
           for each row execute function mitp_sellos()`
        )
        .execute(db)
    }
  }
}
