import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { nowStamp } from '../db/ids'
import { conflict } from '../errors'
import { tituloSesion } from '../../../shared/domain/sesiones'

type Db = Kysely<Database> | Transaction<Database>

/** Sessions are numbered per instancia, type and year: "Sesión Ordinaria N° 3/2014". */
export const anioDe = (fecha: string): number => Number(fecha.slice(0, 4))

/** The field a refusal names when a back-dated session cannot take its place among approved numbers. */
export const CAMPO_FUERA_DE_ORDEN = 'fueraDeOrden'

type Fila = Pick<SesionRow, 'id' | 'numero' | 'fecha' | 'created_at' | 'estado'> & {
  /** The session an approved acta names as the one that approved it: its title is printed there. */
  citada?: boolean
}

/**
 * A number printed on an acta finalized or approved (it may have been sent round already): its
 * own, or that of the session an approved acta names.
 */
export const esFija = (f: Fila): boolean => f.estado !== 'borrador' || f.citada === true

/**
 * The numbering rule, per instancia, type and year. Fixed sessions (esFija) keep their number.
 * The drafts, in date order, take the free numbers (those no fixed session holds) one after the
 * other, each after the last number given in date order; a fixed session advances that count only
 * if it is itself in date order (no later fixed session has a smaller number), so a fixed number
 * out of order leaves no hole behind it. A draft whose next free number would not come before
 * the fixed sessions dated after it is "fuera de orden": the first time, it takes a number after
 * all the others (the one the secretary is shown and accepts); afterwards (`aceptadas`, the
 * sessions already out of order before the change) it keeps that number while it stays out of
 * order, and the drafts in order skip it.
 */
export function numerosEnOrden(
  filas: readonly Fila[],
  aceptadas: ReadonlySet<string> = new Set()
): { numeros: Map<string, number>; fueraDeOrden: string[] } {
  const orden = [...filas].sort(
    (a, b) =>
      a.fecha.localeCompare(b.fecha) ||
      a.created_at.localeCompare(b.created_at) ||
      a.id.localeCompare(b.id)
  )
  const fijas = orden.filter(esFija)
  const numeros = new Map(fijas.map((f) => [f.id, f.numero]))
  const primera = colocar(orden, new Set(numeros.values()), new Set())
  // Accepted out of order before and still so: its number stays, unless a fixed one took it.
  const guardadas = orden.filter(
    (f) => aceptadas.has(f.id) && primera.includes(f.id) && f.numero > 0
  )
  const tomados = new Set(numeros.values())
  for (const f of guardadas)
    if (!tomados.has(f.numero)) {
      tomados.add(f.numero)
      numeros.set(f.id, f.numero)
    }
  const aparte = new Set(guardadas.filter((f) => numeros.has(f.id)).map((f) => f.id))
  const fuera = colocar(orden, tomados, aparte, numeros)
  let siguiente = Math.max(0, ...numeros.values())
  for (const id of fuera) numeros.set(id, ++siguiente)
  return {
    numeros,
    fueraDeOrden: orden.filter((f) => aparte.has(f.id) || fuera.includes(f.id)).map((f) => f.id)
  }
}

/** One pass in date order: the drafts that take a free number in order, the ids that cannot. */
function colocar(
  orden: readonly Fila[],
  tomados: ReadonlySet<number>,
  aparte: ReadonlySet<string>,
  numeros = new Map<string, number>()
): string[] {
  const fuera: string[] = []
  let n = 0
  orden.forEach((f, i) => {
    const despues = orden.slice(i + 1).filter(esFija)
    if (esFija(f)) {
      if (!despues.some((g) => g.numero < f.numero)) n = Math.max(n, f.numero)
      return
    }
    if (aparte.has(f.id)) return
    let candidato = n + 1
    while (tomados.has(candidato)) candidato++
    if (despues.some((g) => g.numero <= candidato)) return void fuera.push(f.id)
    numeros.set(f.id, candidato)
    n = candidato
  })
  return fuera
}

type Grupo = { instanciaId: string; tipo: SesionRow['tipo']; anio: number }

const filasDe = async (db: Db, grupo: Grupo) =>
  (
    await db
      .selectFrom('sesiones as s')
      .select(['s.id', 's.tipo', 's.numero', 's.anio', 's.fecha', 's.created_at', 's.estado'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('sesiones as a')
              .select('a.id')
              .whereRef('a.aprobada_en_sesion_id', '=', 's.id')
              // An expression keeps SQLite off the estado index: with it, each row of the group
              // scanned every approved session of the database (numbering a new session cost
              // time proportional to the whole history); the aprobada_en index finds ~1 row.
              // (`|| ''`, not SQLite's unary plus, which PostgreSQL refuses on text.)
              .where(sql<string>`(${sql.ref('a.estado')} || '')`, '=', 'aprobada')
          )
          .as('citada')
      )
      .where('s.instancia_id', '=', grupo.instanciaId)
      .where('s.tipo', '=', grupo.tipo)
      .where('s.anio', '=', grupo.anio)
      .execute()
  ).map((f) => ({ ...f, citada: Boolean(f.citada) }))

/**
 * The sessions of a group already out of date order, read before a change: only a session the
 * change newly puts out of order is asked about (one accepted before is not asked again).
 */
export async function fueraDeOrdenActual(db: Db, grupo: Grupo): Promise<Set<string>> {
  return new Set(numerosEnOrden(await filasDe(db, grupo)).fueraDeOrden)
}

const fechaCl = (iso: string) => iso.split('-').reverse().join('-')

/**
 * Renumbers the drafts of one instancia, type and year after a session was created, moved or
 * removed. When the change puts any draft newly out of date order (approved numbers in its
 * way) the secretary is asked first, naming it: the refusal names the field `fueraDeOrden`.
 * `antes` (fueraDeOrdenActual, read before the change) are those accepted out of order: they
 * keep the number they were given.
 */
export async function renumerar(
  db: Db,
  grupo: Grupo,
  antes: ReadonlySet<string>,
  pregunta?: { sesionId: string; aceptado: boolean }
): Promise<void> {
  const filas = await filasDe(db, grupo)
  const { numeros, fueraDeOrden } = numerosEnOrden(filas, antes)
  const nuevas = fueraDeOrden.filter((id) => !antes.has(id))
  if (pregunta && !pregunta.aceptado && nuevas.length > 0) {
    // Only the fixed numbers the new dates precede are in the way.
    const desde = filas
      .filter((f) => nuevas.includes(f.id))
      .map((f) => f.fecha)
      .sort()[0]!
    const aprobados = filas
      .filter((f) => esFija(f) && f.fecha > desde)
      .map((f) => f.numero)
      .sort((a, b) => a - b)
    const otras = filas.filter((f) => f.id !== pregunta.sesionId && nuevas.includes(f.id))
    const nombres = otras.map((f) => `la ${tituloSesion(f)} (${fechaCl(f.fecha)})`).join(', ')
    const cuales = [nuevas.includes(pregunta.sesionId) ? 'esta sesión' : '', nombres]
      .filter(Boolean)
      .join(' y ')
    const nuevosN = nuevas.map((id) => numeros.get(id)).join(', ')
    throw conflict(
      `${otras.length ? 'Por las fechas' : 'Por su fecha'}, ${cuales} ${nuevas.length > 1 ? 'irían' : 'iría'} antes de sesiones cuyo número consta en actas ya finalizadas o aprobadas ` +
        `(N° ${aprobados.join(', ')}/${grupo.anio}), cuyos números no pueden cambiar. ` +
        `¿Numerar${nuevas.length > 1 ? 'las' : 'la'} a continuación, como N° ${nuevosN}/${grupo.anio}, fuera del orden de las fechas?`,
      CAMPO_FUERA_DE_ORDEN
    )
  }
  const cambian = filas.filter((f) => !esFija(f) && numeros.get(f.id) !== f.numero)
  if (cambian.length === 0) return
  const stamp = nowStamp()
  // Two steps, so that no intermediate state breaks the unique number of the group.
  for (const [i, f] of cambian.entries())
    await db
      .updateTable('sesiones')
      .set({ numero: -1 - i })
      .where('id', '=', f.id)
      .execute()
  for (const f of cambian)
    await db
      .updateTable('sesiones')
      .set({ numero: numeros.get(f.id)!, updated_at: stamp })
      .where('id', '=', f.id)
      .execute()
}

/** A free number for a row about to be placed: the group is renumbered right after. */
export async function siguienteNumero(
  db: Db,
  instanciaId: string,
  tipo: SesionRow['tipo'],
  anio: number
): Promise<number> {
  const r = await db
    .selectFrom('sesiones')
    .select((eb) => eb.fn.max('numero').as('n'))
    .where('instancia_id', '=', instanciaId)
    .where('tipo', '=', tipo)
    .where('anio', '=', anio)
    .executeTakeFirst()
  return Number(r?.n ?? 0) + 1
}
