import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { filasLocales, TABLAS_SINCRONIZADAS, vectorConocido, vectorPropio } from './campos'
import { BORRADO, conoce, unir, type Vector } from './fusion'
import { leer } from './hlc'
import type { Remotas } from './alias'
import type { Decisiones } from './decidir'

// What this installation knows it has received (#16, migration 0017), apart from what partners
// say they know. A package's vector is the sender's claim: taken as ours, a crafted one saying it
// had seen A's changes up to the largest stamp made every later edit of A look old here, and we
// passed the claim on in our own packages. So only the stamps a package carries advance what we
// know, never further than its vector says; our own entry is our largest stamp when we last
// exported or imported, so a partner supposing more saw a later state of this file.

type Db = Kysely<Database> | Transaction<Database>

/**
 * The part of a package's vector its own stamps back: for each other installation, up to the
 * largest stamp of it the package carries, never past what the vector claims.
 */
export function respaldado(vector: Vector, sellos: Iterable<string>, yo: string): Vector {
  const mayor = new Map<string, string>()
  for (const s of sellos) {
    const i = leer(s).instalacion
    if (i !== yo && !(mayor.get(i)! >= s)) mayor.set(i, s)
  }
  const r: Record<string, string> = {}
  for (const [i, s] of mayor) {
    const tope = vector[i]
    if (tope !== undefined) r[i] = tope < s ? tope : s
  }
  return r
}

async function conocidoGuardado(db: Db): Promise<Vector> {
  const { conocido } = await db
    .selectFrom('instalacion')
    .select('conocido')
    .executeTakeFirstOrThrow()
  return JSON.parse(conocido) as Vector
}

/** Adds `v` and our own largest stamp to what this installation knows it has. */
export async function avanzarConocido(db: Db, v: Vector = {}): Promise<void> {
  const nuevo = unir(unir(await conocidoGuardado(db), await vectorPropio(db)), v)
  await db
    .updateTable('instalacion')
    .set({ conocido: JSON.stringify(nuevo) })
    .execute()
}

/**
 * Whether a package's base (what the sender believes we had) goes beyond this file: a stamp of
 * another installation we never received, or one of ours later than any we had when we last
 * exported or imported (a backup restored here since, even if we made new changes after it).
 */
export async function baseAjena(db: Db, base: Vector): Promise<boolean> {
  const yo = (await db.selectFrom('instalacion').select('id').executeTakeFirstOrThrow()).id
  const mio = await vectorConocido(db)
  const propio = (await conocidoGuardado(db))[yo]
  return Object.entries(base).some(([i, s]) =>
    i === yo ? propio === undefined || s > propio : !conoce(mio, s)
  )
}

/**
 * Changes the sender made and this side received that its package should carry and does not:
 * it claims to know them, our stamp of them is one it had not seen by the base, yet the field is
 * missing or older. The sender lost them (a backup restored there). How many, 0 if none.
 */
export async function perdidasDelRemitente(
  db: Db,
  remitente: string,
  base: Vector,
  vector: Vector,
  remotas: Remotas
): Promise<number> {
  const hasta = vector[remitente]
  if (hasta === undefined) return 0
  const desde = base[remitente] ?? ''
  let n = 0
  for (const tabla of TABLAS_SINCRONIZADAS) {
    const { rows } = await sql<{ fila_id: string; campo: string; sello: string }>`
      select s.fila_id, s.campo, s.sello from sellos s join ${sql.table(tabla)} t on t.id = s.fila_id
      where s.tabla = ${tabla} and s.sello like ${'%-' + remitente}
        and s.sello > ${desde} and s.sello <= ${hasta}`.execute(db)
    const filas = remotas.get(tabla)
    for (const r of rows) {
      const f = filas?.get(r.fila_id)
      // Missing, or older than ours: unless they deleted the row since.
      const suyo = f?.[r.campo]?.sello
      if ((suyo === undefined || suyo < r.sello) && f?.[BORRADO]?.valor !== 'true') n++
    }
  }
  return n
}

/**
 * Our own changes that a full package brings back and this file no longer has (a backup restored
 * here): newer than our field, so taken. Our own stamps look known here (our clock went on after
 * the restore), so the field-by-field decision would leave them out.
 */
export async function recuperarPropias(
  db: Db,
  remotas: Remotas,
  d: Decisiones,
  yo: string
): Promise<Decisiones> {
  const aprobadas = new Set(
    (await db.selectFrom('sesiones').select('id').where('estado', '=', 'aprobada').execute()).map(
      (s) => s.id
    )
  )
  const propio = (s: string) => s.endsWith(`-${yo}`)
  const filas = [...d.filas]
  for (const [tabla, porId] of remotas) {
    const ids = [...porId].filter(([, f]) => Object.values(f).some((v) => propio(v.sello)))
    if (!ids.length) continue
    const locales = await filasLocales(
      db,
      tabla,
      ids.map(([id]) => id)
    )
    for (const [filaId, remota] of ids) {
      const local = locales.get(filaId)
      if (!local || local[BORRADO]?.valor === 'true') continue
      const sesion = tabla === 'sesiones' ? filaId : local['sesion_id']?.valor
      if (sesion && aprobadas.has(tabla === 'sesiones' ? sesion : (JSON.parse(sesion) as string)))
        continue
      const perdidos = Object.entries(remota)
        .filter(([c, v]) => propio(v.sello) && local[c] !== undefined && local[c].sello < v.sello)
        .map(([c]) => c)
      if (!perdidos.length) continue
      const i = filas.findIndex((f) => f.tabla === tabla && f.filaId === filaId)
      const f = filas[i] ?? { tabla, filaId, local, remota, tomar: [], conflictos: [] }
      const tomar = [...f.tomar, ...perdidos.filter((c) => !f.tomar.includes(c))]
      const nueva = { ...f, tomar, conflictos: f.conflictos.filter((c) => !tomar.includes(c)) }
      if (i < 0) filas.push(nueva)
      else filas[i] = nueva
    }
  }
  return { ...d, filas }
}
