import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014, SINCRONIZADAS_0014, SIN_SELLO_0014 } from '../db/migrations/0014_sellos'
import { BORRADO, conoce, unir, type Fila, type Vector } from './fusion'
import type { CampoPaquete } from './paquete'
import { CLAVE, CLAVES } from './alias'
import { clavesNombradas } from './claves'
import { clavesOriginales } from './originales'
import { marcasComunes } from './comunes'

// The database side of a package (#16): every synced field with the stamp of its last change,
// read from the rows and the stamps the triggers of migration 0014 keep. A field never changed
// since its row was created carries the row's creation stamp ('*'); a deleted row is only its
// deletion (BORRADO, true), and a row created again after one carries BORRADO false.

export const TABLAS_SINCRONIZADAS = SINCRONIZADAS_0014

/** A column's value as JSON text, the same on both sides (no binary columns are synced). */
function json(tabla: string, campo: string, v: unknown): string {
  if (v !== null && typeof v === 'object') {
    throw new Error(`intercambio: ${tabla}.${campo} no es un valor simple`)
  }
  return JSON.stringify(v ?? null)
}

/** Every row of `tabla` known here (alive or deleted), as versioned fields, by id. */
export async function filasLocales(
  db: Kysely<Database>,
  tabla: string,
  ids?: readonly string[]
): Promise<Map<string, Fila>> {
  const sellos = await db
    .selectFrom('sellos')
    .select(['fila_id', 'campo', 'sello'])
    .where('tabla', '=', tabla)
    // One JSON parameter, whatever the number of rows (SQLite allows 32,766 variables).
    .$if(ids !== undefined, (q) =>
      q.where(sql<boolean>`fila_id in (select value from json_each(${JSON.stringify(ids)}))`)
    )
    .execute()
  const porFila = new Map<string, Map<string, string>>()
  for (const s of sellos) {
    let m = porFila.get(s.fila_id)
    if (!m) porFila.set(s.fila_id, (m = new Map()))
    m.set(s.campo, s.sello)
  }
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(tabla)}`.execute(db)
  const vivas = new Map(rows.map((f) => [String(f['id']), f]))
  const r = new Map<string, Fila>()
  for (const [filaId, s] of porFila) {
    const fila = vivas.get(filaId)
    const campos: Record<string, { valor: string; sello: string }> = {}
    const borrado = s.get(BORRADO)
    if (borrado !== undefined) campos[BORRADO] = { valor: String(!fila), sello: borrado }
    const creada = s.get(FILA_0014)
    if (fila && creada !== undefined) {
      // The creation stamp travels too: a seeded row matched on the other side (alias.ts) tells
      // its fields never edited since from those edited there.
      campos[FILA_0014] = { valor: 'null', sello: creada }
      for (const [campo, valor] of Object.entries(fila)) {
        if (SIN_SELLO_0014.includes(campo)) continue
        campos[campo] = { valor: json(tabla, campo, valor), sello: s.get(campo) ?? creada }
      }
    }
    r.set(filaId, campos)
  }
  return r
}

/**
 * Every field of every synced row whose stamp `visto` does not know: everything when it is
 * empty (the first package to a partner), only what changed since when it is that partner's.
 */
export async function camposNoVistos(db: Kysely<Database>, visto: Vector): Promise<CampoPaquete[]> {
  const r: CampoPaquete[] = []
  for (const tabla of TABLAS_SINCRONIZADAS) {
    const clave = CLAVES.find(([t]) => t === tabla)?.[1]
    for (const [filaId, fila] of await filasLocales(db, tabla)) {
      for (const [campo, v] of Object.entries(fila)) {
        if (!conoce(visto, v.sello)) r.push({ tabla, filaId, campo, ...v })
      }
      const b = fila[BORRADO]
      if (clave && b?.valor === 'true' && !conoce(visto, b.sello)) {
        r.push(...(await claveDeBorrada(db, tabla, filaId, clave, b.sello)))
      }
    }
  }
  const conClaves = [...r, ...(await clavesNombradas(db, r))]
  const todos = [...conClaves, ...(await clavesOriginales(db, conClaves))]
  return [...todos, ...(await marcasComunes(db, todos))]
}

/**
 * A deleted seeded row's natural key, as the history kept it when it was deleted: the partner
 * may know that row under another id only by its key (alias.ts).
 */
async function claveDeBorrada(
  db: Kysely<Database>,
  tabla: string,
  filaId: string,
  clave: readonly string[],
  sello: string
): Promise<CampoPaquete[]> {
  const antes = await antesDeBorrar(db, tabla, filaId)
  if (!antes) return []
  return clave.map((c) => ({
    tabla,
    filaId,
    campo: `${CLAVE}${c}`,
    valor: json(tabla, c, antes[c]),
    sello
  }))
}

/** A deleted row as it was when deleted here, as the history kept it (null if it did not). */
export async function antesDeBorrar(
  db: Kysely<Database> | Transaction<Database>,
  tabla: string,
  filaId: string
): Promise<Record<string, unknown> | null> {
  const h = await db
    .selectFrom('historial')
    .select('antes')
    .where('tabla', '=', tabla)
    .where('fila_id', '=', filaId)
    .where('operacion', '=', 'borrar')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return h?.antes ? (JSON.parse(h.antes) as Record<string, unknown>) : null
}

/** This installation's own stamps, as a vector entry: the largest one it has made. */
export async function vectorPropio(db: Kysely<Database> | Transaction<Database>): Promise<Vector> {
  const yo = await db.selectFrom('instalacion').select('id').executeTakeFirstOrThrow()
  // Stamps end in their installation's id; the largest of ours is the clock's last.
  const { rows } = await sql<{ sello: string | null }>`
    select max(sello) as sello from sellos where sello like ${'%-' + yo.id}`.execute(db)
  const mio = rows[0]?.sello
  return mio ? { [yo.id]: mio } : {}
}

/**
 * What this side has received: its own changes, and what it recorded as received (migration
 * 0017; `conocido.ts`). A partner's claims (`socios.vector`) are not part of it.
 */
export async function vectorConocido(
  db: Kysely<Database> | Transaction<Database>
): Promise<Vector> {
  const { conocido } = await db
    .selectFrom('instalacion')
    .select('conocido')
    .executeTakeFirstOrThrow()
  return unir(await vectorPropio(db), JSON.parse(conocido) as Vector)
}
