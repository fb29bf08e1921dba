import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { FILA_0014 } from '../db/migrations/0014_sellos'
import { BORRADO, type Fila } from './fusion'
import { referencias } from './alias'
import type { Decisiones, DecisionDeFila } from './decidir'
import { aTomar, borradaAqui, revivida, type Eleccion } from './aplicar'

// Two laptops that each took "Sesión Ordinaria N° 3/2015" of the same instancia (#16): both
// sessions are kept. The number stays with the approved one, else the finalized one, else the one
// created first (the same rule on both sides, so both renumber the same session); the other takes
// the next number
// after every one in use. An approved acta is never renumbered: when both are approved, the
// partner's is kept aside whole (actas_ajenas), with every row that belongs to it.

export interface NumeroCambiado {
  sesionId: string
  instanciaId: string
  tipo: string
  anio: number
  antes: number
  despues: number
  /** 'aqui': a session already in this database; 'alla': one arriving in the package. */
  lado: 'aqui' | 'alla'
}

interface Sesion {
  id: string
  instancia_id: string
  tipo: string
  anio: number
  numero: number
  aprobada: boolean
  /** Finalized or approved: its number may be printed already (sesiones/numeracion.ts). */
  fija: boolean
  /** Its creation stamp: the earlier keeps the number. */
  creada: string
  aqui: boolean
  fila?: DecisionDeFila
}

const CAMPOS = ['instancia_id', 'tipo', 'anio', 'numero', 'estado'] as const

async function actuales(db: Kysely<Database>): Promise<Sesion[]> {
  const filas = await db
    .selectFrom('sesiones as s')
    .leftJoin('sellos as l', (j) =>
      j.onRef('l.fila_id', '=', 's.id').on('l.tabla', '=', 'sesiones').on('l.campo', '=', FILA_0014)
    )
    .select(['s.id', 's.instancia_id', 's.tipo', 's.anio', 's.numero', 's.estado', 'l.sello'])
    .execute()
  return filas.map((f) => ({
    ...f,
    aprobada: f.estado === 'aprobada',
    fija: f.estado !== 'borrador',
    creada: f.sello ?? '',
    aqui: true
  }))
}

/** Each session as it will be once the package is written (rows deleted by it left out). */
async function finales(
  db: Kysely<Database>,
  aqui: readonly Sesion[],
  d: Decisiones,
  elecciones: Readonly<Record<string, Eleccion>>
): Promise<Map<string, Sesion>> {
  const r = new Map(aqui.map((s) => [s.id, s]))
  for (const f of d.filas) {
    if (f.tabla !== 'sesiones') continue
    const borrada = borradaAqui(f, elecciones)
    if (borrada === 'mio') continue
    const viva = borrada === 'suyo' ? await revivida(db, f) : null
    if (viva) {
      const { instancia_id, tipo, anio, numero } = viva as unknown as Sesion
      const creada = f.local?.[FILA_0014]?.sello ?? ''
      r.set(f.filaId, {
        id: f.filaId,
        instancia_id,
        tipo,
        anio,
        numero,
        creada,
        aprobada: false,
        fija: false,
        aqui: false,
        fila: f
      })
      continue
    }
    const campos = aTomar(f, elecciones)
    if (campos.includes(BORRADO) && f.remota[BORRADO]!.valor === 'true') {
      r.delete(f.filaId)
      continue
    }
    const base = r.get(f.filaId)
    if (!base && !CAMPOS.every((c) => campos.includes(c))) continue
    const v = (c: Exclude<(typeof CAMPOS)[number], 'estado'>): unknown =>
      campos.includes(c) ? JSON.parse(f.remota[c]!.valor) : base![c]
    const primero = Object.values(f.remota).reduce((m, x) => (x.sello < m ? x.sello : m), '~')
    const estado = campos.includes('estado')
      ? (JSON.parse(f.remota['estado']!.valor) as string)
      : null
    r.set(f.filaId, {
      id: f.filaId,
      instancia_id: v('instancia_id') as string,
      tipo: v('tipo') as string,
      anio: v('anio') as number,
      numero: v('numero') as number,
      aprobada: estado ? estado === 'aprobada' : base!.aprobada,
      fija: estado ? estado !== 'borrador' : base!.fija,
      creada: base?.creada ?? f.remota[FILA_0014]?.sello ?? primero,
      aqui: base?.aqui ?? false,
      fila: f
    })
  }
  return r
}

const grupo = (s: Sesion) => JSON.stringify([s.instancia_id, s.tipo, s.anio])

/**
 * Who keeps the number: approved first (ours before theirs), then finalized, then the first
 * created.
 */
const antes = (a: Sesion, b: Sesion): number =>
  Number(b.aprobada) - Number(a.aprobada) ||
  Number(b.aprobada && b.aqui) - Number(a.aprobada && a.aqui) ||
  Number(b.fija) - Number(a.fija) ||
  a.creada.localeCompare(b.creada) ||
  a.id.localeCompare(b.id)

export interface Numeros {
  cambios: NumeroCambiado[]
  /** The partner's approved sessions whose number an approved acta here holds, and that one. */
  apartadas: { fila: DecisionDeFila; sesionAquiId: string }[]
  /**
   * Sessions here whose number the import changes: moved out of the way first, as SQLite checks
   * the unique number at each statement (two sessions trading numbers would meet halfway).
   */
  mover: string[]
}

/** The sessions that would share a number once the package is written, and what each does. */
export async function resolverNumeros(
  db: Kysely<Database>,
  d: Decisiones,
  elecciones: Readonly<Record<string, Eleccion>>
): Promise<Numeros> {
  const aqui = await actuales(db)
  const despues = await finales(db, aqui, d, elecciones)
  // A new number after every one in use, now or once written: no write meets another's number.
  const mayor = new Map<string, number>()
  for (const s of [...aqui, ...despues.values()])
    mayor.set(grupo(s), Math.max(mayor.get(grupo(s)) ?? 0, s.numero))
  const porNumero = new Map<string, Sesion[]>()
  for (const s of despues.values()) {
    const k = JSON.stringify([s.instancia_id, s.tipo, s.anio, s.numero])
    porNumero.set(k, [...(porNumero.get(k) ?? []), s])
  }
  const r: Numeros = { cambios: [], apartadas: [], mover: [] }
  for (const mismas of porNumero.values()) {
    const [queda, ...otras] = mismas.sort(antes)
    for (const s of otras) {
      if (s.aprobada) {
        if (s.fila && !s.aqui) r.apartadas.push({ fila: s.fila, sesionAquiId: queda!.id })
        continue
      }
      const n = mayor.get(grupo(s))! + 1
      mayor.set(grupo(s), n)
      const { id: sesionId, instancia_id: instanciaId, tipo, anio, numero } = s
      const lado = s.aqui ? 'aqui' : 'alla'
      r.cambios.push({ sesionId, instanciaId, tipo, anio, antes: numero, despues: n, lado })
    }
  }
  const ahora = new Map(aqui.map((s) => [s.id, s.numero]))
  const renumeradas = new Set(r.cambios.map((c) => c.sesionId))
  r.mover = [
    ...[...despues.values()]
      .filter((s) => ahora.has(s.id) && (ahora.get(s.id) !== s.numero || renumeradas.has(s.id)))
      .map((s) => s.id),
    // Deleted by the package: its number is free before the row is gone.
    ...aqui.filter((s) => !despues.has(s.id)).map((s) => s.id)
  ]
  return r
}

/** The decisions with each renumbered session's number as it will be written. */
export function conNumeros(d: Decisiones, cambios: readonly NumeroCambiado[]): Decisiones {
  const nuevo = new Map(cambios.map((c) => [c.sesionId, c.despues]))
  const filas = d.filas.map((f) => {
    const n = f.tabla === 'sesiones' ? nuevo.get(f.filaId) : undefined
    if (n === undefined) return f
    // Stamped again as this side's change once written (importar).
    const sello = f.remota['numero']?.sello ?? ''
    const remota: Fila = { ...f.remota, numero: { valor: String(n), sello } }
    return { ...f, remota }
  })
  return { ...d, filas }
}

/**
 * The decisions without the sessions kept aside and every row that belongs to them or points at
 * one of those rows (an acuerdo, its follow-up in another session…): none of them exists here.
 */
export async function sinApartadas(
  db: Kysely<Database>,
  d: Decisiones,
  sesiones: ReadonlySet<string>
): Promise<Decisiones> {
  if (!sesiones.size) return d
  const fuera = new Set([...sesiones].map((id) => `sesiones:${id}`))
  const refs = new Map<string, Map<string, string>>()
  for (const t of new Set(d.filas.map((f) => f.tabla))) refs.set(t, await referencias(db, t))
  const apunta = (f: DecisionDeFila) =>
    [...refs.get(f.tabla)!].some(([col, t]) => {
      const v = f.remota[col] ?? f.local?.[col]
      return v !== undefined && fuera.has(`${t}:${JSON.parse(v.valor) as string}`)
    })
  for (let cambio = true; cambio;) {
    cambio = false
    for (const f of d.filas) {
      if (fuera.has(`${f.tabla}:${f.filaId}`) || !apunta(f)) continue
      fuera.add(`${f.tabla}:${f.filaId}`)
      cambio = true
    }
  }
  const queda = (tabla: string, filaId: string) => !fuera.has(`${tabla}:${filaId}`)
  return {
    ...d,
    filas: d.filas.filter((f) => queda(f.tabla, f.filaId)),
    conflictos: d.conflictos.filter((c) => queda(c.tabla, c.filaId))
  }
}
