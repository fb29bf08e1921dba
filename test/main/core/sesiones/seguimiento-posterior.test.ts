import { describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { fila } from '../../../helpers/consulta'
import { cadaPruebaConPrevencion, type Caller } from '../../../helpers/respuestas'

/**
 * Deleting a draft session takes its acuerdos and, with them, the follow-ups later sessions
 * recorded on them: the session's read counts those, so the confirmation can say so.
 */
let t: TestApp
let api: Caller
let instanciaId = ''
cadaPruebaConPrevencion((e) => {
  t = e.t
  api = e.api
  instanciaId = e.ctx.prevencion.id
})

const nueva = (fecha: string) =>
  api.ok('sesion:crear', { instanciaId, tipo: 'ordinaria', fecha, modalidad: 'presencial' })
const acuerdo = (sesionId: string, texto: string) =>
  api.ok('acuerdo:crear', {
    sesionId,
    texto,
    institucionId: null,
    personaId: null,
    plazo: null,
    accionId: null
  })
const seguir = (sesionId: string, acuerdoId: string) =>
  api.ok('acuerdo:seguimiento', { sesionId, acuerdoId, estado: 'en_curso', nota: 'Avanza.' })

describe("a session's follow-ups in later sessions", () => {
  it('are counted, notes and sessions, and go with it when it is deleted', async () => {
    const s1 = await nueva('2014-03-12')
    const s2 = await nueva('2014-06-11')
    const s3 = await nueva('2014-09-10')
    const a1 = await acuerdo(s1.id, 'SERNAM enviará la propuesta.')
    const a2 = await acuerdo(s1.id, 'PDI informará los casos.')
    const b1 = await acuerdo(s2.id, 'MININT convocará.')
    const cuenta = async (id: string) =>
      (await api.ok('sesion:obtener', { id })).seguimientoPosterior
    expect(await cuenta(s1.id)).toEqual({ notas: 0, sesiones: 0 })
    await seguir(s2.id, a1.id)
    await seguir(s3.id, a1.id)
    await seguir(s3.id, a2.id)
    // Another session's acuerdos followed up do not count for s1.
    await seguir(s3.id, b1.id)
    expect(await cuenta(s1.id)).toEqual({ notas: 3, sesiones: 2 })
    expect(await cuenta(s2.id)).toEqual({ notas: 1, sesiones: 1 })
    await api.ok('sesion:eliminar', { id: s1.id })
    const quedan = await fila(t, 'select count(*) as n from seguimientos')
    expect(quedan).toEqual({ n: 1 })
  })
})
