import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Laptop to laptop (#16): an acta approved on a partner that cannot enter this database as it is
// (approved here too with another hash, or approved there under a number an approved acta holds
// here) is kept whole beside ours, never merged: sealed actas are immutable on both sides.
// Local bookkeeping like `socios`: not synced, no stamps.

export const m0015: Migration = {
  version: 15,
  name: 'actas_ajenas',
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create table actas_ajenas (
      sesion_id text not null,
      hash text not null,
      motivo text not null check (motivo in ('version', 'numero')),
      instalacion_id text not null,
      instalacion_nombre text not null,
      aprobada_at text,
      contenido text not null,
      fila text not null,
      recibida_at text not null,
      primary key (sesion_id, hash)
    )`.execute(db)
  }
}
