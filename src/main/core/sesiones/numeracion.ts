import type { Kysely, Transaction } from 'kysely'
import type { Database, SesionRow } from '../db/schema'
import { nowStamp } from '../db/ids'
import { conflict } from '../errors'
import { tituloSesion } from '../../../shared/domain/sesiones'

type Db = Kysely<Database> | Transaction<Database>

/** Sessions are numbered per instancia, type and year: "Sesión Ordinaria N° 3/2014". */
export const anioDe = (fecha: string): number => Number(fecha.slice(0, 4))

/** The field a refusal names when a back-dated session cannot take its place among approved numbers. */
export const CAMPO_FUERA_DE_ORDEN = 'fueraDeOrden'

type Fila = Pick<SesionRow, 'id' | 'numero' | 'fecha' | 'created_at' | 'estado'>

/**
 * Numbers in date order: approved sessions keep theirs (printed on a sealed acta); the others
 * take, in date order, the next number that still fits before the next approved one. A session
 * that cannot fit (a back-dated one behind approved numbers) is left "fuera de orden" and takes
 * a number after all the others.
 */
export function numerosEnOrden(filas: readonly Fila[]): {
  numeros: Map<string, number>
  fueraDeOrden: string[]
} {
  const orden = [...filas].sort(
    (a, b) =>
      a.fecha.localeCompare(b.fecha) ||
      a.created_at.localeCompare(b.created_at) ||
      a.id.localeCompare(b.id)
  )
  const fijos = new Set(orden.filter((f) => f.estado === 'aprobada').map((f) => f.numero))
  const numeros = new Map<string, number>()
  const fuera: string[] = []
  let n = 0
  orden.forEach((f, i) => {
    if (f.estado === 'aprobada') {
      n = Math.max(n, f.numero)
      numeros.set(f.id, f.numero)
      return
    }
    const tope = Math.min(
      ...orden
        .slice(i + 1)
        .filter((g) => g.estado === 'aprobada')
        .map((g) => g.numero)
    )
    const candidato = n + 1
    if (candidato >= tope || fijos.has(candidato)) {
      fuera.push(f.id)
      return
    }
    numeros.set(f.id, candidato)
    n = candidato
  })
  let siguiente = Math.max(0, ...numeros.values())
  for (const id of fuera) numeros.set(id, ++siguiente)
  return { numeros, fueraDeOrden: fuera }
}

type Grupo = { instanciaId: string; tipo: SesionRow['tipo']; anio: number }

const filasDe = (db: Db, grupo: Grupo) =>
  db
    .selectFrom('sesiones')
    .select(['id', 'tipo', 'numero', 'anio', 'fecha', 'created_at', 'estado'])
    .where('instancia_id', '=', grupo.instanciaId)
    .where('tipo', '=', grupo.tipo)
    .where('anio', '=', grupo.anio)
    .execute()

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
 */
export async function renumerar(
  db: Db,
  grupo: Grupo,
  pregunta?: { sesionId: string; aceptado: boolean; antes: ReadonlySet<string> }
): Promise<void> {
  const filas = await filasDe(db, grupo)
  const { numeros, fueraDeOrden } = numerosEnOrden(filas)
  const nuevas = fueraDeOrden.filter((id) => !pregunta?.antes.has(id))
  if (pregunta && !pregunta.aceptado && nuevas.length > 0) {
    const aprobados = filas
      .filter((f) => f.estado === 'aprobada')
      .map((f) => f.numero)
      .sort((a, b) => a - b)
    const otras = filas.filter((f) => f.id !== pregunta.sesionId && nuevas.includes(f.id))
    const nombres = otras.map((f) => `la ${tituloSesion(f)} (${fechaCl(f.fecha)})`).join(', ')
    const cuales = [nuevas.includes(pregunta.sesionId) ? 'esta sesión' : '', nombres]
      .filter(Boolean)
      .join(' y ')
    const nuevosN = nuevas.map((id) => numeros.get(id)).join(', ')
    throw conflict(
      `${otras.length ? 'Por las fechas' : 'Por su fecha'}, ${cuales} ${nuevas.length > 1 ? 'irían' : 'iría'} antes de actas ya aprobadas ` +
        `(N° ${aprobados.join(', ')}/${grupo.anio}), cuyos números no pueden cambiar. ` +
        `¿Numerar${nuevas.length > 1 ? 'las' : 'la'} a continuación, como N° ${nuevosN}/${grupo.anio}, fuera del orden de las fechas?`,
      CAMPO_FUERA_DE_ORDEN
    )
  }
  const cambian = filas.filter((f) => f.estado !== 'aprobada' && numeros.get(f.id) !== f.numero)
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
