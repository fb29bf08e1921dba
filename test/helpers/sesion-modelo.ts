import fc from 'fast-check'
import { expect } from 'vitest'
import type { AcuerdoEstado, SesionDetalle, SesionEstado } from '../../src/shared/domain/sesiones'
import type { ApiResult, ErrorCode } from '../../src/shared/api/result'
import type { caller } from './sesiones'
import type { TestApp } from './db'

/**
 * A simple in-memory model of one instancia's sessions, for the model-based test: what the
 * secretary did, and what the API must therefore show. Just enough to predict every answer.
 */
export interface AcuerdoM {
  id: string
  texto: string
  /** Follow-ups by the session that recorded them; seq orders two of the same date. */
  segs: Map<string, { fecha: string; seq: number; estado: AcuerdoEstado }>
}

export interface SesionM {
  id: string
  tipo: 'ordinaria' | 'extraordinaria'
  fecha: string
  numero: number
  estado: SesionEstado
  acuerdos: AcuerdoM[]
  asistencia: { id: string; estado: string; invitado: boolean; institucion: string }[]
  puntos: { id: string; titulo: string; desarrollo: string }[]
  avances: Map<string, { estado: string; porcentaje: number | null }>
  erratas: number
  aprobadaEn: string | null
  /** The hash the approval returned: it must never change afterwards. */
  hash: string | null
  /** Numbered out of date order with the secretary's consent: the number shown then stays. */
  fueraAceptada?: boolean
}

export interface Modelo {
  sesiones: SesionM[]
  seq: number
}

export interface Real {
  t: TestApp
  api: ReturnType<typeof caller>
  instanciaId: string
  /** The instancia's acciones: progress can be reported on them. */
  acciones: string[]
}

export const nuevoModelo = (): Modelo => ({ sesiones: [], seq: 0 })

/** The session an index names (indices are drawn before the sessions exist). */
export const sesionEn = (m: Modelo, i: number): SesionM | undefined =>
  m.sesiones.length ? m.sesiones[i % m.sesiones.length] : undefined

/** The acuerdo's state: its last follow-up, by session date (then order of recording). */
export function estadoAcuerdo(a: AcuerdoM): AcuerdoEstado {
  const segs = [...a.segs.values()].sort((x, y) =>
    x.fecha === y.fecha ? x.seq - y.seq : x.fecha < y.fecha ? -1 : 1
  )
  return segs.at(-1)?.estado ?? 'pendiente'
}

/** What the model says sesion:obtener must show, in the shape read back from the API. */
export function vistaModelo(s: SesionM) {
  return {
    estado: s.estado,
    editable: s.estado === 'borrador',
    numero: s.numero,
    fecha: s.fecha,
    aprobadaEn: s.aprobadaEn,
    hash: s.hash,
    acuerdos: s.acuerdos.map((a, i) => [i + 1, a.texto, estadoAcuerdo(a)]),
    asistencia: s.asistencia.map((a) => [a.id, a.estado, a.invitado]),
    puntos: s.puntos.map((p) => [p.id, p.titulo, p.desarrollo]),
    avances: [...s.avances].map(([id, a]) => [id, a.estado, a.porcentaje]).sort(),
    erratas: s.erratas
  }
}

export function vistaReal(d: SesionDetalle): ReturnType<typeof vistaModelo> {
  return {
    estado: d.sesion.estado,
    editable: d.editable,
    numero: d.sesion.numero,
    fecha: d.sesion.fecha,
    aprobadaEn: d.sesion.aprobadaEnSesionId,
    hash: d.sesion.hash,
    acuerdos: d.acuerdos.map((a) => [a.numero, a.texto, a.estado]),
    asistencia: d.asistencia.map((a) => [a.id, a.estado, a.calidad === 'invitado']),
    puntos: d.puntos.map((p) => [p.id, p.titulo, p.desarrollo]),
    avances: d.avances
      .filter((a) => a.estado !== null)
      .map((a) => [a.accionId, a.estado, a.porcentaje])
      .sort(),
    erratas: d.erratas.length
  }
}

/**
 * The answer the model predicts: success, or a refusal with this code. Returns the value of
 * a success (null for methods that answer null), undefined for a refusal.
 */
export function esperar<T>(
  r: ApiResult<T>,
  esperado: 'ok' | ErrorCode,
  que: string
): T | undefined {
  if (esperado === 'ok') {
    expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`, que).toBe('ok')
    return r.ok ? r.value : undefined
  }
  expect(r.ok ? 'ok' : r.error.code, que).toBe(esperado)
  return undefined
}

/**
 * After every command: the list shows exactly the model's sessions (state, number, acuerdos),
 * and every session read back in detail equals the model's view of it.
 */
export async function verificar(m: Modelo, r: Real): Promise<void> {
  const lista = await r.api.ok('sesion:listar', { instanciaId: r.instanciaId })
  const porId = new Map(m.sesiones.map((s) => [s.id, s]))
  expect(lista.map((s) => s.id).sort()).toEqual([...porId.keys()].sort())
  for (const l of lista) {
    const s = porId.get(l.id)!
    expect([l.estado, l.numero, l.acuerdos], l.titulo).toEqual([
      s.estado,
      s.numero,
      s.acuerdos.length
    ])
    const d = await r.api.ok('sesion:obtener', { id: s.id })
    expect(vistaReal(d), l.titulo).toEqual(vistaModelo(s))
  }
}

/** Successful steps by kind over the whole run: the interesting ones must have happened. */
export const hechos = new Map<string, number>()
export const hecho = (que: string): void => void hechos.set(que, (hechos.get(que) ?? 0) + 1)

export class Paso implements fc.AsyncCommand<Modelo, Real> {
  constructor(
    private readonly nombre: string,
    private readonly puede: (m: Readonly<Modelo>) => boolean,
    private readonly correr: (m: Modelo, r: Real) => Promise<void>
  ) {}
  check(m: Readonly<Modelo>): boolean {
    return this.puede(m)
  }
  async run(m: Modelo, r: Real): Promise<void> {
    await this.correr(m, r)
    await verificar(m, r)
  }
  toString(): string {
    return this.nombre
  }
}

export const hay = (m: Readonly<Modelo>): boolean => m.sesiones.length > 0
/** A write to an acta succeeds only while it is a draft; closed and approved ones refuse it. */
export const editable = (s: SesionM): 'ok' | ErrorCode =>
  s.estado === 'borrador' ? 'ok' : 'solo_lectura'
export const texto = fc
  .tuple(
    fc.constantFrom('Cuenta', 'Informe PDI', 'Campaña «Trata»', 'Año 2014', 'Varios'),
    fc.nat(99)
  )
  .map(([a, n]) => `${a} ${n}`)
export const sinResponsable = { institucionId: null, personaId: null, plazo: null, accionId: null }
/**
 * The acta names who signs it, or approval is refused. In the model's instancia (Prevención,
 * nobody chosen in Asistencia) «Preside» names MININT and the secretaría de actas is SERNAM: a
 * member of each must be present.
 */
export const firman = (s: SesionM): boolean =>
  ['MININT', 'SERNAM'].every((i) =>
    s.asistencia.some((a) => !a.invitado && a.institucion === i && a.estado === 'presente')
  )
export const aprobadas = (m: Readonly<Modelo>): SesionM[] =>
  m.sesiones.filter((s) => s.estado === 'aprobada')

/**
 * The numbering rule, restated for the model: per type and year, sessions whose number an
 * approved acta prints (its own, or the session it names as approving it) keep it. The drafts,
 * in date order, take the numbers no such session holds, each after the last given in date order
 * (a kept number counts only if no later-dated kept number is smaller); a draft whose number would
 * not come before every kept number dated after it is out of order: the first time it takes a
 * number after all, later (fueraAceptada) it keeps it while still out of order. Returns the ids
 * out of order.
 */
export function numerarModelo(m: Modelo): string[] {
  // Finalized or approved: its number may already be on paper.
  const fija = (s: SesionM) =>
    s.estado !== 'borrador' ||
    m.sesiones.some((o) => o.estado === 'aprobada' && o.aprobadaEn === s.id)
  const fuera: string[] = []
  const grupos = new Map<string, SesionM[]>()
  for (const s of m.sesiones) {
    const k = `${s.tipo}/${s.fecha.slice(0, 4)}`
    grupos.set(k, [...(grupos.get(k) ?? []), s])
  }
  for (const g of grupos.values()) {
    const orden = g.sort((a, b) => (a.fecha < b.fecha ? -1 : 1))
    /** The drafts that cannot take their place by date; assigns the others if `dar`. */
    const pasada = (ocupados: number[], saltar: SesionM[], dar: boolean): SesionM[] => {
      const sinLugar: SesionM[] = []
      let n = 0
      orden.forEach((s, i) => {
        const luego = orden.slice(i + 1).filter(fija)
        if (fija(s)) n = luego.some((o) => o.numero < s.numero) ? n : Math.max(n, s.numero)
        else if (!saltar.includes(s)) {
          let c = n + 1
          while (ocupados.includes(c)) c++
          if (luego.some((o) => o.numero <= c)) sinLugar.push(s)
          else if (dar) s.numero = n = c
          else n = c
        }
      })
      return sinLugar
    }
    const fijos = orden.filter(fija).map((s) => s.numero)
    const quedan: SesionM[] = []
    for (const s of pasada(fijos, [], false))
      if (
        s.fueraAceptada &&
        s.numero > 0 &&
        ![...fijos, ...quedan.map((q) => q.numero)].includes(s.numero)
      )
        quedan.push(s)
    const sinLugar = pasada([...fijos, ...quedan.map((s) => s.numero)], quedan, true)
    let ultimo = Math.max(0, ...g.filter((s) => !sinLugar.includes(s)).map((s) => s.numero))
    for (const s of sinLugar) s.numero = ++ultimo
    const todos = orden.filter((s) => quedan.includes(s) || sinLugar.includes(s))
    for (const s of orden) s.fueraAceptada = todos.includes(s)
    fuera.push(...todos.map((s) => s.id))
  }
  return fuera
}
