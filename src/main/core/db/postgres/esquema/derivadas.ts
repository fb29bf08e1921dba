import { sql, type Kysely } from 'kysely'
import { TABLAS_0021 } from '../../migrations/0021_comunes'

// The tables kept by triggers on PostgreSQL, as on SQLite: where and when each acuerdo was made
// and closed (0006, 0009), each report's session date (0016), the rows of common origin (0021).
// Same trigger names as SQLite's; each function does what the SQLite trigger's body did.

// Where an acuerdo stands: the position of the session of its latest follow-up when that one is
// "cumplido", '~' otherwise (sorts after every date).
const CIERRE_DE = `create or replace function mitp_cierre_de(acuerdo text) returns text
language sql stable as $$
  select coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = acuerdo
    order by s.fecha desc, sg.created_at desc limit 1), '~')
$$`

const FUNCIONES = [
  CIERRE_DE,
  `create or replace function mitp_cierre_nuevo() returns trigger language plpgsql as $$
  begin
    insert into acuerdos_cierre (acuerdo_id, cerrado_en) values (NEW.id, '~');
    return null;
  end $$`,
  // The acuerdo's session, where and when: its argument names the column holding the acuerdo.
  `create or replace function mitp_vida_acuerdo() returns trigger language plpgsql as $$
  declare
    acuerdo text := to_jsonb(NEW) ->> TG_ARGV[0];
  begin
    update acuerdos_cierre set
      abierto_en = (select s.fecha || ' ' || s.created_at from acuerdos a
        join sesiones s on s.id = a.sesion_id where a.id = acuerdo),
      instancia_id = (select s.instancia_id from acuerdos a
        join sesiones s on s.id = a.sesion_id where a.id = acuerdo)
    where acuerdo_id = acuerdo;
    return null;
  end $$`,
  `create or replace function mitp_cierre_seguimiento() returns trigger language plpgsql as $$
  begin
    if TG_OP <> 'INSERT' then
      update acuerdos_cierre set cerrado_en = mitp_cierre_de(OLD.acuerdo_id)
        where acuerdo_id = OLD.acuerdo_id;
    end if;
    if TG_OP <> 'DELETE' then
      update acuerdos_cierre set cerrado_en = mitp_cierre_de(NEW.acuerdo_id)
        where acuerdo_id = NEW.acuerdo_id;
    end if;
    return null;
  end $$`,
  // A draft session moved to another date reorders the follow-ups made in it.
  `create or replace function mitp_cierre_sesion() returns trigger language plpgsql as $$
  begin
    update acuerdos_cierre set cerrado_en = mitp_cierre_de(acuerdo_id)
      where acuerdo_id in (select acuerdo_id from seguimientos where sesion_id = NEW.id);
    return null;
  end $$`,
  // A draft session moved to another date (or instancia) moves the acuerdos made in it.
  `create or replace function mitp_vida_sesion() returns trigger language plpgsql as $$
  begin
    update acuerdos_cierre set abierto_en = NEW.fecha || ' ' || NEW.created_at,
      instancia_id = NEW.instancia_id
      where acuerdo_id in (select id from acuerdos where sesion_id = NEW.id);
    return null;
  end $$`,
  `create or replace function mitp_avance_fechas() returns trigger language plpgsql as $$
  begin
    if TG_OP <> 'INSERT' then
      delete from avance_fechas where avance_id = OLD.id;
    end if;
    if TG_OP <> 'DELETE' then
      insert into avance_fechas (avance_id, accion_id, fecha, creada, aprobada)
        select av.id, av.accion_id, s.fecha, s.created_at, (s.estado = 'aprobada')::int
        from avances av join sesiones s on s.id = av.sesion_id
        where av.id = NEW.id and av.accion_id is not null
        on conflict (avance_id) do update set accion_id = excluded.accion_id,
          fecha = excluded.fecha, creada = excluded.creada, aprobada = excluded.aprobada;
    end if;
    return null;
  end $$`,
  // A session moved to another date, or its acta approved (or reopened), moves its reports.
  `create or replace function mitp_avance_fechas_sesion() returns trigger language plpgsql as $$
  begin
    update avance_fechas set fecha = NEW.fecha, creada = NEW.created_at,
      aprobada = (NEW.estado = 'aprobada')::int
      where avance_id in (select id from avances where sesion_id = NEW.id);
    return null;
  end $$`,
  // A row written one by one ('accion:crear'…) is not of common origin; the seed, a matrix
  // imported, a period copied are (no channel: a script).
  `create or replace function mitp_comunes() returns trigger language plpgsql as $$
  begin
    if coalesce(mitp_quien()::json ->> 'canal', '') not like '%:crear' then
      insert into comunes (tabla, fila_id) values (TG_TABLE_NAME, NEW.id)
        on conflict do nothing;
    end if;
    return null;
  end $$`
]

/** Each trigger: its name and event, and the function it runs for each row. */
const TRIGGERS: readonly (readonly [string, string])[] = [
  ['acuerdos_cierre_nuevo after insert on acuerdos', 'mitp_cierre_nuevo()'],
  ['acuerdos_cierre_vida after insert on acuerdos_cierre', "mitp_vida_acuerdo('acuerdo_id')"],
  ['acuerdos_vida_sesion after update of sesion_id on acuerdos', "mitp_vida_acuerdo('id')"],
  ['seguimientos_cierre_ins after insert on seguimientos', 'mitp_cierre_seguimiento()'],
  ['seguimientos_cierre_upd after update on seguimientos', 'mitp_cierre_seguimiento()'],
  ['seguimientos_cierre_del after delete on seguimientos', 'mitp_cierre_seguimiento()'],
  ['sesiones_cierre_fecha after update of fecha, created_at on sesiones', 'mitp_cierre_sesion()'],
  [
    'sesiones_vida after update of fecha, created_at, instancia_id on sesiones',
    'mitp_vida_sesion()'
  ],
  ['avance_fechas_insert after insert on avances', 'mitp_avance_fechas()'],
  ['avance_fechas_update after update of accion_id, sesion_id on avances', 'mitp_avance_fechas()'],
  ['avance_fechas_delete after delete on avances', 'mitp_avance_fechas()'],
  [
    'avance_fechas_sesion after update of fecha, created_at, estado on sesiones',
    'mitp_avance_fechas_sesion()'
  ],
  ...TABLAS_0021.map((t) => [`comunes_${t}_insert after insert on ${t}`, 'mitp_comunes()'] as const)
]

/** The functions and triggers that keep the derived tables. */
export async function crearDerivadas(db: Kysely<unknown>): Promise<void> {
  for (const f of FUNCIONES) await sql.raw(f).execute(db)
  for (const [t, f] of TRIGGERS) {
    await sql.raw(`create trigger ${t} for each row execute function ${f}`).execute(db)
  }
}
