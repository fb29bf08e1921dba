import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Who changed what: an append-only history, one row per changed row, written by triggers in the
// same statement (so in the same transaction) as the change, whatever code path makes it. Who
// and when come from `mitp_quien()`, a function each connection registers (db/quien.ts) that
// answers for the call being served; a write with no call behind it (seed, migration) records
// no actor. A program that does not register it (the sqlite3 shell) can read but not write the
// audited tables: no change goes unrecorded. Derived tables (search index, closings, tombstones)
// and the migrations' bookkeeping are not audited; a new table needs its triggers in a later
// migration (a test lists the tables without them).

/** Each audited table: the history columns it fills (an acción's, a session's, an acuerdo's). */
export const AUDITADAS_0011: Readonly<
  Record<string, { sesion?: string; accion?: string; acuerdo?: string; clave?: string }>
> = {
  planes: {},
  ejes: {},
  objetivos: {},
  acciones: { accion: 'id' },
  metas: { accion: 'accion_id' },
  indicadores: { accion: 'accion_id' },
  instituciones: {},
  instancias: {},
  personas: {},
  miembros: {},
  sesiones: { sesion: 'id' },
  asistencias: { sesion: 'sesion_id' },
  puntos_tabla: { sesion: 'sesion_id' },
  avances: { sesion: 'sesion_id', accion: 'accion_id' },
  mediciones: { sesion: 'sesion_id' },
  acuerdos: { sesion: 'sesion_id', accion: 'accion_id', acuerdo: 'id' },
  seguimientos: { sesion: 'sesion_id', acuerdo: 'acuerdo_id' },
  fe_erratas: { sesion: 'sesion_id' },
  app_settings: { clave: 'key' }
}

/**
 * Columns left out of the before/after: the sealed copy of an approved acta (its hash is kept and
 * the rows it was built from are in the history already), and the stamps (the history has its
 * own). A setting's value (a logo is a whole image) is cut to its first 500 characters.
 */
export const OMITIDAS_0011 = ['contenido_aprobado', 'created_at', 'updated_at']
export const CORTE_AJUSTE_0011 = 500

export const TRIGGERS_HISTORIAL_0011 = ['historial_sin_update', 'historial_sin_delete']

const q = (nombre: string): string => `"${nombre.replace(/"/g, '""')}"`

function objeto(tabla: string, columnas: readonly string[], fila: 'new' | 'old'): string {
  const pares = columnas
    .filter((c) => !OMITIDAS_0011.includes(c))
    .map((c) =>
      tabla === 'app_settings' && c === 'value'
        ? `'${c}', substr(${fila}.${q(c)}, 1, ${CORTE_AJUSTE_0011})`
        : `'${c}', ${fila}.${q(c)}`
    )
  return `json_object(${pares.join(', ')})`
}

function disparador(
  tabla: string,
  columnas: readonly string[],
  evento: 'insert' | 'update' | 'delete'
): string {
  const v = AUDITADAS_0011[tabla]!
  const fila = evento === 'delete' ? 'old' : 'new'
  const enlace = (c: string | undefined) => (c ? `${fila}.${q(c)}` : 'null')
  const antes = evento === 'insert' ? 'null' : objeto(tabla, columnas, 'old')
  const despues = evento === 'delete' ? 'null' : objeto(tabla, columnas, 'new')
  const operacion = { insert: 'crear', update: 'modificar', delete: 'borrar' }[evento]
  // An update that only touched the stamps (or nothing) changed nothing worth recording.
  const cambios = columnas
    .filter((c) => !OMITIDAS_0011.includes(c))
    .map((c) => `old.${q(c)} is not new.${q(c)}`)
    .join(' or ')
  const cuando = evento === 'update' ? `when ${cambios}` : ''
  return `create trigger ${q(`historial_${tabla}_${evento}`)} after ${evento} on ${q(tabla)} ${cuando}
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        '${tabla}', ${fila}.${q(v.clave ?? 'id')}, '${operacion}', ${antes}, ${despues},
        ${enlace(v.sesion)}, ${enlace(v.accion)}, ${enlace(v.acuerdo)}
      from (select mitp_quien() as w);
    end`
}

export const m0011: Migration = {
  version: 11,
  name: 'historial',
  async up(db: Kysely<unknown>): Promise<void> {
    // An integer key gives the order of the changes (a history is never merged row by row).
    await sql`create table historial (
      id integer primary key autoincrement,
      en text not null,
      actor text,
      institucion text,
      canal text,
      tabla text not null,
      fila_id text not null,
      operacion text not null check (operacion in ('crear', 'modificar', 'borrar')),
      antes text,
      despues text,
      sesion_id text,
      accion_id text,
      acuerdo_id text
    )`.execute(db)
    for (const c of ['sesion_id', 'accion_id', 'acuerdo_id']) {
      await sql
        .raw(`create index historial_${c}_idx on historial (${c}, id) where ${c} is not null`)
        .execute(db)
    }
    await sql`create index historial_fila_idx on historial (tabla, fila_id, id)`.execute(db)
    // Append-only: a recorded change can be neither edited nor removed, whoever asks.
    await sql`create trigger historial_sin_update before update on historial
      begin select raise(abort, 'historial_inmutable'); end`.execute(db)
    await sql`create trigger historial_sin_delete before delete on historial
      begin select raise(abort, 'historial_inmutable'); end`.execute(db)
    for (const tabla of Object.keys(AUDITADAS_0011)) {
      const { rows } = await sql<{ name: string }>`
        select name from pragma_table_info(${tabla}) order by cid`.execute(db)
      const columnas = rows.map((r) => r.name)
      for (const evento of ['insert', 'update', 'delete'] as const) {
        await sql.raw(disparador(tabla, columnas, evento)).execute(db)
      }
    }
  }
}
