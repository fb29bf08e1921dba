import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { clavesForaneas } from '../db/catalogo'
import { BORRADO, conoce, type Fila, type Vector } from './fusion'

// The same plan seeded on two laptops has different ids on each (#16). A row received under an
// id unknown here is matched by its natural key to the row that is the same here, and the pair is
// kept in `alias` (partner's id → ours), so its next changes land on our row. Ids are then
// translated in the row itself and in the columns that point at aliased rows.

/** The natural key of each seeded table, parents first (a key may hold a parent's id). */
export const CLAVES: readonly (readonly [string, readonly string[]])[] = [
  ['instituciones', ['sigla']],
  ['instancias', ['codigo']],
  // Periods never overlap: one start date is one period, whatever each laptop named it.
  ['planes', ['periodo_desde']],
  ['ejes', ['plan_id', 'codigo']],
  ['objetivos', ['plan_id', 'codigo']],
  ['acciones', ['plan_id', 'codigo']],
  ['metas', ['accion_id', 'orden']],
  ['indicadores', ['accion_id', 'orden']]
]

/** The prefix of a deleted row's natural key fields in a package: never written as columns. */
export const CLAVE = '='

/** The prefix of a seeded row's first key fields (originales.ts): never written as columns. */
export const ORIGEN = '~'

/**
 * A row's mark of common origin in a package (comunes.ts): only such rows are matched by key.
 * Never written as a column.
 */
export const COMUN = `${ORIGEN}comun`

/** Rows received, by table and by the sender's id. */
export type Remotas = Map<string, Map<string, Record<string, { valor: string; sello: string }>>>

export type Alias = Map<string, Map<string, string>>

/** Each column of `tabla` that points at another table's id. */
export async function referencias(
  db: Kysely<Database>,
  tabla: string
): Promise<Map<string, string>> {
  const rows = await clavesForaneas(db, tabla)
  return new Map(rows.map((r) => [r.from, r.table]))
}

export async function leerAlias(db: Kysely<Database>): Promise<Alias> {
  const r: Alias = new Map()
  for (const a of await db.selectFrom('alias').selectAll().execute()) {
    if (!r.has(a.tabla)) r.set(a.tabla, new Map())
    r.get(a.tabla)!.set(a.remoto, a.local)
  }
  return r
}

const traducido = (alias: Alias, tabla: string, id: string): string =>
  alias.get(tabla)?.get(id) ?? id

async function conocida(db: Kysely<Database>, tabla: string, id: string): Promise<boolean> {
  const s = await db
    .selectFrom('sellos')
    .select('campo')
    .where('tabla', '=', tabla)
    .where('fila_id', '=', id)
    .executeTakeFirst()
  return s !== undefined
}

/** Whether the row here is of common origin (migration 0021): only those have twins. */
const comun = (tabla: string, id: string) =>
  sql`exists (select 1 from comunes c where c.tabla = ${tabla} and c.fila_id = ${sql.ref(id)})`

/**
 * The rows here whose first key (as the history kept it) is `valores`, the first created first:
 * alive, or deleted (by the key they had when deleted).
 */
async function porHistorial(
  db: Kysely<Database>,
  tabla: string,
  clave: readonly string[],
  valores: readonly unknown[]
): Promise<string[]> {
  const igual = (col: string) =>
    sql.join(
      clave.map((c, i) => sql`json_extract(${sql.raw(col)}, ${'$.' + c}) = ${valores[i]}`),
      sql` and `
    )
  const { rows } = await sql<{ id: string }>`
    select h.fila_id as id from historial h
    where h.tabla = ${tabla} and ${comun(tabla, 'h.fila_id')} and (
      (h.operacion = 'borrar' and ${igual('h.antes')}
        and not exists (select 1 from ${sql.table(tabla)} t where t.id = h.fila_id))
      or (h.id = (select min(p.id) from historial p where p.tabla = h.tabla and p.fila_id = h.fila_id)
        and exists (select 1 from ${sql.table(tabla)} t where t.id = h.fila_id)
        and ((h.operacion = 'crear' and ${igual('h.despues')})
          or (h.operacion <> 'crear' and ${igual('h.antes')}))))
    group by h.fila_id order by min(h.id)`.execute(db)
  return rows.map((r) => r.id)
}

/**
 * A row deleted here whose deletion the sender already knew: a row of theirs with its key is
 * new (a matrix imported again over the plan put it back), not its twin. Paired, it stayed
 * deleted here, silently (fourth review of #16). Before a first exchange the sender knows no
 * deletion of ours, so a seeded row deleted here still meets its twin and stays deleted.
 */
async function borradoSabido(
  db: Kysely<Database>,
  tabla: string,
  id: string,
  vector: Vector
): Promise<boolean> {
  const s = await db
    .selectFrom('sellos')
    .select('sello')
    .where('tabla', '=', tabla)
    .where('fila_id', '=', id)
    .where('campo', '=', BORRADO)
    .executeTakeFirst()
  return s !== undefined && conoce(vector, s.sello)
}

/** The row here with the same natural key as a received one, if any. */
async function gemela(
  db: Kysely<Database>,
  alias: Alias,
  tabla: string,
  clave: readonly string[],
  fila: Fila,
  refs: Map<string, string>,
  tomadas: ReadonlySet<string>,
  vector: Vector
): Promise<string | undefined> {
  // Both sides are compared by the key each row was first given (its seeded code): a key
  // changed there travels apart (originales.ts), here the history keeps it. Matched by the key
  // it has now, codes shifted on one side (1.1.a–e up a letter, a new 1.1.a) paired every
  // acción with its neighbour. A deleted row carries its key apart (campos.ts).
  const formas = [
    (c: string) => fila[`${ORIGEN}${c}`],
    (c: string) => fila[c] ?? fila[`${CLAVE}${c}`]
  ]
  const buscadas = formas
    .filter((de) => clave.every(de))
    .map((de) =>
      clave.map((c) => {
        const v = JSON.parse(de(c)!.valor) as unknown
        const ref = refs.get(c)
        return ref && typeof v === 'string' ? traducido(alias, ref, v) : v
      })
    )
  const primera = buscadas[0]
  if (!primera) return undefined
  // Two rows here first given this key (the seeded one moved, a new one took its code): the one
  // created first is the seeded twin.
  const ids: string[] = []
  for (const id of await porHistorial(db, tabla, clave, primera))
    if (!tomadas.has(id) && !(await borradoSabido(db, tabla, id, vector))) ids.push(id)
  if (ids.length) return ids[0]
  // Rows from before the history (0011) are found by the key they have now.
  for (const valores of buscadas) {
    const donde = sql.join(
      clave.map((c, i) => sql`${sql.ref(c)} = ${valores[i]}`),
      sql` and `
    )
    const { rows } = await sql<{ id: string }>`
      select id from ${sql.table(tabla)} where ${donde} and ${comun(tabla, 'id')}`.execute(db)
    if (rows.length) return rows.length === 1 && !tomadas.has(rows[0]!.id) ? rows[0]!.id : undefined
  }
  return undefined
}

/**
 * Finds the received seeded rows that are the same as rows here, adding them to `alias` (the
 * caller stores the new pairs when it imports). Returns the new pairs.
 */
export async function emparejar(
  db: Kysely<Database>,
  remotas: Remotas,
  alias: Alias,
  /** What the sender knows (its manifest's vector). */
  vector: Vector = {}
): Promise<{ tabla: string; remoto: string; local: string }[]> {
  const nuevos: { tabla: string; remoto: string; local: string }[] = []
  for (const [tabla, clave] of CLAVES) {
    const refs = await referencias(db, tabla)
    // A row whose key moved there claims its first key before a row that took that key since.
    const filas = [...(remotas.get(tabla) ?? [])].sort(
      ([, x], [, y]) =>
        Number(clave.some((c) => `${ORIGEN}${c}` in y)) -
        Number(clave.some((c) => `${ORIGEN}${c}` in x))
    )
    // One row here may be the twin of one row on each partner (three laptops seeded apart),
    // but of only one row of this package.
    const tomadas = new Set<string>()
    for (const [id, fila] of filas) {
      if (alias.get(tabla)?.has(id) || (await conocida(db, tabla, id))) continue
      // A row a user created one by one has no twin, whatever key it took (comunes.ts).
      if (fila[COMUN]?.valor !== 'true') continue
      const local = await gemela(db, alias, tabla, clave, fila, refs, tomadas, vector)
      if (!local) continue
      tomadas.add(local)
      if (!alias.has(tabla)) alias.set(tabla, new Map())
      alias.get(tabla)!.set(id, local)
      nuevos.push({ tabla, remoto: id, local })
    }
  }
  return nuevos
}

/** The received rows under our ids, their links to aliased rows translated too. */
export async function traducir(
  db: Kysely<Database>,
  remotas: Remotas,
  alias: Alias
): Promise<Remotas> {
  const r: Remotas = new Map()
  for (const [tabla, filas] of remotas) {
    const refs = await referencias(db, tabla)
    const m = new Map<string, Record<string, { valor: string; sello: string }>>()
    for (const [id, fila] of filas) {
      const t: Record<string, { valor: string; sello: string }> = {}
      for (const [campo, v] of Object.entries(fila)) {
        if (campo.startsWith(CLAVE) || campo.startsWith(ORIGEN)) continue // COMUN too
        const ref = refs.get(campo)
        const valor = JSON.parse(v.valor) as unknown
        t[campo] =
          ref && typeof valor === 'string'
            ? { ...v, valor: JSON.stringify(traducido(alias, ref, valor)) }
            : v
      }
      m.set(traducido(alias, tabla, id), t)
    }
    r.set(tabla, m)
  }
  return r
}
