import { sql, type Kysely } from 'kysely'
import { proteccionesEsperadas } from '../../protecciones'
import { LOCK_0012 } from '../../migrations/0012_periodos'
import { EN_TURNO_0022, m0022 } from '../../migrations/0022_bloqueo_en_turno'
import { crearDerivadas } from './derivadas'
import { q, RECHAZAR, texto } from './sql'

// The database's own guards on PostgreSQL, as SQLite's triggers: an approved acta's rows (0003)
// and a closed plan period's (0012) refuse every write, whichever code path attempts it. Same
// trigger names, same events and columns, and the same refusal texts ('acta_aprobada',
// 'acta_sin_sello', 'plan_cerrado') as the exception's message, which the core maps to Spanish.

const LOCK_0003 = 'acta_aprobada'

/** A session's rows, and their columns that only link to other rows (FK set null): unlocked. */
const HIJAS: Readonly<Record<string, readonly string[]>> = {
  asistencias: ['persona_id'],
  puntos_tabla: [],
  avances: ['accion_id'],
  mediciones: ['indicador_id'],
  acuerdos: ['institucion_id', 'persona_id', 'accion_id'],
  seguimientos: []
}

/** A plan's rows: the column leading to their plan (directly, or through their acción). */
const DEL_PLAN: Readonly<Record<string, 'plan_id' | 'accion_id'>> = {
  ejes: 'plan_id',
  objetivos: 'plan_id',
  acciones: 'plan_id',
  metas: 'accion_id',
  indicadores: 'accion_id'
}

// One guard for all of them: the row (the old one, the new one, or both on update; only the old
// one when the second argument says so) belongs to an approved acta (first argument
// 'sesion_id') or to a closed plan period ('plan_id', or 'accion_id' through the acción).
const BLOQUEO = `create or replace function mitp_bloqueo() returns trigger
language plpgsql as $$
declare
  col text := TG_ARGV[0];
  filas jsonb[] := '{}';
  f jsonb;
  ref text;
  bloqueada boolean;
begin
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
      raise exception '%', case col when 'sesion_id' then ${texto(LOCK_0003)}
        else ${texto(LOCK_0012)} end;
    end if;
  end loop;
  if TG_OP = 'DELETE' then
    return OLD;
  end if;
  return NEW;
end $$`

const rechazo = (m: string) => `mitp_rechazar(${texto(m)})`
const SIN_SELLO = `NEW.estado = 'aprobada' and (NEW.hash is null or NEW.contenido_aprobado is null)`

/** The guards whose condition is on the row alone: in the trigger's own WHEN, if any. */
const SIMPLES: readonly (readonly [string, string])[] = [
  [
    `sesiones_sellada_upd before update on sesiones for each row when (OLD.estado = 'aprobada')`,
    rechazo(LOCK_0003)
  ],
  [
    `sesiones_sellada_del before delete on sesiones for each row when (OLD.estado = 'aprobada')`,
    rechazo(LOCK_0003)
  ],
  [
    `sesiones_sello_requerido before update of estado on sesiones for each row when (${SIN_SELLO})`,
    rechazo('acta_sin_sello')
  ],
  [
    `sesiones_sello_ins before insert on sesiones for each row when (${SIN_SELLO})`,
    rechazo('acta_sin_sello')
  ],
  // A fe de erratas is added to an approved acta, and is itself part of the record.
  ['fe_erratas_sellada_upd before update on fe_erratas for each row', rechazo(LOCK_0003)],
  ['fe_erratas_sellada_del before delete on fe_erratas for each row', `mitp_bloqueo('sesion_id')`],
  [
    `planes_cerrado_upd before update on planes for each row when (OLD.cerrado_at is not null)`,
    rechazo(LOCK_0012)
  ],
  [
    `planes_cerrado_del before delete on planes for each row when (OLD.cerrado_at is not null)`,
    rechazo(LOCK_0012)
  ],
  // An acción's instancia is a link (FK set null): cleared even in a closed period, not moved.
  [
    `acciones_cerrado_instancia before update of instancia_id on acciones
      for each row when (NEW.instancia_id is not null)`,
    `mitp_bloqueo('plan_id', 'old')`
  ]
]

async function columnas(db: Kysely<unknown>, tabla: string): Promise<string[]> {
  const { rows } = await sql<{ c: string }>`select column_name as c
    from information_schema.columns where table_schema = current_schema() and table_name = ${tabla}
    order by ordinal_position`.execute(db)
  return rows.map((r) => r.c)
}

/** ins, upd (of the locked columns only) and del of one table, as SQLite's. */
async function bloquear(
  db: Kysely<unknown>,
  tabla: string,
  sufijo: 'sellada' | 'cerrado',
  col: string,
  libres: readonly string[]
): Promise<void> {
  const bloqueadas = (await columnas(db, tabla)).filter((c) => !libres.includes(c))
  const f = `for each row execute function mitp_bloqueo(${texto(col)})`
  for (const [op, evento] of [
    ['ins', 'insert'],
    ['upd', `update of ${bloqueadas.map(q).join(', ')}`],
    ['del', 'delete']
  ]) {
    await sql
      .raw(`create trigger ${tabla}_${sufijo}_${op} before ${evento} on ${tabla} ${f}`)
      .execute(db)
  }
}

/** Every trigger but the history's, the stamps' and the search's, named as on SQLite. */
export async function crearProtecciones(db: Kysely<unknown>): Promise<void> {
  for (const f of [RECHAZAR, BLOQUEO]) await sql.raw(f).execute(db)
  for (const [tabla, enlaces] of Object.entries(HIJAS)) {
    await bloquear(db, tabla, 'sellada', 'sesion_id', ['id', ...enlaces])
  }
  for (const [tabla, col] of Object.entries(DEL_PLAN)) {
    await bloquear(db, tabla, 'cerrado', col, ['instancia_id'])
  }
  for (const [t, f] of SIMPLES) {
    await sql.raw(`create trigger ${t} execute function ${f}`).execute(db)
  }
  await crearDerivadas(db)
}

/**
 * The protecting triggers missing from a PostgreSQL database at `version` (db/protecciones.ts
 * lists them): dropped, or disabled (`alter table … disable trigger`, which SQLite has not).
 */
export async function proteccionesFaltantesPostgres<DB>(
  db: Kysely<DB>,
  version: number
): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select t.tgname as name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and t.tgenabled <> 'D'
      and c.relnamespace = current_schema()::regnamespace`.execute(db)
  const hay = new Set(rows.map((r) => r.name))
  // The server's own: every write takes its turn before its rows (0022), or an approval races.
  const turnos = version >= m0022.version ? EN_TURNO_0022.map((t) => `turno_${t}`) : []
  return [...proteccionesEsperadas(version), ...turnos].filter((t) => !hay.has(t))
}
