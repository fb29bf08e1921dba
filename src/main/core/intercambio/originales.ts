import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { enLista } from '../db/lista'
import type { CampoPaquete } from './paquete'
import { CLAVES, ORIGEN } from './alias'

// A seeded row whose natural key changed on one side before the first exchange (an acción's
// code corrected) no longer meets its twin by the key it has now (#16). It travels with its key
// as it was first, from the history (0011): the partner tries it after the current one.

/** The first key (`~codigo`…) of each seeded row `campos` names whose key changed since. */
export async function clavesOriginales(
  db: Kysely<Database>,
  campos: readonly CampoPaquete[]
): Promise<CampoPaquete[]> {
  const r: CampoPaquete[] = []
  for (const [tabla, clave] of CLAVES) {
    const ids = [...new Set(campos.filter((c) => c.tabla === tabla).map((c) => c.filaId))]
    if (!ids.length) continue
    const { rows } = await sql<Record<string, unknown> & { id: string; sello: string }>`
      select t.*, s.sello, (
        select case h.operacion when 'crear' then h.despues else h.antes end from historial h
        where h.tabla = ${tabla} and h.fila_id = t.id order by h.id limit 1
      ) as mitp_primero
      from ${sql.table(tabla)} t
      join sellos s on s.tabla = ${tabla} and s.fila_id = t.id and s.campo = ${FILA_0014}
      where t.id in ${enLista(ids)}`.execute(db)
    for (const f of rows) {
      if (typeof f['mitp_primero'] !== 'string') continue
      const primero = JSON.parse(f['mitp_primero']) as Record<string, unknown>
      if (clave.every((c) => primero[c] === undefined || primero[c] === f[c])) continue
      for (const c of clave) {
        const valor = JSON.stringify(primero[c] ?? f[c] ?? null)
        r.push({ tabla, filaId: f.id, campo: `${ORIGEN}${c}`, valor, sello: f.sello })
      }
    }
  }
  return r
}
