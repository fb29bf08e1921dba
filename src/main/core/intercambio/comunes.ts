import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { enLista } from '../db/lista'
import type { CampoPaquete } from './paquete'
import { CLAVES, COMUN, type Alias, type Remotas } from './alias'

// Only rows of common origin (the seed, a matrix imported, a plan copied: migration 0021) are
// matched by natural key (alias.ts). A row a user created one by one that took a key another
// row had (a meta after a deleted one, a new 1.1.b after 1.1.b was renamed, one on each side)
// is not that row's twin: paired, it stayed deleted or two rows became one. Each row of a table
// with a natural key travels marked (`~comun`), and keeps its sender's mark here, so a third
// laptop still finds its twin.

/** The mark (`~comun`: true or false) of each row of a natural-key table in `campos`. */
export async function marcasComunes(
  db: Kysely<Database>,
  campos: readonly CampoPaquete[]
): Promise<CampoPaquete[]> {
  const r: CampoPaquete[] = []
  for (const [tabla] of CLAVES) {
    // A stamp the package already carries for the row: the mark adds none of its own.
    const sellos = new Map<string, string>()
    for (const c of campos) {
      if (c.tabla === tabla && !sellos.has(c.filaId)) sellos.set(c.filaId, c.sello)
    }
    if (!sellos.size) continue
    const comunes = new Set(
      (
        await db
          .selectFrom('comunes')
          .select('fila_id')
          .where('tabla', '=', tabla)
          .where('fila_id', 'in', enLista([...sellos.keys()]))
          .execute()
      ).map((c) => c.fila_id)
    )
    for (const [filaId, sello] of sellos) {
      const valor = JSON.stringify(comunes.has(filaId))
      r.push({ tabla, filaId, campo: COMUN, valor, sello })
    }
  }
  return r
}

/** Whether a received row is marked common there. */
export const esComun = (fila: Readonly<Record<string, { valor: string }>>): boolean =>
  fila[COMUN]?.valor === 'true'

export interface Marca {
  tabla: string
  filaId: string
  comun: boolean
}

/**
 * The received rows' marks, but for rows paired with one here (common on both sides, unless
 * paired before 0021: ours keeps its own mark).
 */
export function marcasRecibidas(remotas: Remotas, alias: Alias): Marca[] {
  const r: Marca[] = []
  for (const [tabla] of CLAVES) {
    for (const [filaId, fila] of remotas.get(tabla) ?? []) {
      if (!(COMUN in fila) || alias.get(tabla)?.has(filaId)) continue
      r.push({ tabla, filaId, comun: esComun(fila) })
    }
  }
  return r
}

/** A received row keeps its sender's mark (the trigger marked it as written by an import). */
export async function guardarMarcas(
  trx: Transaction<Database>,
  marcas: readonly Marca[]
): Promise<void> {
  for (const [tabla] of CLAVES) {
    const de = (comun: boolean) =>
      marcas.filter((m) => m.tabla === tabla && m.comun === comun).map((m) => m.filaId)
    const si = de(true)
    const no = de(false)
    if (no.length) {
      await trx
        .deleteFrom('comunes')
        .where('tabla', '=', tabla)
        .where('fila_id', 'in', enLista(no))
        .execute()
    }
    if (si.length) {
      // `where true`: SQLite reads `on conflict` after a bare select's join otherwise.
      await sql`insert into comunes (tabla, fila_id)
        select ${tabla}, value from json_each(${JSON.stringify(si)}) where true
        on conflict do nothing`.execute(trx)
    }
  }
}
