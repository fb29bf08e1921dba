import os from 'node:os'
import { sql, type Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Migration } from '../migration'
import { AUDITADAS_0011 } from './0011_historial'

// Frozen in time: never edit after release; add a new migration instead.
// Laptop to laptop (#16): each installation gets its identity, and every change to a synced row
// leaves a stamp of the hybrid logical clock (intercambio/hlc.ts) per field, so two databases can
// later be merged field by field (intercambio/fusion.ts). Triggers write the stamps in the same
// statement as the change, whatever code path makes it; the stamp comes from `mitp_sello()`, a
// function each connection registers (db/sello.ts). A table's columns are listed in its update
// trigger: a later migration that adds a column must create that trigger again (a test checks).

/** The synced tables: the audited ones, but the settings, which stay with each installation. */
export const SINCRONIZADAS_0014: readonly string[] = Object.keys(AUDITADAS_0011).filter(
  (t) => t !== 'app_settings'
)

/** Columns that are not merged: the row's id, and the local bookkeeping stamps. */
export const SIN_SELLO_0014 = ['id', 'created_at', 'updated_at']

/** The row's stamp at creation, and the deletion as a field (intercambio/fusion.ts BORRADO). */
export const FILA_0014 = '*'
export const BORRADO_0014 = '_borrado'

const q = (nombre: string): string => `"${nombre.replace(/"/g, '""')}"`
const texto = (s: string): string => `'${s.replace(/'/g, "''")}'`

// One stamp per change: the clock's next, after the largest stamp stored (an import may have
// written later ones than this connection has seen).
export const SELLO_0014 = `mitp_sello((select id from instalacion), (select max(sello) from sellos))`

const guardar = (tabla: string, fila: string, campo: string, sello: string): string =>
  `insert into sellos (tabla, fila_id, campo, sello)
     select ${texto(tabla)}, ${fila}, ${campo}, ${sello} where true
     on conflict (tabla, fila_id, campo) do update set sello = excluded.sello`

/** The three triggers of one table, given its columns (their order in the table). */
export function triggersSellos(tabla: string, columnas: readonly string[]): string[] {
  const campos = columnas.filter((c) => !SIN_SELLO_0014.includes(c))
  const cambios = campos.map((c) => `old.${q(c)} is not new.${q(c)}`).join(' or ')
  const valores = campos.map((c) => `(${texto(c)}, old.${q(c)} is not new.${q(c)})`).join(', ')
  const t = texto(tabla)
  return [
    // A row created again after a deletion (an undo) is alive again: its deletion is a change.
    `create trigger ${q(`sellos_${tabla}_insert`)} after insert on ${q(tabla)}
     begin
       ${guardar(tabla, 'new.id', texto(FILA_0014), SELLO_0014)};
       update sellos set sello = (select sello from sellos where tabla = ${t} and fila_id = new.id
           and campo = ${texto(FILA_0014)})
         where tabla = ${t} and fila_id = new.id and campo = ${texto(BORRADO_0014)};
     end`,
    // One stamp for all the fields one statement changed in the row.
    `create trigger ${q(`sellos_${tabla}_update`)} after update on ${q(tabla)} when ${cambios}
     begin
       insert into sellos (tabla, fila_id, campo, sello)
         select ${t}, new.id, c.column1, s.sello
         from (select ${SELLO_0014} as sello) s, (values ${valores}) c
         where c.column2
         on conflict (tabla, fila_id, campo) do update set sello = excluded.sello;
     end`,
    `create trigger ${q(`sellos_${tabla}_delete`)} after delete on ${q(tabla)}
     begin
       ${guardar(tabla, 'old.id', texto(BORRADO_0014), SELLO_0014)};
     end`
  ]
}

export const m0014: Migration = {
  version: 14,
  name: 'sellos',
  async up(db: Kysely<unknown>): Promise<void> {
    // One row, created once: a copy of the file (a backup restored elsewhere) keeps it.
    await sql`create table instalacion (
      unica integer primary key check (unica = 1),
      id text not null,
      nombre text not null,
      created_at text not null
    )`.execute(db)
    await sql`insert into instalacion (unica, id, nombre, created_at)
      values (1, ${uuidv7()}, ${os.hostname() || 'Esta instalación'}, ${new Date().toISOString()})`.execute(
      db
    )
    await sql`create table sellos (
      tabla text not null,
      fila_id text not null,
      campo text not null,
      sello text not null,
      primary key (tabla, fila_id, campo)
    ) without rowid`.execute(db)
    // The clock starts after the largest stamp; a package takes what a partner has not seen.
    await sql`create index sellos_sello_idx on sellos (sello)`.execute(db)
    // Each partner: what its last package said it had seen (a package to it carries the rest).
    await sql`create table socios (
      instalacion_id text primary key,
      nombre text not null,
      vector text not null,
      ultimo_envio text,
      ultimo_recibo text
    )`.execute(db)
    // The same seeded row under another id on a partner (matched by its natural key on import).
    await sql`create table alias (
      tabla text not null,
      remoto text not null,
      local text not null,
      primary key (tabla, remoto)
    ) without rowid`.execute(db)
    for (const tabla of SINCRONIZADAS_0014) {
      // The rows already there are stamped as created now; rows deleted before, from their
      // tombstones.
      await sql
        .raw(
          `insert into sellos (tabla, fila_id, campo, sello)
           select ${texto(tabla)}, id, ${texto(FILA_0014)}, ${SELLO_0014} from ${q(tabla)}`
        )
        .execute(db)
      await sql
        .raw(
          `insert or ignore into sellos (tabla, fila_id, campo, sello)
           select tabla, id, ${texto(BORRADO_0014)}, ${SELLO_0014} from tombstones
           where tabla = ${texto(tabla)}`
        )
        .execute(db)
      const { rows } = await sql<{ name: string }>`
        select name from pragma_table_info(${tabla}) order by cid`.execute(db)
      for (const t of triggersSellos(
        tabla,
        rows.map((r) => r.name)
      )) {
        await sql.raw(t).execute(db)
      }
    }
  }
}
