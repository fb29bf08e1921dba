import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// The latest report of an acción (the dashboard, the annual report, the acción page) was found by
// reading every report of that acción and sorting them by their session's date: at ×10 history
// (1,200 reports per acción) the dashboard took 56 ms. `avance_fechas` keeps, for each report, its
// session's date, creation time and whether its acta is approved, kept by triggers in the same
// transaction as each write (the sealed rows of approved actas are never touched); an index then
// finds the latest one with a single seek. The table is derived: it is not exchanged nor audited.

const fila = (avance: string) => `
  insert or replace into avance_fechas (avance_id, accion_id, fecha, creada, aprobada)
  select av.id, av.accion_id, s.fecha, s.created_at, s.estado = 'aprobada'
  from avances av join sesiones s on s.id = av.sesion_id
  where av.id = ${avance} and av.accion_id is not null;`

export const TRIGGERS_0016 = [
  `create trigger avance_fechas_insert after insert on avances begin
     ${fila('new.id')}
   end`,
  `create trigger avance_fechas_update after update of accion_id, sesion_id on avances begin
     delete from avance_fechas where avance_id = old.id;
     ${fila('new.id')}
   end`,
  `create trigger avance_fechas_delete after delete on avances begin
     delete from avance_fechas where avance_id = old.id;
   end`,
  // A session moved to another date, or its acta approved (or reopened), moves its reports.
  `create trigger avance_fechas_sesion after update of fecha, created_at, estado on sesiones begin
     update avance_fechas set fecha = new.fecha, creada = new.created_at,
       aprobada = new.estado = 'aprobada'
     where avance_id in (select id from avances where sesion_id = new.id);
   end`
]

export const m0016: Migration = {
  version: 16,
  name: 'avance_fechas',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create table avance_fechas (
      avance_id text primary key not null,
      accion_id text not null,
      fecha text not null,
      creada text not null,
      aprobada integer not null
    ) without rowid`.execute(db)
    // The latest report of any acta, and the latest of an approved one: one seek each.
    await sql`create index avance_fechas_ultimo_idx
      on avance_fechas (accion_id, fecha, creada)`.execute(db)
    await sql`create index avance_fechas_aprobado_idx
      on avance_fechas (accion_id, aprobada, fecha, creada)`.execute(db)
    await sql`insert into avance_fechas (avance_id, accion_id, fecha, creada, aprobada)
      select av.id, av.accion_id, s.fecha, s.created_at, s.estado = 'aprobada'
      from avances av join sesiones s on s.id = av.sesion_id
      where av.accion_id is not null`.execute(db)
    for (const t of TRIGGERS_0016) await sql.raw(t).execute(db)
  }
}
