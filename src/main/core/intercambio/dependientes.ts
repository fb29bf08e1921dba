import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { clavesForaneas } from '../db/catalogo'
import { SINCRONIZADAS_0014 } from '../db/migrations/0014_sellos'
import { BORRADO, conoce, type Vector } from './fusion'
import type { Conflicto, DecisionDeFila, Decisiones, LadoConflicto } from './decidir'
import { leer } from './hlc'

// Deleting a row deletes in cascade the rows that hang from it (a session's acuerdos, attendance,
// items…). A deletion made without seeing some of those rows (added or changed on the other side)
// would take them away unseen, so it is a conflict of the deleted row, on the side that holds
// them: «el mío»/«el suyo» decides the row and everything that hangs from it, as one. On the
// side that deleted, «el suyo» brings the row back with the rows its deletion took.

interface Hija {
  tabla: string
  col: string
}
type Arbol = Map<string, Hija[]>

type Par = [string, string]

async function existe(db: Kysely<Database>, tabla: string, id: string): Promise<boolean> {
  const { rows } = await sql`select 1 from ${sql.table(tabla)} where id = ${id}`.execute(db)
  return rows.length > 0
}

/** Deleted here (not alive, with a deletion stamp): most parents are alive, one lookup. */
async function borradaAqui(db: Kysely<Database>, tabla: string, id: string): Promise<boolean> {
  if (await existe(db, tabla, id)) return false
  const { rows } = await sql`select 1 from sellos
    where tabla = ${tabla} and fila_id = ${id} and campo = ${BORRADO}`.execute(db)
  return rows.length > 0
}

/** The tables whose deletion of a row takes rows of `tabla` with it, and the linking column. */
const padres = (arbol: Arbol, tabla: string): Par[] =>
  [...arbol].flatMap(([padre, hs]) =>
    hs.filter((h) => h.tabla === tabla).map((h): Par => [padre, h.col])
  )

/** For each synced table, the tables whose rows a deletion of one of its rows deletes too. */
async function cascadas(db: Kysely<Database>): Promise<Arbol> {
  const r: Arbol = new Map()
  for (const tabla of SINCRONIZADAS_0014) {
    const rows = await clavesForaneas(db, tabla)
    for (const f of rows.filter((x) => x.on_delete === 'CASCADE'))
      r.set(f.table, [...(r.get(f.table) ?? []), { tabla, col: f.from }])
  }
  return r
}

const clave = (tabla: string, id: string, campo = BORRADO) => `${tabla}:${id}:${campo}`

function lado(valor: boolean, sello: string): LadoConflicto {
  const s = sello ? leer(sello) : null
  return {
    valor,
    sello,
    instalacion: s?.instalacion ?? '',
    en: s ? new Date(s.ms).toISOString() : ''
  }
}

const ultimo = (sellos: string[]) => sellos.reduce((m, s) => (s > m ? s : m), '')

/** The rows alive here that a deletion of (tabla, id) would take with it. */
async function vivasBajo(db: Kysely<Database>, arbol: Arbol, tabla: string, id: string) {
  const r: [string, string][] = []
  const pendientes: [string, string][] = [[tabla, id]]
  while (pendientes.length) {
    const [t, i] = pendientes.pop()!
    for (const h of arbol.get(t) ?? []) {
      const { rows } = await sql<{ id: string }>`select id from ${sql.table(h.tabla)}
        where ${sql.ref(h.col)} = ${i}`.execute(db)
      for (const f of rows) {
        r.push([h.tabla, f.id])
        pendientes.push([h.tabla, f.id])
      }
    }
  }
  return r
}

const borraAlla = (f: DecisionDeFila) =>
  f.remota[BORRADO]?.valor === 'true' &&
  f.local !== undefined &&
  f.local[BORRADO]?.valor !== 'true' &&
  (f.tomar.includes(BORRADO) || f.conflictos.includes(BORRADO))

/** The package's row (tabla, id) now follows the conflict `raiz`, its own one dropped. */
function seguir(d: Decisiones, f: DecisionDeFila, raiz: string, borrar: boolean): void {
  f.sigue = raiz
  if (borrar && f.tomar.includes(BORRADO)) {
    f.tomar = f.tomar.filter((c) => c !== BORRADO)
    f.conflictos.push(BORRADO)
  }
  d.conflictos = d.conflictos.filter((c) => c.clave !== clave(f.tabla, f.filaId))
}

/** Deleted there: rows here under it that they never saw make the deletion a conflict. */
async function borradasAlla(db: Kysely<Database>, d: Decisiones, arbol: Arbol, suyo: Vector) {
  const porFila = new Map(d.filas.map((f) => [`${f.tabla}:${f.filaId}`, f]))
  for (const f of d.filas.filter((x) => borraAlla(x) && !x.sigue)) {
    const bajo = await vivasBajo(db, arbol, f.tabla, f.filaId)
    const noVistos: string[] = []
    for (const [t, id] of bajo) {
      const p = porFila.get(`${t}:${id}`)
      if (p && p.tomar.includes(BORRADO)) continue
      const { rows } = await sql<{ sello: string }>`select sello from sellos
        where tabla = ${t} and fila_id = ${id} and campo <> ${BORRADO}`.execute(db)
      for (const { sello } of rows) if (!conoce(suyo, sello)) noVistos.push(sello)
    }
    if (!noVistos.length) continue
    const raiz = clave(f.tabla, f.filaId)
    if (!f.conflictos.includes(BORRADO)) {
      f.tomar = f.tomar.filter((c) => c !== BORRADO)
      f.conflictos.push(BORRADO)
      const suya = lado(true, f.remota[BORRADO]!.sello)
      d.conflictos.push(conflicto(f.tabla, f.filaId, lado(false, ultimo(noVistos)), suya))
    }
    for (const [t, id] of bajo) {
      const p = porFila.get(`${t}:${id}`)
      if (p && borraAlla(p)) seguir(d, p, raiz, true)
    }
  }
}

function conflicto(tabla: string, filaId: string, mio: LadoConflicto, suyo: LadoConflicto) {
  const c: Conflicto = { clave: clave(tabla, filaId), tabla, filaId, campo: BORRADO, mio, suyo }
  return c
}

export { cascadas, conflicto, lado, seguir, ultimo, clave, borradasAlla, borraAlla, vivasBajo }
export { existe, borradaAqui, padres, type Arbol, type Par }
