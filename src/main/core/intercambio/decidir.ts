import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { filasLocales } from './campos'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { BORRADO, decidirFila, type DecisionFila, type Fila, type Vector } from './fusion'
import { leer } from './hlc'
import type { Remotas } from './alias'
import { conDependientes } from './dependientes-aqui'
import {
  aprobadasAlla,
  decidirSellada,
  rechazadasAlla,
  sobrantes,
  TABLAS_ACTA,
  type Rechazada
} from './selladas'

// What a package would do here, row by row (#16): the fields taken, the conflicts with both
// values, and the rows an approved acta keeps as they are. Nothing is written here.

export interface LadoConflicto {
  valor: unknown
  sello: string
  /** The installation that made the change (the stamp names it). */
  instalacion: string
  /** When, by that installation's clock (ISO-8601 UTC). */
  en: string
}

export interface Conflicto {
  clave: string
  tabla: string
  filaId: string
  campo: string
  mio: LadoConflicto
  suyo: LadoConflicto
}

export interface DecisionDeFila {
  tabla: string
  filaId: string
  local: Fila | undefined
  remota: Fila
  tomar: string[]
  conflictos: string[]
  /** Decided by another row's deletion conflict (its key): the row under it (dependientes.ts). */
  sigue?: string
  /**
   * Stamped as a change of ours: taken with their value (an approved acta's row, selladas.ts), or
   * kept against their deletion, or brought back, as an approved acta cites the row (citadas.ts).
   */
  propios?: string[]
}

export const claveCampo = (tabla: string, filaId: string, campo: string): string =>
  `${tabla}:${filaId}:${campo}`

function lado(v: { valor: string; sello: string }): LadoConflicto {
  const s = leer(v.sello)
  return {
    valor: JSON.parse(v.valor) as unknown,
    sello: v.sello,
    instalacion: s.instalacion,
    en: new Date(s.ms).toISOString()
  }
}

/** The sessions approved here, with their hashes: their rows are never merged. */
async function aprobadas(db: Kysely<Database>): Promise<Map<string, string | null>> {
  const filas = await db
    .selectFrom('sesiones')
    .select(['id', 'hash'])
    .where('estado', '=', 'aprobada')
    .execute()
  return new Map(filas.map((f) => [f.id, f.hash]))
}

/** Deleted here, changed there: their side of the row's conflict is "alive", as of their change. */
function vivaAlla(remota: Fila): LadoConflicto {
  const ultimo = Object.values(remota).reduce((m, v) => (v.sello > m ? v.sello : m), '')
  return lado({ valor: 'false', sello: ultimo })
}

const valorDe = (f: Fila | undefined, campo: string): unknown =>
  f?.[campo] ? (JSON.parse(f[campo]!.valor) as unknown) : undefined

/** A partner's approved acta that cannot enter as it is: kept beside ours (actas_ajenas). */
export interface ActaDistinta {
  /** The partner's session: the same as here for 'version'. */
  sesionId: string
  /** The approved session here it meets: the same one, or the one holding its number. */
  sesionAquiId: string
  motivo: 'version' | 'numero'
  hashAqui: string | null
  hashAlla: string
}

export interface Decisiones {
  filas: DecisionDeFila[]
  conflictos: Conflicto[]
  /** Sessions approved here and there with different hashes: both kept, never merged. */
  actasDistintas: (ActaDistinta & { remota: Fila })[]
  /** Edits to an acta approved on one side that the exchange refused (selladas.ts). */
  rechazadas: Rechazada[]
}

/**
 * A seeded row matched by its natural key was created on each side with its own stamp, so an
 * edit on one side looks concurrent with the other's creation. A field still as created on one
 * side and edited on the other takes the edit; each side's creation stamp stays its own.
 */
function deSemilla(d: DecisionFila, local: Fila, remota: Fila): DecisionFila {
  const sinCambio = (f: Fila, c: string) => f[c]?.sello === f[FILA_0014]?.sello
  const tomar = d.tomar.filter((c) => c !== FILA_0014)
  const conflictos: string[] = []
  for (const c of d.conflictos) {
    if (c === FILA_0014) continue
    // Deleted here, never edited there since seeded: it stays deleted (the deletion travels).
    if (c === BORRADO && local[BORRADO]?.valor === 'true') {
      if (!Object.keys(remota).every((k) => k === BORRADO || sinCambio(remota, k)))
        conflictos.push(c)
      continue
    }
    // Deleted there, never edited here since seeded: the deletion is taken.
    const intacta = Object.keys(local).every((k) => k === BORRADO || sinCambio(local, k))
    if (c === BORRADO && intacta) tomar.push(c)
    else if (c === BORRADO) conflictos.push(c)
    else if (sinCambio(local, c) && !sinCambio(remota, c)) tomar.push(c)
    else if (!(sinCambio(remota, c) && !sinCambio(local, c))) conflictos.push(c)
  }
  return { tomar, conflictos }
}

/**
 * A row deleted here, not brought back there and no conflict: it stays deleted, so none of its
 * fields is written (the merge's model keeps a deleted row's fields; a table has no such row).
 */
function sinRevivir(local: Fila | undefined, remota: Fila, d: DecisionFila): DecisionFila {
  if (local?.[BORRADO]?.valor !== 'true' || d.conflictos.includes(BORRADO)) return d
  if (d.tomar.includes(BORRADO) && remota[BORRADO]?.valor === 'false') return d
  return { tomar: d.tomar.filter((c) => c === BORRADO), conflictos: d.conflictos }
}

/** A row of an acta approved here: never merged; another sealed version is kept apart. */
function selladaAqui(
  r: Decisiones,
  sesion: string,
  hashAqui: string | null,
  fila: { tabla: string; filaId: string; local: Fila | undefined; remota: Fila },
  mio: Vector,
  apruebanAlla: ReadonlySet<string>
): void {
  const { tabla, filaId, local, remota } = fila
  // Their edits to it, unless they sealed it too (then both versions are kept whole).
  if (!apruebanAlla.has(sesion))
    r.rechazadas.push(...rechazadasAlla(sesion, tabla, filaId, local, remota, mio))
  const hashAlla = tabla === 'sesiones' ? valorDe(remota, 'hash') : undefined
  if (typeof hashAlla === 'string' && hashAlla !== hashAqui) {
    const motivo = 'version'
    r.actasDistintas.push({
      sesionId: sesion,
      sesionAquiId: sesion,
      motivo,
      hashAqui,
      hashAlla,
      remota
    })
  }
}

/** One row's fields and conflicts, as `decidirFila` and the seeded-row rules give them. */
function decidirUna(
  r: Decisiones,
  f: { tabla: string; filaId: string; local: Fila | undefined; remota: Fila },
  mio: Vector,
  suyo: Vector,
  gemela: boolean
): void {
  const { tabla, filaId, local, remota } = f
  const decidida = gemela
    ? deSemilla(decidirFila(local, remota, mio, suyo), local!, remota)
    : decidirFila(local, remota, mio, suyo)
  const d = sinRevivir(local, remota, decidida)
  if (!d.tomar.length && !d.conflictos.length) return
  r.filas.push({ ...f, tomar: [...d.tomar], conflictos: [...d.conflictos] })
  for (const campo of d.conflictos) {
    const aqui =
      campo === BORRADO && !local![BORRADO] ? { valor: 'false', sello: '' } : local![campo]!
    r.conflictos.push({
      clave: claveCampo(tabla, filaId, campo),
      tabla,
      filaId,
      campo,
      mio: aqui.sello ? lado(aqui) : { valor: false, sello: '', instalacion: '', en: '' },
      suyo: remota[campo] ? lado(remota[campo]) : vivaAlla(remota)
    })
  }
}

export async function decidir(
  db: Kysely<Database>,
  remotas: Remotas,
  mio: Vector,
  suyo: Vector,
  /** `tabla:id` of the rows here matched to a partner's seeded row under another id. */
  gemelas: ReadonlySet<string> = new Set()
): Promise<Decisiones> {
  const selladas = await aprobadas(db)
  const apruebanAlla = aprobadasAlla(remotas.get('sesiones'))
  // Actas they approved and we did not: their rows here become as sealed (selladas.ts).
  const aSellar = new Set([...apruebanAlla].filter((id) => !selladas.has(id)))
  const vistas = new Set<string>()
  const r: Decisiones = { filas: [], conflictos: [], actasDistintas: [], rechazadas: [] }
  for (const [tabla, filas] of remotas) {
    const locales = await filasLocales(db, tabla, [...filas.keys()])
    const deActa = tabla === 'sesiones' || TABLAS_ACTA.includes(tabla)
    for (const [filaId, remota] of filas) {
      const local = locales.get(filaId)
      const f = { tabla, filaId, local, remota }
      const sesion =
        tabla === 'sesiones'
          ? filaId
          : (valorDe(local, 'sesion_id') ?? valorDe(remota, 'sesion_id'))
      if (typeof sesion === 'string' && selladas.has(sesion)) {
        selladaAqui(r, sesion, selladas.get(sesion)!, f, mio, apruebanAlla)
      } else if (typeof sesion === 'string' && deActa && aSellar.has(sesion)) {
        vistas.add(`${tabla}:${filaId}`)
        const d = decidirSellada(sesion, tabla, filaId, local, remota, suyo)
        if (d.fila) r.filas.push(d.fila)
        r.rechazadas.push(...d.rechazadas)
      } else decidirUna(r, f, mio, suyo, gemelas.has(`${tabla}:${filaId}`))
    }
  }
  const sobran = await sobrantes(db, aSellar, vistas)
  r.filas.push(...sobran.filas)
  r.rechazadas.push(...sobran.rechazadas)
  return conDependientes(db, r, suyo)
}

export interface ResumenTabla {
  tabla: string
  agregadas: number
  modificadas: number
  borradas: number
}

/** Added / changed / deleted per table, as the preview shows it. */
export function resumir(d: Decisiones): ResumenTabla[] {
  const r = new Map<string, ResumenTabla>()
  for (const f of d.filas) {
    if (!f.tomar.length) continue
    const t = r.get(f.tabla) ?? { tabla: f.tabla, agregadas: 0, modificadas: 0, borradas: 0 }
    const viva = f.local !== undefined && f.local[BORRADO]?.valor !== 'true'
    if (f.tomar.includes(BORRADO) && f.remota[BORRADO]!.valor === 'true') {
      if (viva) t.borradas++
    } else if (viva) {
      // The same seeded value under a later stamp is no change worth showing.
      if (f.tomar.some((c) => f.local?.[c]?.valor !== f.remota[c]!.valor)) t.modificadas++
    } else t.agregadas++
    r.set(f.tabla, t)
  }
  return [...r.values()].filter((t) => t.agregadas + t.modificadas + t.borradas > 0)
}
