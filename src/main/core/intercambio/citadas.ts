import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { BORRADO, type Fila } from './fusion'
import { antesDeBorrar, filasLocales } from './campos'
import type { DecisionDeFila, Decisiones } from './decidir'
import { borraAlla, borradaAqui, clave, padres, vivasBajo, type Arbol } from './dependientes'
import { rechazo, TABLAS_ACTA } from './selladas'

// A row an approved acta cites without being one of its rows: the acuerdo a follow-up of the acta
// points at (and that acuerdo's session), in another session (#16, second review). One side
// approves the acta while the other deletes the acuerdo, unseen: the approved acta wins, as it
// does for its own rows (selladas.ts). It is no one's choice, so no conflict is asked:
// - on the side that approved, the deletion does not enter; the row is stamped again, whole, so
//   it travels back;
// - on the side that deleted, the row comes back as the history kept it when deleted (their
//   fields on top, if the package has it), with the acta's rows.
// Both are listed with the acta's refused edits (`rechazadas`, `citada`).

const json = (v: string): unknown => JSON.parse(v) as unknown

const valores = (f: Fila): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([c]) => /^[a-z_]+$/.test(c) && c !== BORRADO)
      .map(([c, v]) => [c, json(v.valor)])
  )

async function aprobadasAqui(db: Kysely<Database>): Promise<Set<string>> {
  const filas = await db
    .selectFrom('sesiones')
    .select('id')
    .where('estado', '=', 'aprobada')
    .execute()
  return new Set(filas.map((f) => f.id))
}

/** The approved session here of the first row of `bajo` that belongs to one, if any. */
async function selladaEntre(
  db: Kysely<Database>,
  bajo: readonly [string, string][],
  aprobadas: ReadonlySet<string>
): Promise<string | undefined> {
  for (const [t, id] of bajo) {
    if (t === 'sesiones' && aprobadas.has(id)) return id
    if (!TABLAS_ACTA.includes(t)) continue
    const { rows } = await sql<{ sesion_id: string }>`select sesion_id from ${sql.table(t)}
      where id = ${id}`.execute(db)
    const s = rows[0]?.sesion_id
    if (s && aprobadas.has(s)) return s
  }
  return undefined
}

/**
 * Approved here, deleted there: a row whose deletion would take rows of an acta approved here
 * with it stays, stamped again whole (a change of ours that saw their deletion), and is listed.
 */
export async function citadasAlla(db: Kysely<Database>, d: Decisiones, arbol: Arbol) {
  const aprobadas = await aprobadasAqui(db)
  if (!aprobadas.size) return
  for (const f of d.filas.filter((x) => borraAlla(x))) {
    const sesion = await selladaEntre(db, await vivasBajo(db, arbol, f.tabla, f.filaId), aprobadas)
    if (!sesion) continue
    f.tomar = f.tomar.filter((c) => c !== BORRADO)
    f.conflictos = f.conflictos.filter((c) => c !== BORRADO)
    d.conflictos = d.conflictos.filter((c) => c.clave !== clave(f.tabla, f.filaId))
    const campos = Object.keys(f.local ?? {}).filter((c) => c !== FILA_0014 && c !== BORRADO)
    f.propios = [...new Set([...(f.propios ?? []), BORRADO, ...campos])]
    const b = { valor: true, sello: f.remota[BORRADO]!.sello }
    d.rechazadas.push({ ...rechazo('alla', sesion, f.tabla, f.filaId, BORRADO, b), citada: true })
  }
}

/** The package's row for (tabla, id), or one made for it (nothing of theirs). */
async function filaPara(db: Kysely<Database>, d: Decisiones, tabla: string, id: string) {
  const hay = d.filas.find((f) => f.tabla === tabla && f.filaId === id)
  if (hay) return hay
  const local = (await filasLocales(db, tabla, [id])).get(id) ?? {}
  const f: DecisionDeFila = { tabla, filaId: id, local, remota: {}, tomar: [], conflictos: [] }
  d.filas.push(f)
  return f
}

const vuelve = (f: DecisionDeFila | undefined) =>
  f !== undefined &&
  ((f.remota[BORRADO]?.valor === 'false' && f.tomar.includes(BORRADO)) ||
    f.propios?.includes(BORRADO) === true)

/**
 * Approved there, deleted here: the rows of their acta set as sealed (selladas.ts) that point at
 * a row deleted here bring it back, and the rows above it deleted here too (its session), as of
 * their deletion. A row the history did not keep stays deleted (the package is refused, as before).
 */
export async function citadasAqui(db: Kysely<Database>, d: Decisiones, arbol: Arbol) {
  const buscar = (t: string, id: string) => d.filas.find((f) => f.tabla === t && f.filaId === id)
  const pendientes = d.filas
    .filter((f) => f.propios !== undefined && f.remota[BORRADO]?.valor !== 'true')
    .map((f) => {
      const fila = valores(f.remota)
      const sesion = f.tabla === 'sesiones' ? f.filaId : fila['sesion_id']
      return { tabla: f.tabla, fila, sesion }
    })
  while (pendientes.length) {
    const { tabla, fila, sesion } = pendientes.pop()!
    if (typeof sesion !== 'string') continue
    for (const [padre, col] of padres(arbol, tabla)) {
      const id = fila[col]
      if (typeof id !== 'string' || vuelve(buscar(padre, id))) continue
      if (buscar(padre, id)?.remota[BORRADO]?.valor === 'true') continue
      if (!(await borradaAqui(db, padre, id))) continue
      const antes = await antesDeBorrar(db, padre, id)
      if (!antes) continue
      const f = await filaPara(db, d, padre, id)
      // Their deletion conflict, if the package changed it, is decided: it comes back.
      f.conflictos = f.conflictos.filter((c) => c !== BORRADO)
      d.conflictos = d.conflictos.filter((c) => c.clave !== clave(padre, id))
      f.remota = { ...f.remota, [BORRADO]: { valor: 'false', sello: '' } }
      f.tomar = [...new Set([...f.tomar, BORRADO])]
      f.propios = [...(f.propios ?? []), BORRADO]
      const b = { valor: true, sello: f.local?.[BORRADO]?.sello ?? '' }
      d.rechazadas.push({ ...rechazo('aqui', sesion, padre, id, BORRADO, b), citada: true })
      pendientes.push({ tabla: padre, fila: { ...antes, ...valores(f.remota) }, sesion })
    }
  }
}
