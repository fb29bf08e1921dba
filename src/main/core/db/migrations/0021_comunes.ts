import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Laptop to laptop (#16): a received row with an unknown id is matched to its twin here by its
// natural key (intercambio/alias.ts). Only rows of common origin are twins: the seed, a ministry
// matrix imported, a plan period copied, made the same on each laptop. A row a user created one
// by one (an acción, a meta…) that took the key of a deleted or renamed one is not, and paired
// it stayed deleted or merged two rows into one. This table holds the rows of common origin, of
// the tables with a natural key, alive or deleted; a received row keeps its sender's mark
// (intercambio/comunes.ts), the trigger below marks the rows written here.

export const TABLAS_0021 = [
  'instituciones',
  'instancias',
  'planes',
  'ejes',
  'objetivos',
  'acciones',
  'metas',
  'indicadores'
] as const

// The per-row creation channels ('accion:crear', 'meta:crear'…); no channel is the seed or a
// script (the history's canal is null then).
const uno = (canal: string) => `coalesce(${canal}, '') not like '%:crear'`

export const m0021: Migration = {
  version: 21,
  name: 'comunes',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create table comunes (
      tabla text not null,
      fila_id text not null,
      primary key (tabla, fila_id)
    ) without rowid`.execute(db)
    for (const t of TABLAS_0021) {
      const trigger = `create trigger comunes_${t}_insert after insert on ${t}
when ${uno(`json_extract(mitp_quien(), '$.canal')`)}
begin
  insert or ignore into comunes (tabla, fila_id) values ('${t}', new.id);
end`
      await sql.raw(trigger).execute(db)
      // Rows already here, alive or deleted: common unless their first history entry is a
      // per-row creation. Rows from before the history (0011) stay common, as before.
      const primera = `(select h.canal from historial h
        where h.tabla = '${t}' and h.fila_id = f.id order by h.id limit 1)`
      await sql
        .raw(
          `insert into comunes (tabla, fila_id)
          select '${t}', f.id from (
            select id from ${t}
            union select fila_id from sellos where tabla = '${t}'
            union select fila_id from historial where tabla = '${t}'
          ) f
          where ${uno(primera)}`
        )
        .execute(db)
    }
  }
}
