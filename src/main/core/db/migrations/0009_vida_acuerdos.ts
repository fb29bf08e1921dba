import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Indexes that let opening any session, however deep in the history, read only what it shows.
// An acuerdo is open at a session S when it was made before S and closed at or after it: its
// life [abierto_en, cerrado_en) contains S. One index cannot find intervals containing a point,
// so acuerdos are grouped by how long they lived (`nivel`: at most 2^nivel days; 21 while still
// open): within a group, those containing S were made less than 2^nivel days before it, one
// index range each. `acuerdos_cierre` (0006) gets where and when each acuerdo was made, kept by
// triggers; sealed rows of approved actas are never touched. Sessions get an index in the order
// they were held, and those still in progress a partial one: the later drafts where an acta can
// be approved, not every later session.

/** Where and when acuerdo `id` was made (SQL expressions over its session). */
const sesionDe = (id: string, col: string) =>
  `(select ${col} from acuerdos a join sesiones s on s.id = a.sesion_id where a.id = ${id})`
const ABIERTO = (id: string) => sesionDe(id, `s.fecha || ' ' || s.created_at`)
const INSTANCIA = (id: string) => sesionDe(id, 's.instancia_id')

const dias = `julianday(substr(cerrado_en, 1, 10)) - julianday(substr(abierto_en, 1, 10))`
/** 0: at most 1 day; k: at most 2^k days (up to 20: longer); 21: still open. */
export const NIVEL_ABIERTO = 21
const nivel = `case when cerrado_en = '~' then ${NIVEL_ABIERTO}
  else min(20, cast(ceil(log2(max(1, ${dias}))) as integer)) end`

const rellenar = (id: string) =>
  `update acuerdos_cierre set abierto_en = ${ABIERTO(id)}, instancia_id = ${INSTANCIA(id)}
   where acuerdo_id = ${id};`

export const TRIGGERS_0009 = [
  `create trigger acuerdos_cierre_vida after insert on acuerdos_cierre begin
     ${rellenar('new.acuerdo_id')}
   end`,
  `create trigger acuerdos_vida_sesion after update of sesion_id on acuerdos begin
     ${rellenar('new.id')}
   end`,
  // A draft session moved to another date (or instancia) moves the acuerdos made in it.
  `create trigger sesiones_vida after update of fecha, created_at, instancia_id on sesiones begin
     update acuerdos_cierre set abierto_en = new.fecha || ' ' || new.created_at,
       instancia_id = new.instancia_id
     where acuerdo_id in (select id from acuerdos where sesion_id = new.id);
   end`
]

export const m0009: Migration = {
  version: 9,
  name: 'vida_acuerdos',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql.raw(`alter table acuerdos_cierre add column abierto_en text`).execute(db)
    await sql.raw(`alter table acuerdos_cierre add column instancia_id text`).execute(db)
    await sql
      .raw(`alter table acuerdos_cierre add column nivel integer as (${nivel}) virtual`)
      .execute(db)
    const id = 'acuerdos_cierre.acuerdo_id'
    await sql
      .raw(
        `update acuerdos_cierre set abierto_en = ${ABIERTO(id)}, instancia_id = ${INSTANCIA(id)}`
      )
      .execute(db)
    await db.schema
      .createIndex('acuerdos_cierre_vida_idx')
      .on('acuerdos_cierre')
      .columns(['instancia_id', 'nivel', 'abierto_en'])
      .execute()
    await sql
      .raw(
        `create index sesiones_borrador_idx on sesiones (instancia_id, fecha, created_at)
         where estado = 'borrador'`
      )
      .execute(db)
    // The session just before another one (its acta, the latest reports): a walk back from it.
    // It replaces (instancia_id, fecha), its prefix.
    await db.schema
      .createIndex('sesiones_instancia_orden_idx')
      .on('sesiones')
      .columns(['instancia_id', 'fecha', 'created_at'])
      .execute()
    await db.schema.dropIndex('sesiones_instancia_fecha_idx').execute()
    for (const t of TRIGGERS_0009) await sql.raw(t).execute(db)
  }
}
