import { sql, type Kysely } from 'kysely'
import type { Migration } from '../migration'

// Frozen in time: never edit after release; add a new migration instead.
// Plan periods: a plan (período) can be closed, and a closed one is read-only by construction:
// triggers refuse every write to its rows (the plan, its ejes, objetivos, acciones, metas and
// indicadores), whichever code path attempts it, as the seal of an approved acta does (0003).
// Sessions and acuerdos are not the plan's rows: they keep pointing at the acción of their period.

/** The message every lock trigger raises; the core turns it into the Spanish refusal. */
export const LOCK_0012 = 'plan_cerrado'

const cerrado = (planId: string): string =>
  `(select cerrado_at from planes where id = ${planId}) is not null`
const deAccion = (accionId: string): string =>
  cerrado(`(select plan_id from acciones where id = ${accionId})`)
const raise = `begin select raise(abort, '${LOCK_0012}'); end`

/** Each locked table: the condition on its plan, given the row (NEW or OLD). */
const BLOQUEADAS: Readonly<Record<string, (fila: 'NEW' | 'OLD') => string>> = {
  ejes: (f) => cerrado(`${f}.plan_id`),
  objetivos: (f) => cerrado(`${f}.plan_id`),
  acciones: (f) => cerrado(`${f}.plan_id`),
  metas: (f) => deAccion(`${f}.accion_id`),
  indicadores: (f) => deAccion(`${f}.accion_id`)
}

export const TRIGGERS_0012: readonly string[] = [
  'planes_cerrado_upd',
  'planes_cerrado_del',
  ...Object.keys(BLOQUEADAS).flatMap((t) =>
    ['ins', 'upd', 'del'].map((op) => `${t}_cerrado_${op}`)
  ),
  'acciones_cerrado_instancia'
]

function bloqueos(tabla: string, columnas: readonly string[]): string[] {
  const en = BLOQUEADAS[tabla]!
  // An acción's instancia is a link (FK set null): removing an instancia clears it even in a
  // closed period; pointing it at another instancia is refused by its own trigger below.
  const cols = columnas.filter((c) => c !== 'instancia_id')
  return [
    `create trigger ${tabla}_cerrado_ins before insert on ${tabla} when ${en('NEW')} ${raise}`,
    `create trigger ${tabla}_cerrado_upd before update of ${cols.join(', ')} on ${tabla}
       when ${en('OLD')} or ${en('NEW')} ${raise}`,
    `create trigger ${tabla}_cerrado_del before delete on ${tabla} when ${en('OLD')} ${raise}`
  ]
}

const q = (nombre: string): string => `"${nombre.replace(/"/g, '""')}"`
const SIN_HISTORIA = ['created_at', 'updated_at']

/**
 * The plan's history triggers (0011) again, with the new column: they list the columns they
 * record, so without this a plan closed would record nothing.
 */
function historialPlanes(columnas: readonly string[], evento: 'insert' | 'update' | 'delete') {
  const propias = columnas.filter((c) => !SIN_HISTORIA.includes(c))
  const objeto = (fila: string) =>
    `json_object(${propias.map((c) => `'${c}', ${fila}.${q(c)}`).join(', ')})`
  const fila = evento === 'delete' ? 'old' : 'new'
  const antes = evento === 'insert' ? 'null' : objeto('old')
  const despues = evento === 'delete' ? 'null' : objeto('new')
  const operacion = { insert: 'crear', update: 'modificar', delete: 'borrar' }[evento]
  const cuando =
    evento === 'update'
      ? `when ${propias.map((c) => `old.${q(c)} is not new.${q(c)}`).join(' or ')}`
      : ''
  return `create trigger historial_planes_${evento} after ${evento} on planes ${cuando}
    begin
      insert into historial (en, actor, institucion, canal, tabla, fila_id, operacion, antes,
        despues, sesion_id, accion_id, acuerdo_id)
      select coalesce(json_extract(w, '$.en'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        json_extract(w, '$.nombre'), json_extract(w, '$.institucion'), json_extract(w, '$.canal'),
        'planes', ${fila}.id, '${operacion}', ${antes}, ${despues}, null, null, null
      from (select mitp_quien() as w);
    end`
}

export const m0012: Migration = {
  version: 12,
  name: 'periodos',
  async up(db: Kysely<unknown>): Promise<void> {
    // null: open (editable); the stamp of its closing otherwise.
    await sql`alter table planes add column cerrado_at text`.execute(db)
    for (const evento of ['insert', 'update', 'delete'] as const) {
      await sql.raw(`drop trigger if exists historial_planes_${evento}`).execute(db)
    }
    const columnas = async (tabla: string): Promise<string[]> =>
      (
        await sql<{
          name: string
        }>`select name from pragma_table_info(${tabla}) order by cid`.execute(db)
      ).rows.map((r) => r.name)
    const dePlanes = await columnas('planes')
    for (const evento of ['insert', 'update', 'delete'] as const) {
      await sql.raw(historialPlanes(dePlanes, evento)).execute(db)
    }
    await sql
      .raw(
        `create trigger planes_cerrado_upd before update on planes
           when OLD.cerrado_at is not null ${raise}`
      )
      .execute(db)
    await sql
      .raw(
        `create trigger planes_cerrado_del before delete on planes
           when OLD.cerrado_at is not null ${raise}`
      )
      .execute(db)
    for (const tabla of Object.keys(BLOQUEADAS)) {
      for (const t of bloqueos(tabla, await columnas(tabla))) await sql.raw(t).execute(db)
    }
    await sql
      .raw(
        `create trigger acciones_cerrado_instancia before update of instancia_id on acciones
           when NEW.instancia_id is not null and ${cerrado('OLD.plan_id')} ${raise}`
      )
      .execute(db)
  }
}
