import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { nowStamp } from '../db/ids'
import type { Fila } from './fusion'
import type { ActaDistinta } from './decidir'

// A partner's approved acta that cannot enter this database as it is (#16, migration 0015): the
// same session approved here with another hash, or approved there under a number an approved acta
// holds here. Sealed actas are immutable on both sides, so it is kept whole beside ours, never
// merged, and can be read back (who approved it, its sealed content and hash).

export interface ActaAjena {
  sesionId: string
  hash: string
  motivo: 'version' | 'numero'
  instalacion: { id: string; nombre: string }
  aprobadaAt: string | null
  /** The sealed content (JSON text) its hash covers. */
  contenido: string
  /** Its session row as it came (field → value). */
  fila: Record<string, unknown>
  recibidaAt: string
}

function valor(f: Fila, campo: string): unknown {
  const v = f[campo]
  return v ? (JSON.parse(v.valor) as unknown) : null
}

/** Keeps each partner's acta (inside the import's transaction); one already kept stays as it is. */
export async function guardarAjenas(
  db: Transaction<Database>,
  de: { id: string; nombre: string },
  actas: readonly (ActaDistinta & { remota: Fila })[]
): Promise<void> {
  for (const a of actas) {
    const fila = Object.fromEntries(
      Object.keys(a.remota)
        .filter((c) => /^[a-z_]+$/.test(c))
        .map((c) => [c, valor(a.remota, c)])
    )
    await db
      .insertInto('actas_ajenas')
      .values({
        sesion_id: a.sesionId,
        hash: a.hashAlla,
        motivo: a.motivo,
        instalacion_id: de.id,
        instalacion_nombre: de.nombre,
        aprobada_at: (valor(a.remota, 'aprobada_at') as string | null) ?? null,
        contenido: String(valor(a.remota, 'contenido_aprobado') ?? ''),
        fila: JSON.stringify(fila),
        recibida_at: nowStamp()
      })
      .onConflict((oc) => oc.columns(['sesion_id', 'hash']).doNothing())
      .execute()
  }
}

/** The partners' actas kept beside ours: all, or those of one session (ours or theirs). */
export async function leerAjenas(db: Kysely<Database>, sesionId?: string): Promise<ActaAjena[]> {
  const filas = await db
    .selectFrom('actas_ajenas')
    .selectAll()
    .$if(sesionId !== undefined, (q) => q.where('sesion_id', '=', sesionId!))
    .orderBy('recibida_at')
    .orderBy('sesion_id')
    .execute()
  return filas.map((f) => ({
    sesionId: f.sesion_id,
    hash: f.hash,
    motivo: f.motivo,
    instalacion: { id: f.instalacion_id, nombre: f.instalacion_nombre },
    aprobadaAt: f.aprobada_at,
    contenido: f.contenido,
    fila: JSON.parse(f.fila) as Record<string, unknown>,
    recibidaAt: f.recibida_at
  }))
}

/** The partners' sessions kept aside earlier (not in `sesiones`): their rows stay out too. */
export async function apartadasAntes(db: Kysely<Database>): Promise<Set<string>> {
  const filas = await db
    .selectFrom('actas_ajenas')
    .select('sesion_id')
    .where('motivo', '=', 'numero')
    .where('sesion_id', 'not in', db.selectFrom('sesiones').select('id'))
    .execute()
  return new Set(filas.map((f) => f.sesion_id))
}
