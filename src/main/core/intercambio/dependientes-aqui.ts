import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { BORRADO } from './fusion'
import { antesDeBorrar, filasLocales } from './campos'
import type { DecisionDeFila, Decisiones } from './decidir'
import { borradasAlla, cascadas, clave, conflicto, lado, seguir, ultimo } from './dependientes'
import { borradaAqui, existe, padres, type Arbol, type Par } from './dependientes'
import { citadasAlla, citadasAqui } from './citadas'

// The side that deleted (#16, see dependientes.ts): a package's row that would hang from a row
// deleted here makes that deletion a conflict. «El mío» keeps it deleted (the package's rows
// under it are kept as deleted too); «el suyo» brings it back with what its deletion took.

/** The topmost row deleted here above `fila` (its links as given), or null if none is. */
async function raizBorrada(
  db: Kysely<Database>,
  arbol: Arbol,
  tabla: string,
  fila: Record<string, unknown>
): Promise<Par | null> {
  let raiz: Par | null = null
  let t = tabla
  let f: Record<string, unknown> | null = fila
  while (f) {
    const links: Record<string, unknown> = f
    f = null
    for (const [padre, col] of padres(arbol, t)) {
      const id: unknown = links[col]
      if (typeof id !== 'string' || !(await borradaAqui(db, padre, id))) continue
      raiz = [padre, id]
      t = padre
      f = (await antesDeBorrar(db, padre, id)) ?? {}
      break
    }
  }
  return raiz
}

/** The rows deleted here in the same statement as (tabla, id), hanging from it. */
async function borradasCon(db: Kysely<Database>, arbol: Arbol, tabla: string, id: string) {
  const { rows } = await sql<{ en: string }>`select en from historial where tabla = ${tabla}
    and fila_id = ${id} and operacion = 'borrar' order by id desc limit 1`.execute(db)
  const en = rows[0]?.en
  const r: Par[] = []
  const pendientes: Par[] = [[tabla, id]]
  while (en && pendientes.length) {
    const [t, i] = pendientes.pop()!
    for (const h of arbol.get(t) ?? []) {
      const { rows: hs } = await sql<{ fila_id: string }>`select distinct fila_id from historial
        where tabla = ${h.tabla} and operacion = 'borrar' and en = ${en}
          and json_extract(antes, ${'$.' + h.col}) = ${i}`.execute(db)
      for (const { fila_id } of hs) {
        if (await existe(db, h.tabla, fila_id)) continue
        r.push([h.tabla, fila_id])
        pendientes.push([h.tabla, fila_id])
      }
    }
  }
  return r
}

const valores = (f: DecisionDeFila): Record<string, unknown> =>
  Object.fromEntries(Object.entries(f.remota).map(([c, v]) => [c, JSON.parse(v.valor) as unknown]))

/** A row of the package that will be alive, or back, here: the links it will have. */
async function enlaces(db: Kysely<Database>, f: DecisionDeFila) {
  const aqui = f.local?.[BORRADO]?.valor === 'true'
  if (f.remota[BORRADO]?.valor === 'true' || (f.local && !aqui)) return null
  if (!f.tomar.length && !f.conflictos.length) return null
  if (!aqui) return valores(f)
  return { ...(await antesDeBorrar(db, f.tabla, f.filaId)), ...valores(f) }
}

/** A deleted row the conflict is about: the package's, or one made for it (nothing of theirs). */
async function filaRaiz(db: Kysely<Database>, d: Decisiones, [t, id]: Par) {
  const hay = d.filas.find((f) => f.tabla === t && f.filaId === id)
  if (hay) return hay
  const local = (await filasLocales(db, t, [id])).get(id) ?? {}
  const f: DecisionDeFila = { tabla: t, filaId: id, local, remota: {}, tomar: [], conflictos: [] }
  d.filas.push(f)
  return f
}

/**
 * The package's rows that will be alive here and whose parent is deleted here: the parents are
 * looked up per table in one query (a first package brings every row).
 */
async function bajoBorradas(db: Kysely<Database>, arbol: Arbol, filas: DecisionDeFila[]) {
  const candidatas: { f: DecisionDeFila; fila: Record<string, unknown> }[] = []
  const pedidas = new Map<string, Set<string>>()
  for (const f of filas) {
    const suyos = padres(arbol, f.tabla)
    // A row set as an approved acta's (selladas.ts) is not the user's to choose.
    const fila = !suyos.length || f.sigue || f.propios ? null : await enlaces(db, f)
    if (!fila) continue
    candidatas.push({ f, fila })
    for (const [padre, col] of suyos) {
      const id = fila[col]
      if (typeof id === 'string') pedidas.set(padre, (pedidas.get(padre) ?? new Set()).add(id))
    }
  }
  const borradas = new Set<string>()
  for (const [tabla, ids] of pedidas) {
    const lista = JSON.stringify([...ids])
    const { rows } = await sql<{ fila_id: string }>`select fila_id from sellos
      where tabla = ${tabla} and campo = ${BORRADO}
        and fila_id in (select value from json_each(${lista}))
        and fila_id not in (select id from ${sql.table(tabla)})`.execute(db)
    for (const r of rows) borradas.add(`${tabla}:${r.fila_id}`)
  }
  return candidatas.filter(({ f, fila }) =>
    padres(arbol, f.tabla).some(([padre, col]) => borradas.has(`${padre}:${String(fila[col])}`))
  )
}

export async function borradasAqui(db: Kysely<Database>, d: Decisiones, arbol: Arbol) {
  const revive = (t: string, id: string) =>
    d.filas.some(
      (f) =>
        f.tabla === t &&
        f.filaId === id &&
        (f.remota[BORRADO]?.valor === 'false' || f.propios?.includes(BORRADO))
    )
  const raices = new Map<string, DecisionDeFila[]>()
  for (const { f, fila } of await bajoBorradas(db, arbol, d.filas)) {
    const raiz = await raizBorrada(db, arbol, f.tabla, fila)
    if (!raiz || revive(...raiz)) continue
    const k = `${raiz[0]}:${raiz[1]}`
    raices.set(k, [...(raices.get(k) ?? []), f])
  }
  for (const [k, hijas] of raices) {
    const [t, id] = k.split(':') as Par
    const r = await filaRaiz(db, d, [t, id])
    const raiz = clave(t, id)
    if (!r.conflictos.includes(BORRADO)) {
      r.conflictos.push(BORRADO)
      const suyas = hijas.flatMap((h) => Object.values(h.remota).map((v) => v.sello))
      const mio = lado(true, r.local?.[BORRADO]?.sello ?? '')
      d.conflictos.push(conflicto(t, id, mio, lado(false, ultimo(suyas))))
    }
    for (const h of hijas) seguir(d, h, raiz, false)
    // The rows its deletion took: back with it if «el suyo» is chosen.
    for (const [ht, hid] of await borradasCon(db, arbol, t, id)) {
      if (d.filas.some((f) => f.tabla === ht && f.filaId === hid)) continue
      const local = (await filasLocales(db, ht, [hid])).get(hid) ?? {}
      d.filas.push({
        tabla: ht,
        filaId: hid,
        local,
        remota: {},
        tomar: [],
        conflictos: [BORRADO],
        sigue: raiz
      })
    }
  }
}

/** Both directions, after the rows' own decisions: the conflicts of deleted rows' dependents. */
export async function conDependientes(
  db: Kysely<Database>,
  d: Decisiones,
  suyo: Parameters<typeof borradasAlla>[3]
): Promise<Decisiones> {
  const arbol = await cascadas(db)
  // An approved acta decides first for the rows it cites: no one's choice (citadas.ts).
  await citadasAlla(db, d)
  await citadasAqui(db, d)
  await borradasAlla(db, d, arbol, suyo)
  await borradasAqui(db, d, arbol)
  return d
}
