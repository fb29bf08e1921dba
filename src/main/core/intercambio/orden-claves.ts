import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { SINCRONIZADAS_0014 } from '../db/migrations/0014_sellos'
import { enLista } from '../db/lista'
import { CLAVES } from './alias'
import { BORRADO } from './fusion'
import { type DecisionDeFila } from './decidir'

// SQLite checks a unique key row by row, not at commit: codes shifted on one side (1.1.a–e up a
// letter, a new 1.1.a) written in the package's order moved 1.1.a onto 1.1.b while 1.1.b still
// held it, and the import was refused as two rows with one code (second review of #16). Rows are
// written parents first; within a table with a natural key, deletions first, then each row that
// moves its key after the row that holds that key here, then the rest (new rows last).

type Db = Kysely<Database> | Transaction<Database>

const clave = (valores: readonly unknown[]) => JSON.stringify(valores)

/** The rows of one keyed table in an order that never holds one key twice, where one exists. */
async function enOrdenDeClaves(
  db: Db,
  tabla: string,
  columnas: readonly string[],
  grupo: readonly DecisionDeFila[],
  campos: (f: DecisionDeFila) => readonly string[]
): Promise<DecisionDeFila[]> {
  const { rows } = await sql<Record<string, unknown> & { id: string }>`
    select * from ${sql.table(tabla)} where id in ${enLista(grupo.map((f) => f.filaId))}`.execute(
    db
  )
  const aqui = new Map(rows.map((r) => [r.id, r]))
  const borradas: DecisionDeFila[] = []
  const mueven = new Map<string, { f: DecisionDeFila; destino: string }>()
  const resto: DecisionDeFila[] = []
  for (const f of grupo) {
    const c = campos(f)
    const fila = aqui.get(f.filaId)
    if (fila && c.includes(BORRADO) && f.remota[BORRADO]?.valor === 'true') borradas.push(f)
    else if (fila && columnas.some((k) => c.includes(k))) {
      const destino = columnas.map((k) =>
        c.includes(k) ? (JSON.parse(f.remota[k]!.valor) as unknown) : fila[k]
      )
      mueven.set(f.filaId, { f, destino: clave(destino) })
    } else resto.push(f)
  }
  // Who holds each key now, among the rows that move.
  const dueno = new Map<string, string>()
  for (const id of mueven.keys()) dueno.set(clave(columnas.map((k) => aqui.get(id)![k])), id)
  const hechas = new Set<string>()
  const orden: DecisionDeFila[] = []
  const visitar = (id: string, camino: Set<string>): void => {
    if (hechas.has(id) || camino.has(id)) return // a cycle (a swap) stays in the package's order
    camino.add(id)
    const m = mueven.get(id)!
    const antes = dueno.get(m.destino)
    if (antes !== undefined && antes !== id) visitar(antes, camino)
    hechas.add(id)
    orden.push(m.f)
  }
  for (const id of mueven.keys()) visitar(id, new Set())
  return [...borradas, ...orden, ...resto]
}

/** The rows to write, parents first, each keyed table in an order its unique key allows. */
export async function enOrden(
  db: Db,
  filas: readonly DecisionDeFila[],
  campos: (f: DecisionDeFila) => readonly string[]
): Promise<DecisionDeFila[]> {
  const r = filas.filter((f) => !SINCRONIZADAS_0014.includes(f.tabla))
  for (const tabla of SINCRONIZADAS_0014) {
    const grupo = filas.filter((f) => f.tabla === tabla)
    const columnas = CLAVES.find(([t]) => t === tabla)?.[1]
    if (!grupo.length) continue
    r.push(...(columnas ? await enOrdenDeClaves(db, tabla, columnas, grupo, campos) : grupo))
  }
  return r
}
