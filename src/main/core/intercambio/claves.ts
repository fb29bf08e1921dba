import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { enLista } from '../db/lista'
import type { CampoPaquete } from './paquete'
import { CLAVE, CLAVES, referencias } from './alias'
import { actasEnteras } from './selladas'

// A seeded row travels under its sender's id, and the partner finds its own twin by the natural
// key (alias.ts). With three laptops the partner may know a row's changes through another one,
// under that one's id, and get from this sender only a changed field under an id it never saw.
// So every seeded row a package names or points at carries its key, and so do the rows the key
// names (the plan of an acción, the acción of a meta), parents and all.

const esSembrada = (tabla: string) => CLAVES.some(([t]) => t === tabla)

/**
 * The key fields (`=codigo`…) of the seeded rows the package names that do not carry them yet,
 * and the rows of the actas whose approval it carries.
 */
export async function clavesNombradas(
  db: Kysely<Database>,
  enviados: readonly CampoPaquete[]
): Promise<CampoPaquete[]> {
  // An approval travels with its acta's rows whole (selladas.ts); their keys are named too.
  const enteras = await actasEnteras(db, enviados)
  const campos = [...enviados, ...enteras]
  const conClave = new Set(
    campos.filter((c) => c.campo.startsWith(CLAVE)).map((c) => `${c.tabla}:${c.filaId}`)
  )
  const pedidas = new Map<string, Set<string>>()
  const pedir = (tabla: string, id: string) => {
    if (!esSembrada(tabla) || conClave.has(`${tabla}:${id}`)) return
    if (!pedidas.has(tabla)) pedidas.set(tabla, new Set())
    pedidas.get(tabla)!.add(id)
  }
  // The rows sent, and the seeded rows their fields point at (a session's instancia, a
  // person's institución), a deleted row's key included.
  const refsDe = new Map<string, Map<string, string>>()
  for (const c of campos) {
    pedir(c.tabla, c.filaId)
    if (!refsDe.has(c.tabla)) refsDe.set(c.tabla, await referencias(db, c.tabla))
    const ref = refsDe.get(c.tabla)!.get(c.campo.replace(CLAVE, ''))
    const v = ref ? (JSON.parse(c.valor) as unknown) : null
    if (ref && typeof v === 'string') pedir(ref, v)
  }
  const r: CampoPaquete[] = []
  // Children first: their keys name the parents, read after them.
  for (const [tabla, clave] of [...CLAVES].reverse()) {
    const ids = [...(pedidas.get(tabla) ?? [])]
    if (!ids.length) continue
    const refs = await referencias(db, tabla)
    const { rows } = await sql<Record<string, unknown> & { id: string; sello: string }>`
      select t.*, s.sello from ${sql.table(tabla)} t
      join sellos s on s.tabla = ${tabla} and s.fila_id = t.id and s.campo = ${FILA_0014}
      where t.id in ${enLista(ids)}`.execute(db)
    for (const f of rows) {
      for (const c of clave) {
        const valor = JSON.stringify(f[c] ?? null)
        r.push({ tabla, filaId: f.id, campo: `${CLAVE}${c}`, valor, sello: f.sello })
        const ref = refs.get(c)
        if (ref && typeof f[c] === 'string') pedir(ref, f[c])
      }
    }
  }
  return [...enteras, ...r]
}
