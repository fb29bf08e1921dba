import fc from 'fast-check'
import { expect } from 'vitest'
import type { ErrorCode } from '../../src/shared/api/result'
import {
  aprobadas,
  editable,
  esperar,
  firman,
  hay,
  hecho,
  numerarModelo,
  Paso,
  type SesionM,
  sesionEn,
  sinResponsable,
  texto
} from './sesion-modelo'

/** The steps around approval: close, reopen, approve, fe de erratas, refused edits, delete. */
export const cerrar = fc.record({ s: fc.nat(), reabrir: fc.boolean() }).map(
  ({ s: i, reabrir }) =>
    new Paso(`${reabrir ? 'reabrir' : 'cerrar'}(${i})`, hay, async (m, r) => {
      const s = sesionEn(m, i)!
      if (reabrir) {
        const esperado = s.estado === 'aprobada' ? 'solo_lectura' : 'ok'
        if (esperar(await r.api.call('sesion:reabrir', { id: s.id }), esperado, 'reabrir')) {
          // A draft again: its number is no longer fixed.
          s.estado = 'borrador'
          numerarModelo(m)
        }
        return
      }
      if (esperar(await r.api.call('sesion:cerrar', { id: s.id }), editable(s), 'cerrar'))
        s.estado = 'cerrada'
    })
)

/** An acta is approved in a later meeting: a later date, or the same date and a higher N° of its tipo. */
const despues = (en: SesionM, s: SesionM): boolean =>
  en.fecha > s.fecha || (en.fecha === s.fecha && en.tipo === s.tipo && en.numero > s.numero)

export const aprobar = fc.record({ s: fc.nat(), en: fc.option(fc.nat()) }).map(
  ({ s: i, en }) =>
    new Paso(
      `aprobar(${i}, en ${en})`,
      (m) => m.sesiones.some((s) => s.estado === 'cerrada'),
      async (m, r) => {
        // Mostly a closed one: that is the approval that can succeed.
        const cerradas = m.sesiones.filter((s) => s.estado === 'cerrada')
        const s = i % 4 === 0 ? sesionEn(m, i)! : cerradas[i % cerradas.length]!
        const donde = en === null ? null : sesionEn(m, en)!
        // Without a later session the input itself is refused, before the session is read.
        const esperado: 'ok' | ErrorCode =
          donde === null
            ? 'entrada_invalida'
            : s.estado === 'aprobada'
              ? 'solo_lectura'
              : s.estado !== 'cerrada'
                ? 'conflicto'
                : donde === s || donde.estado !== 'borrador' || !despues(donde, s) || !firman(s)
                  ? 'conflicto'
                  : 'ok'
        const r1 = await r.api.call('sesion:aprobar', {
          id: s.id,
          enSesionId: (donde?.id ?? null) as string,
          observaciones: ''
        })
        const v = esperar(r1, esperado, 'aprobar')
        if (!v) return
        expect(v.hash).toMatch(/^[0-9a-f]{64}$/)
        Object.assign(s, { estado: 'aprobada', aprobadaEn: donde!.id, hash: v.hash })
        hecho('acta aprobada')
      }
    )
)

export const errata = fc.record({ s: fc.nat(), texto }).map(
  ({ s: i, texto: t }) =>
    new Paso(`errata(${i}, ${t})`, hay, async (m, r) => {
      const s =
        i % 2 === 0 && aprobadas(m).length
          ? aprobadas(m)[i % aprobadas(m).length]!
          : sesionEn(m, i)!
      const esperado = s.estado === 'aprobada' ? 'ok' : 'conflicto'
      if (
        esperar(await r.api.call('errata:crear', { sesionId: s.id, texto: t }), esperado, 'errata')
      ) {
        s.erratas++
        hecho('fe de erratas')
      }
    })
)

/** Every way of writing into an approved acta is refused; the model (unchanged) is checked after. */
export const editarAprobada = fc.record({ s: fc.nat(), t: texto }).map(
  ({ s: i, t }) =>
    new Paso(
      `editarAprobada(${i})`,
      (m) => aprobadas(m).length > 0,
      async (m, r) => {
        const s = aprobadas(m)[i % aprobadas(m).length]!
        const intentos = [
          await r.api.call('sesion:actualizar', {
            id: s.id,
            fecha: s.fecha,
            horaInicio: null,
            horaTermino: null,
            lugar: t,
            modalidad: 'remota',
            preside: t,
            proximaFecha: null,
            proximaLugar: ''
          }),
          await r.api.call('punto:actualizar', { id: s.puntos[0]!.id, titulo: t, desarrollo: t }),
          await r.api.call('asistencia:marcar', {
            id: s.asistencia[0]!.id,
            estado: 'excusado',
            motivo: t
          }),
          await r.api.call('acuerdo:crear', { sesionId: s.id, texto: t, ...sinResponsable }),
          await r.api.call('sesion:eliminar', { id: s.id })
        ]
        for (const [k, r1] of intentos.entries())
          esperar(r1, 'solo_lectura', `write ${k} to an approved acta`)
        hecho('escritura en acta aprobada rechazada')
      }
    )
)

export const eliminar = fc.nat().map(
  (i) =>
    new Paso(`eliminar(${i})`, hay, async (m, r) => {
      const s = sesionEn(m, i)!
      const usada = m.sesiones.some((o) => o.aprobadaEn === s.id)
      const seguida = s.acuerdos.some((a) =>
        [...a.segs.keys()].some((id) => aprobadas(m).some((o) => o.id === id))
      )
      const esperado = editable(s) !== 'ok' ? editable(s) : usada || seguida ? 'conflicto' : 'ok'
      if (!esperar(await r.api.call('sesion:eliminar', { id: s.id }), esperado, 'eliminar')) return
      m.sesiones.splice(m.sesiones.indexOf(s), 1)
      // Its follow-ups of older acuerdos go with it.
      for (const o of m.sesiones) for (const a of o.acuerdos) a.segs.delete(s.id)
      // The later drafts of its year close the gap.
      numerarModelo(m)
      hecho('sesión eliminada')
    })
)
