import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { dialectoDe } from '../db/dialecto'
import { FILA_0014, SINCRONIZADAS_0014 } from '../db/migrations/0014_sellos'
import { BORRADO, type Fila } from './fusion'
import { antesDeBorrar, filasLocales } from './campos'
import type { DecisionDeFila, Decisiones } from './decidir'
import { borraAlla, borradaAqui, clave } from './dependientes'
import { referencias } from './alias'
import { rechazo, TABLAS_ACTA } from './selladas'

// A row an approved acta cites without being one of its rows (#16, second review): any row its
// rows point at, through any link (a followed-up acuerdo and its session, a persona who attended,
// an institución, an acción reported on, an indicador measured…), and the rows those point at in
// turn. One side approves the acta while the other deletes such a row, unseen: the approved acta
// wins, as it does for its own rows (selladas.ts). Taking the deletion would delete sealed rows
// (CASCADE) or empty their links (SET NULL), and the seal refuses both. It is no one's choice, so
// no conflict is asked:
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

type Refs = (tabla: string) => Promise<Map<string, string>>

/** `referencias`, read once per table. */
function refsDe(db: Kysely<Database>): Refs {
  const ya = new Map<string, Promise<Map<string, string>>>()
  return (t) => ya.get(t) ?? ya.set(t, referencias(db, t)).get(t)!
}

/** For each table, the synced tables' links that point at it: [child table, column]. */
async function inversas(refs: Refs): Promise<Map<string, [string, string][]>> {
  const r = new Map<string, [string, string][]>()
  for (const hijo of SINCRONIZADAS_0014)
    for (const [col, padre] of await refs(hijo))
      r.set(padre, [...(r.get(padre) ?? []), [hijo, col]])
  return r
}

/**
 * The first approved session (here) whose acta cites the row, through any chain of links, or
 * undefined. It walks back from the row, through the rows that point at it, until one belongs to
 * an approved acta (a row of TABLAS_ACTA of an approved session, or the session itself): a
 * LIMIT 1 seek per link, then the rows that point at it, if anything can point at them in turn.
 * Its work follows the deleted row's dependents, not the history (#13). `libres` holds rows
 * already walked to no approved acta: a session's rows, deleted with it, are not walked again.
 */
async function citadaPor(
  db: Kysely<Database>,
  inv: Map<string, [string, string][]>,
  libres: Set<string>,
  tabla: string,
  id: string
): Promise<string | undefined> {
  if (libres.has(`${tabla}:${id}`)) return undefined
  const vistas = new Set([`${tabla}:${id}`])
  const cola: [string, string][] = [[tabla, id]]
  // CROSS JOIN and +estado keep SQLite on the link's index, not on every approved session;
  // PostgreSQL's planner needs no hint (and has no unary + on text).
  const mas = sql.raw(dialectoDe(db) === 'sqlite' ? '+' : '')
  for (let k = 0; k < cola.length; k++) {
    const [t, fila] = cola[k]!
    const links = inv.get(t) ?? []
    for (const [hijo, col] of links) {
      const q =
        hijo === 'sesiones'
          ? sql<{ sesion: string }>`select id as sesion from sesiones
              where ${sql.ref(col)} = ${fila} and ${mas}estado = 'aprobada' limit 1`
          : TABLAS_ACTA.includes(hijo)
            ? sql<{ sesion: string }>`select s.id as sesion from ${sql.table(hijo)} h
                cross join sesiones s on s.id = h.sesion_id
                where h.${sql.ref(col)} = ${fila} and ${mas}s.estado = 'aprobada' limit 1`
            : null
      const sesion = q && (await q.execute(db)).rows[0]?.sesion
      if (sesion) return sesion
    }
    for (const [hijo, col] of links) {
      if (!inv.get(hijo)?.length) continue
      const { rows } = await sql<{ id: string }>`select id from ${sql.table(hijo)}
        where ${sql.ref(col)} = ${fila}`.execute(db)
      for (const r of rows)
        if (!vistas.has(`${hijo}:${r.id}`) && !libres.has(`${hijo}:${r.id}`)) {
          vistas.add(`${hijo}:${r.id}`)
          cola.push([hijo, r.id])
        }
    }
  }
  for (const v of vistas) libres.add(v)
  return undefined
}

/**
 * An acta row's link emptied by the deletion of a row the acta cites (SET NULL): not an edit of
 * its own but the deletion's echo, listed already as the row kept or back.
 */
function sinEco(d: Decisiones, lado: 'aqui' | 'alla', tabla: string, id: string, col: string) {
  d.rechazadas = d.rechazadas.filter(
    (x) => !(x.lado === lado && x.tabla === tabla && x.filaId === id && x.campo === col && !x.valor)
  )
}

/**
 * Approved here, deleted there: a row an acta approved here cites stays, stamped again whole (a
 * change of ours that saw their deletion), and is listed.
 */
export async function citadasAlla(db: Kysely<Database>, d: Decisiones) {
  const borradas = d.filas.filter((x) => borraAlla(x))
  if (!borradas.length) return
  const alguna = await db
    .selectFrom('sesiones')
    .select('id')
    .where('estado', '=', 'aprobada')
    .limit(1)
    .executeTakeFirst()
  if (!alguna) return
  const refs = refsDe(db)
  const inv = await inversas(refs)
  const [guardadas, libres] = [new Set<string>(), new Set<string>()]
  for (const f of borradas) {
    const sesion = await citadaPor(db, inv, libres, f.tabla, f.filaId)
    if (!sesion) continue
    guardadas.add(`${f.tabla}:${f.filaId}`)
    f.tomar = f.tomar.filter((c) => c !== BORRADO)
    f.conflictos = f.conflictos.filter((c) => c !== BORRADO)
    d.conflictos = d.conflictos.filter((c) => c.clave !== clave(f.tabla, f.filaId))
    const campos = Object.keys(f.local ?? {}).filter((c) => c !== FILA_0014 && c !== BORRADO)
    f.propios = [...new Set([...(f.propios ?? []), BORRADO, ...campos])]
    const b = { valor: true, sello: f.remota[BORRADO]!.sello }
    d.rechazadas.push({ ...rechazo('alla', sesion, f.tabla, f.filaId, BORRADO, b), citada: true })
  }
  for (const x of d.rechazadas.filter((r) => r.lado === 'alla' && r.valor === null)) {
    const padre = (await refs(x.tabla)).get(x.campo)
    if (!padre || !SINCRONIZADAS_0014.includes(x.tabla)) continue
    const { rows } = await sql<{ ref: unknown }>`select ${sql.ref(x.campo)} as ref
      from ${sql.table(x.tabla)} where id = ${x.filaId}`.execute(db)
    if (guardadas.has(`${padre}:${String(rows[0]?.ref)}`))
      sinEco(d, 'alla', x.tabla, x.filaId, x.campo)
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
 * a row deleted here, through any link, bring it back, and the rows it points at deleted here too
 * (an acuerdo's session), as of their deletion. A row the history did not keep stays deleted (the
 * package is refused, as before).
 */
export async function citadasAqui(db: Kysely<Database>, d: Decisiones) {
  const refs = refsDe(db)
  const buscar = (t: string, id: string) => d.filas.find((f) => f.tabla === t && f.filaId === id)
  const pendientes = d.filas
    .filter((f) => f.propios !== undefined && f.remota[BORRADO]?.valor !== 'true')
    .map((f) => {
      const fila = valores(f.remota)
      const sesion = f.tabla === 'sesiones' ? f.filaId : fila['sesion_id']
      return { tabla: f.tabla, filaId: f.filaId, fila, sesion }
    })
  while (pendientes.length) {
    const { tabla, filaId, fila, sesion } = pendientes.pop()!
    if (typeof sesion !== 'string') continue
    for (const [col, padre] of await refs(tabla)) {
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
      sinEco(d, 'aqui', tabla, filaId, col)
      pendientes.push({
        tabla: padre,
        filaId: id,
        fila: { ...antes, ...valores(f.remota) },
        sesion
      })
    }
  }
}
