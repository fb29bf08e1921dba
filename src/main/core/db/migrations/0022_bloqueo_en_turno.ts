import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// On a server (#17) the guard of an approved acta's rows and a closed plan's (mitp_bloqueo, the
// server's form of 0003 and 0012) read the session's state as of the statement: a write that
// began while another transaction was approving the acta saw it «cerrada», passed, and committed
// after the approval, changing a sealed acta. The guard now first takes the writing turn every
// stamping write takes (postgres/esquema/sellos.ts, lock 72130014), so it reads the state after
// any approval holding the turn has committed; the approval takes the turn before it seals. A
// SQLite file has one writer at a time: nothing changes there.

export const CANDADO_0022 = 7213_0014

const BLOQUEO_0022 = `create or replace function mitp_bloqueo() returns trigger
language plpgsql as $$
declare
  col text := TG_ARGV[0];
  filas jsonb[] := '{}';
  f jsonb;
  ref text;
  bloqueada boolean;
begin
  perform pg_advisory_xact_lock(${CANDADO_0022});
  if TG_OP <> 'INSERT' then
    filas := filas || to_jsonb(OLD);
  end if;
  if TG_OP <> 'DELETE' and coalesce(TG_ARGV[1], '') <> 'old' then
    filas := filas || to_jsonb(NEW);
  end if;
  foreach f in array filas loop
    ref := f ->> col;
    bloqueada := case col
      when 'sesion_id' then (select estado from sesiones where id = ref) = 'aprobada'
      when 'plan_id' then (select cerrado_at from planes where id = ref) is not null
      else (select cerrado_at from planes
        where id = (select plan_id from acciones where id = ref)) is not null
    end;
    if coalesce(bloqueada, false) then
      raise exception '%', case col when 'sesion_id' then 'acta_aprobada'
        else 'plan_cerrado' end;
    end if;
  end loop;
  if TG_OP = 'DELETE' then
    return OLD;
  end if;
  return NEW;
end $$`

export const m0022: Migration = {
  version: 22,
  name: 'bloqueo_en_turno',
  async up(): Promise<void> {},
  async postgres(db: Kysely<unknown>): Promise<void> {
    await sql.raw(BLOQUEO_0022).execute(db)
  }
}
