import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Where each acuerdo stands now, so that opening a session finds the acuerdos still open without
// reading every earlier one: `cerrado_en` is the position (fecha, then created_at) of the session
// holding the acuerdo's latest follow-up when that follow-up is "cumplido", '~' otherwise (sorts
// after every date). An acuerdo whose `cerrado_en` is before a session was closed before it.
// Kept by triggers in the same transaction as every write that moves it; a table of its own so
// that the approved actas' sealed rows (0003) are never touched.

/** The latest follow-up of acuerdo `id` (an SQL expression), as `cerrado_en`. */
const cierreDe = (id: string) => `coalesce((
    select case when sg.estado = 'cumplido' then s.fecha || ' ' || s.created_at else '~' end
    from seguimientos sg join sesiones s on s.id = sg.sesion_id
    where sg.acuerdo_id = ${id}
    order by s.fecha desc, sg.created_at desc limit 1), '~')`

const recalcular = (id: string) =>
  `update acuerdos_cierre set cerrado_en = ${cierreDe(id)} where acuerdo_id = ${id};`

export const TRIGGERS_0006 = [
  `create trigger acuerdos_cierre_nuevo after insert on acuerdos begin
     insert into acuerdos_cierre (acuerdo_id, cerrado_en) values (new.id, '~');
   end`,
  `create trigger seguimientos_cierre_ins after insert on seguimientos begin
     ${recalcular('new.acuerdo_id')}
   end`,
  `create trigger seguimientos_cierre_upd after update on seguimientos begin
     ${recalcular('old.acuerdo_id')}
     ${recalcular('new.acuerdo_id')}
   end`,
  `create trigger seguimientos_cierre_del after delete on seguimientos begin
     ${recalcular('old.acuerdo_id')}
   end`,
  // A draft session moved to another date reorders the follow-ups made in it.
  `create trigger sesiones_cierre_fecha after update of fecha, created_at on sesiones begin
     update acuerdos_cierre set cerrado_en = ${cierreDe('acuerdos_cierre.acuerdo_id')}
     where acuerdo_id in (select acuerdo_id from seguimientos where sesion_id = new.id);
   end`
]

export const m0006: Migration = {
  version: 6,
  name: 'cierre_acuerdos',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('acuerdos_cierre')
      .addColumn('acuerdo_id', 'text', (c) =>
        c.primaryKey().references('acuerdos.id').onDelete('cascade')
      )
      .addColumn('cerrado_en', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('acuerdos_cierre_idx')
      .on('acuerdos_cierre')
      .columns(['cerrado_en', 'acuerdo_id'])
      .execute()
    await sql
      .raw(
        `insert into acuerdos_cierre (acuerdo_id, cerrado_en) select a.id, ${cierreDe('a.id')} from acuerdos a`
      )
      .execute(db)
    for (const t of TRIGGERS_0006) await sql.raw(t).execute(db)
  }
}
