import fc from 'fast-check'
import { expect } from 'vitest'
import {
  ACUERDO_ESTADOS,
  ASISTENCIA_ESTADOS,
  AVANCE_ESTADOS
} from '../../src/shared/domain/sesiones'
import {
  editable,
  esperar,
  hay,
  hecho,
  numerarModelo,
  Paso,
  sesionEn,
  sinResponsable,
  texto,
  type Modelo,
  type Real
} from './sesion-modelo'

/**
 * The steps of the model-based session test: what a secretary does to a session, each with
 * the answer the model predicts and the model's update; the API is read back after each.
 */
const iso = (dia: number): string => new Date(Date.UTC(2014, 0, 1 + dia)).toISOString().slice(0, 10)

/**
 * A new session on the first free day from `dia`: numbered in date order among the drafts of
 * its type and year; when approved numbers are in its way the API asks, and the step accepts.
 */
export async function crearSesion(
  m: Modelo,
  r: Real,
  tipo: 'ordinaria' | 'extraordinaria',
  desde: number
): Promise<void> {
  // One date per session: follow-ups and approvals are ordered by date, never tied.
  const usadas = new Set(m.sesiones.map((s) => s.fecha))
  let dia = desde
  while (usadas.has(iso(dia))) dia++
  const fecha = iso(dia)
  const input = { instanciaId: r.instanciaId, tipo, fecha, modalidad: 'presencial' as const }
  const r0 = await r.api.call('sesion:crear', input)
  const s = r0.ok
    ? r0.value
    : esperar(await r.api.call('sesion:crear', { ...input, fueraDeOrden: true }), 'ok', 'crear')!
  // Everyone attends at first (the marcar step changes that): an acta names who signs it.
  for (const a of (await r.api.ok('sesion:obtener', { id: s.id })).asistencia)
    await r.api.ok('asistencia:marcar', { id: a.id, estado: 'presente', motivo: '' })
  const d = await r.api.ok('sesion:obtener', { id: s.id })
  m.sesiones.push({
    ...{ id: s.id, tipo, fecha, numero: 0, estado: 'borrador', acuerdos: [], erratas: 0 },
    asistencia: d.asistencia.map((a) => ({
      id: a.id,
      estado: a.estado,
      invitado: false,
      institucion: a.institucion
    })),
    puntos: d.puntos.map((p) => ({ id: p.id, titulo: p.titulo, desarrollo: p.desarrollo })),
    ...{ avances: new Map(), aprobadaEn: null, hash: null }
  })
  const antes = new Set(m.sesiones.filter((o) => o.fueraAceptada).map((o) => o.id))
  const fuera = numerarModelo(m)
  // Asked first exactly when a session (this one or another draft) is newly out of date order.
  const pregunta = fuera.some((id) => !antes.has(id))
  expect(r0.ok ? 'ok' : r0.error.code, 'crear').toBe(pregunta ? 'conflicto' : 'ok')
  expect(s.numero, 'crear: N°').toBe(m.sesiones.at(-1)!.numero)
}

export const crear = fc
  .record({
    tipo: fc.constantFrom('ordinaria' as const, 'extraordinaria' as const),
    dia: fc.nat(300)
  })
  .map(
    ({ tipo, dia }) =>
      new Paso(
        `crear(${tipo}, ${dia})`,
        () => true,
        (m, r) => crearSesion(m, r, tipo, dia)
      )
  )

export const marcar = fc
  .record({ s: fc.nat(), a: fc.nat(), estado: fc.constantFrom(...ASISTENCIA_ESTADOS) })
  .map(
    ({ s: i, a, estado }) =>
      new Paso(`marcar(${i}, ${a}, ${estado})`, hay, async (m, r) => {
        const s = sesionEn(m, i)!
        const fila = s.asistencia[a % s.asistencia.length]!
        const r1 = await r.api.call('asistencia:marcar', { id: fila.id, estado, motivo: '' })
        if (esperar(r1, editable(s), 'marcar')) fila.estado = estado
      })
  )

export const invitar = fc.record({ s: fc.nat(), nombre: texto }).map(
  ({ s: i, nombre }) =>
    new Paso(`invitar(${i}, ${nombre})`, hay, async (m, r) => {
      const s = sesionEn(m, i)!
      const r1 = await r.api.call('asistencia:invitar', {
        sesionId: s.id,
        nombre,
        cargo: '',
        institucion: 'OIM'
      })
      const a = esperar(r1, editable(s), 'invitar')
      if (a) s.asistencia.push({ id: a.id, estado: a.estado, invitado: true, institucion: 'OIM' })
    })
)

export const punto = fc
  .record({ s: fc.nat(), p: fc.option(fc.nat()), titulo: texto, desarrollo: texto })
  .map(
    ({ s: i, p, titulo, desarrollo }) =>
      new Paso(`punto(${i}, ${p}, ${titulo})`, hay, async (m, r) => {
        const s = sesionEn(m, i)!
        if (p === null || s.puntos.length === 0) {
          const nuevo = esperar(
            await r.api.call('punto:crear', { sesionId: s.id, titulo }),
            editable(s),
            'punto:crear'
          )
          if (nuevo) s.puntos.push({ id: nuevo.id, titulo, desarrollo: '' })
          return
        }
        const fila = s.puntos[p % s.puntos.length]!
        const r1 = await r.api.call('punto:actualizar', { id: fila.id, titulo, desarrollo })
        if (esperar(r1, editable(s), 'punto:actualizar'))
          Object.assign(fila, { titulo, desarrollo })
      })
  )

export const avance = fc
  .record({
    s: fc.nat(),
    a: fc.nat(),
    estado: fc.constantFrom(...AVANCE_ESTADOS),
    pct: fc.option(fc.integer({ min: 0, max: 100 }))
  })
  .map(
    ({ s: i, a, estado, pct }) =>
      new Paso(`avance(${i}, ${a}, ${estado}, ${pct})`, hay, async (m, r) => {
        const s = sesionEn(m, i)!
        const accionId = r.acciones[a % r.acciones.length]!
        const r1 = await r.api.call('avance:guardar', {
          sesionId: s.id,
          accionId,
          estado,
          porcentaje: pct,
          reporte: 'Informado.'
        })
        if (esperar(r1, editable(s), 'avance') !== undefined)
          s.avances.set(accionId, { estado, porcentaje: pct })
      })
  )

export const acuerdo = fc
  // Creating half the time: actas with several acuerdos, so one in the middle gets deleted.
  .record({ s: fc.nat(), a: fc.option(fc.nat(), { freq: 2 }), texto, borrar: fc.boolean() })
  .map(
    ({ s: i, a, texto: t, borrar }) =>
      new Paso(`acuerdo(${i}, ${a}, ${t}, borrar ${borrar})`, hay, async (m, r) => {
        // Mostly in a draft (with acuerdos, to edit or delete), where it can succeed; one time
        // in four in any session, where a closed or approved acta must refuse it.
        const borradores = m.sesiones.filter((x) => x.estado === 'borrador')
        const con = borradores.filter((x) => x.acuerdos.length > 0)
        const lista = a !== null && con.length > 0 ? con : borradores
        const s = i % 4 !== 0 && lista.length > 0 ? lista[i % lista.length]! : sesionEn(m, i)!
        if (a === null || s.acuerdos.length === 0) {
          const nuevo = esperar(
            await r.api.call('acuerdo:crear', { sesionId: s.id, texto: t, ...sinResponsable }),
            editable(s),
            'acuerdo:crear'
          )
          if (!nuevo) return
          // Numbered in order within its acta: the next number, never reused while it exists.
          expect(nuevo.numero).toBe(s.acuerdos.length + 1)
          s.acuerdos.push({ id: nuevo.id, texto: t, segs: new Map() })
          return hecho('acuerdo creado')
        }
        const k = a % s.acuerdos.length
        const fila = s.acuerdos[k]!
        if (!borrar) {
          const r1 = await r.api.call('acuerdo:actualizar', {
            id: fila.id,
            texto: t,
            ...sinResponsable
          })
          if (esperar(r1, editable(s), 'acuerdo:actualizar')) fila.texto = t
          return
        }
        // An approved acta that followed it up keeps it: deleting would change that acta.
        const seguido = [...fila.segs.keys()].some(
          (id) => m.sesiones.find((x) => x.id === id)?.estado === 'aprobada'
        )
        const esperado = editable(s) === 'ok' && seguido ? 'conflicto' : editable(s)
        if (
          esperar(
            await r.api.call('acuerdo:eliminar', { id: fila.id }),
            esperado,
            'acuerdo:eliminar'
          )
        ) {
          s.acuerdos.splice(k, 1)
          hecho(k < s.acuerdos.length ? 'acuerdo eliminado antes de otro' : 'acuerdo eliminado')
        }
      })
  )

export const seguimiento = fc
  .record({ s: fc.nat(), a: fc.nat(), estado: fc.constantFrom(...ACUERDO_ESTADOS) })
  .map(
    ({ s: i, a, estado }) =>
      new Paso(
        `seguimiento(${i}, ${a}, ${estado})`,
        (m) => m.sesiones.some((s) => s.acuerdos.length > 0),
        async (m, r) => {
          const s = sesionEn(m, i)!
          const todos = m.sesiones.flatMap((o) => o.acuerdos.map((ac) => ({ o, ac })))
          const { o, ac } = todos[a % todos.length]!
          // Followed up in a later session of the same instancia, never in its own.
          const esperado =
            editable(s) !== 'ok' ? editable(s) : o === s || o.fecha > s.fecha ? 'conflicto' : 'ok'
          const r1 = await r.api.call('acuerdo:seguimiento', {
            sesionId: s.id,
            acuerdoId: ac.id,
            estado,
            nota: ''
          })
          if (esperar(r1, esperado, 'seguimiento') === undefined) return
          const previo = ac.segs.get(s.id)
          ac.segs.set(
            s.id,
            previo ? { ...previo, estado } : { fecha: s.fecha, seq: m.seq++, estado }
          )
          hecho('seguimiento')
        }
      )
  )
