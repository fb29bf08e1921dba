import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { diferirForaneas } from '../db/catalogo'
import { FILA_0014, SELLO_0014 } from '../db/migrations/0014_sellos'
import { nowStamp } from '../db/ids'
import { AppError } from '../errors'
import { BORRADO } from './fusion'
import { antesDeBorrar } from './campos'
import { claveCampo, type DecisionDeFila } from './decidir'
import { enOrden } from './orden-claves'

// Writing what was decided (#16), inside the import's transaction: the values taken, then their
// stamps as the sender made them (the triggers stamped them as local changes a moment before).
// Foreign keys are checked at commit, so rows may come in any order; an approved acta's seal
// fields go last, after its rows, as the seal triggers refuse rows added to an approved acta.

export type Eleccion = 'mio' | 'suyo'

const SELLO_SESION = ['estado', 'hash', 'contenido_aprobado']

type Db = Kysely<Database> | Transaction<Database>

/** The pseudo-row keeping the largest stamp of ours that a partner's replaced (see `sellar`). */
export const PROPIO = '_propio'

async function sellar(db: Db, tabla: string, filaId: string, campo: string, sello: string) {
  await sql`insert into sellos (tabla, fila_id, campo, sello) values (${tabla}, ${filaId}, ${campo},
    ${sello}) on conflict (tabla, fila_id, campo) do update set sello = excluded.sello`.execute(db)
}

/**
 * A stamp of ours that their stamp replaces (a field taken, «el suyo») may be the largest we had
 * made, and a partner may have seen it. The largest before the import is kept aside (a row that
 * is no synced table), so it stays in our vector and ahead of our clock. Those the triggers make
 * during the import and the import replaces never left this file.
 */
async function guardarPropio(db: Db, antes: string | null): Promise<void> {
  if (!antes) return
  await sql`insert into sellos (tabla, fila_id, campo, sello)
    values (${PROPIO}, ${PROPIO}, ${PROPIO}, ${antes})
    on conflict (tabla, fila_id, campo) do update
    set sello = case when excluded.sello > sellos.sello then excluded.sello else sellos.sello end`.execute(
    db
  )
}

async function mayorPropio(db: Db): Promise<string | null> {
  const { rows } = await sql<{ sello: string | null }>`select max(sello) as sello from sellos
    where sello like '%-' || (select id from instalacion)`.execute(db)
  return rows[0]?.sello ?? null
}

async function selloDe(db: Db, tabla: string, filaId: string, campo: string) {
  const s = await db
    .selectFrom('sellos')
    .select('sello')
    .where('tabla', '=', tabla)
    .where('fila_id', '=', filaId)
    .where('campo', '=', campo)
    .executeTakeFirst()
  return s?.sello
}

/**
 * A new local stamp on a field: "mine" chosen in a conflict is a change that saw both. Keeping
 * a row they deleted stamps its every field, so the row travels whole to them again.
 */
async function resellar(db: Db, f: DecisionDeFila, campo: string) {
  const campos = campo === BORRADO ? [BORRADO, ...Object.keys(f.local ?? {})] : [campo]
  for (const c of new Set(campos)) await sellarAqui(db, f.tabla, f.filaId, c)
}

/** A field changed here during the import (a session renumbered): a new stamp of this side. */
export async function sellarAqui(db: Db, tabla: string, filaId: string, campo: string) {
  await sql`insert into sellos (tabla, fila_id, campo, sello)
    select ${tabla}, ${filaId}, ${campo}, ${sql.raw(SELLO_0014)} where true
    on conflict (tabla, fila_id, campo) do update set sello = excluded.sello`.execute(db)
}

/** A row new here (or back), under its id, with this side's bookkeeping stamps. */
async function insertar(db: Db, f: DecisionDeFila, valores: Record<string, unknown>) {
  const todos = { ...valores, id: f.filaId, created_at: nowStamp(), updated_at: nowStamp() }
  const cols = Object.keys(todos)
  await sql`insert into ${sql.table(f.tabla)} (${sql.join(cols.map((c) => sql.ref(c)))})
    values (${sql.join(cols.map((c) => todos[c as keyof typeof todos]))})`.execute(db)
}

async function escribirFila(
  db: Db,
  f: DecisionDeFila,
  campos: string[],
  viva = f.local !== undefined && f.local[BORRADO]?.valor !== 'true'
): Promise<void> {
  campos = campos.filter((c) => c !== FILA_0014)
  const valores = Object.fromEntries(campos.map((c) => [c, JSON.parse(f.remota[c]!.valor)]))
  if (viva) {
    if (campos.length) {
      const sets = sql.join(campos.map((c) => sql`${sql.ref(c)} = ${valores[c]}`))
      await sql`update ${sql.table(f.tabla)} set ${sets}, updated_at = ${nowStamp()}
        where id = ${f.filaId}`.execute(db)
    }
    return
  }
  // A row deleted here that they brought back: as it was here, their fields on top.
  const antes = f.local?.[BORRADO] ? await antesDeBorrar(db, f.tabla, f.filaId) : null
  const creada = antes ? await selloDe(db, f.tabla, f.filaId, FILA_0014) : undefined
  await insertar(db, f, { ...antes, ...valores })
  const primero = Object.values(f.remota).reduce((m, v) => (v.sello < m ? v.sello : m), '~')
  await sellar(db, f.tabla, f.filaId, FILA_0014, f.remota[FILA_0014]?.sello ?? creada ?? primero)
}

/** The fields written with their stamps as they made them (not those stamped as ours). */
async function sellarSuyos(db: Db, f: DecisionDeFila, campos: readonly string[]) {
  for (const c of campos)
    if (!f.propios?.includes(c)) await sellar(db, f.tabla, f.filaId, c, f.remota[c]!.sello)
}

/** The fields of one row to write: those taken and the conflicts resolved as theirs. */
export function aTomar(
  f: DecisionDeFila,
  elecciones: Readonly<Record<string, Eleccion>>
): string[] {
  return [
    ...f.tomar,
    ...f.conflictos.filter((c) => elecciones[claveCampo(f.tabla, f.filaId, c)] === 'suyo')
  ]
}

/**
 * A row deleted here and changed there unseen, the conflict decided: 'mio' keeps it deleted (the
 * deletion stamped again, so it travels as a change that saw theirs); 'suyo' brings it back as it
 * was here when deleted (the history's copy) with their changes on top. Undefined otherwise.
 */
export function borradaAqui(
  f: DecisionDeFila,
  elecciones: Readonly<Record<string, Eleccion>>
): Eleccion | undefined {
  if (!f.conflictos.includes(BORRADO) || f.local?.[BORRADO]?.valor !== 'true') return undefined
  return f.remota[BORRADO]?.valor === 'false'
    ? undefined
    : elecciones[claveCampo(f.tabla, f.filaId, BORRADO)]
}

/** The row as it was here when deleted, their changed fields on top (null: no copy kept). */
export async function revivida(db: Db, f: DecisionDeFila): Promise<Record<string, unknown> | null> {
  const antes = await antesDeBorrar(db, f.tabla, f.filaId)
  if (!antes) return null
  const suyos = Object.entries(f.remota).filter(([c]) => /^[a-z_]+$/.test(c) && c !== BORRADO)
  return { ...antes, ...Object.fromEntries(suyos.map(([c, v]) => [c, JSON.parse(v.valor)])) }
}

async function revivir(db: Db, f: DecisionDeFila): Promise<void> {
  const fila = await revivida(db, f)
  if (!fila) {
    throw new AppError(
      'conflicto',
      `No se sabe cómo era la fila de ${f.tabla} ${f.filaId} al borrarla aquí: elija «el mío» en ese conflicto.`
    )
  }
  const previos = await db
    .selectFrom('sellos')
    .select(['campo', 'sello'])
    .where('tabla', '=', f.tabla)
    .where('fila_id', '=', f.filaId)
    .execute()
  await insertar(db, f, fila)
  // Its stamps as before (its creation too), theirs where they changed it; alive again now.
  for (const p of previos)
    if (p.campo !== BORRADO) await sellar(db, f.tabla, f.filaId, p.campo, p.sello)
  for (const [c, v] of Object.entries(f.remota))
    if (c !== BORRADO && /^[a-z_]+$/.test(c)) await sellar(db, f.tabla, f.filaId, c, v.sello)
  await sellarAqui(db, f.tabla, f.filaId, BORRADO)
}

/**
 * The choices with those of the rows under a deleted one (dependientes.ts): each row follows
 * its deletion's conflict.
 */
function conSeguidas(
  filas: readonly DecisionDeFila[],
  elecciones: Readonly<Record<string, Eleccion>>
): Readonly<Record<string, Eleccion>> {
  const r = { ...elecciones }
  for (const f of filas) {
    const e = f.sigue ? elecciones[f.sigue] : undefined
    if (e) r[claveCampo(f.tabla, f.filaId, BORRADO)] = e
  }
  return r
}

/** A new row under a row kept deleted here: kept as deleted too (a new stamp of ours). */
const descartada = (f: DecisionDeFila, e: Readonly<Record<string, Eleccion>>) =>
  f.sigue !== undefined && f.local === undefined && e[f.sigue] === 'mio'

export async function aplicar(
  db: Db,
  filas: readonly DecisionDeFila[],
  todas: Readonly<Record<string, Eleccion>>
): Promise<void> {
  const elecciones = conSeguidas(filas, todas)
  const propio = await mayorPropio(db)
  await diferirForaneas(db)
  const alFinal: { f: DecisionDeFila; campos: string[] }[] = []
  const suyos: [DecisionDeFila, string][] = []
  // Parents before their rows (a package lists its tables by name): the derived tables' triggers
  // (acuerdos_cierre, avance_fechas) read an acuerdo's or a report's session when it is written.
  for (const f of await enOrden(db, filas, (f) => aTomar(f, elecciones))) {
    if (descartada(f, elecciones)) {
      await sellarAqui(db, f.tabla, f.filaId, BORRADO)
      continue
    }
    const borrada = borradaAqui(f, elecciones)
    if (borrada) {
      if (borrada === 'mio') await resellar(db, f, BORRADO)
      else await revivir(db, f)
      continue
    }
    const campos = aTomar(f, elecciones)
    const borrar = campos.includes(BORRADO) && f.remota[BORRADO]?.valor === 'true'
    if (borrar) {
      await sql`delete from ${sql.table(f.tabla)} where id = ${f.filaId}`.execute(db)
      await sql`insert into tombstones (id, tabla, deleted_at)
        values (${f.filaId}, ${f.tabla}, ${nowStamp()}) on conflict do nothing`.execute(db)
    } else {
      const sello =
        f.tabla === 'sesiones' && f.remota['estado']?.valor === '"aprobada"'
          ? campos.filter((c) => SELLO_SESION.includes(c))
          : []
      await escribirFila(
        db,
        f,
        campos.filter((c) => c !== BORRADO && !sello.includes(c))
      )
      if (sello.length) alFinal.push({ f, campos: sello })
    }
    await sellarSuyos(db, f, campos)
    for (const c of f.conflictos) {
      const e = elecciones[claveCampo(f.tabla, f.filaId, c)]
      if (e === 'mio') await resellar(db, f, c)
      else if (e === 'suyo') suyos.push([f, c])
    }
  }
  for (const { f, campos } of alFinal) await escribirFila(db, f, campos, true)
  for (const { f, campos } of alFinal) await sellarSuyos(db, f, campos)
  // Theirs chosen is a change here too, made having seen both: a new stamp of ours. With their
  // stamp, two sides that each chose the other's value would keep them swapped, unseen.
  for (const [f, c] of suyos) await sellarAqui(db, f.tabla, f.filaId, c)
  // An approved acta's rows set as sealed there, over our unseen edits: a change of ours.
  for (const f of filas) for (const c of f.propios ?? []) await sellarAqui(db, f.tabla, f.filaId, c)
  await guardarPropio(db, propio)
}
