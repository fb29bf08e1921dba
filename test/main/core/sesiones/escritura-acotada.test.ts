import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKysely } from '../../../../src/main/core/db/sqlite'
import { createAppApi } from '../../../../src/main/core/api'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { observando } from '../../../helpers/sentencias'
import { construirHistoria, conLotes } from '../../../../scripts/bench/historia'

/**
 * The secretary's everyday writes (creating a session, marking someone excused, closing and
 * approving an acta) read through index ranges bounded by the session, never the whole history:
 * numbering a session scanned every approved session once per session of its year, and marking
 * someone excused scanned every session, both growing with the years (found by the bench build).
 */

type Sentencia = { sql: string; params: unknown[] }

describe("the secretary's writes do not read the history", () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp()
    const api = createAppApi(
      { ...t.app, db: createKysely(conLotes(t.app.handle)) },
      { version: 't' }
    )
    await construirHistoria(api, t.app.handle, { porAnio: 4, anios: 2, desde: 2015 })
  }, 240_000)
  afterAll(async () => {
    await t?.close()
  })

  it('creating, marking excused, closing and approving: no table of the history is scanned', async () => {
    const sentencias: Sentencia[] = []
    const api = createAppApi(
      {
        ...t.app,
        db: createKysely(
          observando(t.app.handle, ({ sql, params }) => sentencias.push({ sql, params }))
        )
      },
      { version: 't' }
    )
    const h = t.app.handle
    const instanciaId = h.prepare('select id from instancias order by orden limit 1').pluck().get()
    const previa = h
      .prepare(`select id from sesiones where instancia_id = ? and estado = 'borrador'`)
      .pluck()
      .get(instanciaId) as string
    // In the history's last year: its numbering reads that year's sessions, all but one approved.
    const nueva = await api['sesion:crear']({
      instanciaId: instanciaId as string,
      tipo: 'ordinaria',
      fecha: '2016-12-28',
      modalidad: 'presencial'
    })
    const asistente = h
      .prepare('select id from asistencias where sesion_id = ? order by orden limit 1')
      .pluck()
      .get(nueva.id) as string
    await api['asistencia:marcar']({ id: asistente, estado: 'excusado', motivo: 'Licencia.' })
    // Removing a guest clears the session roles naming that row (their foreign keys).
    const invitado = await api['asistencia:invitar']({
      sesionId: nueva.id,
      nombre: 'Invitada de paso',
      cargo: '',
      institucion: ''
    })
    await api['asistencia:quitar']({ id: invitado.id })
    await api['sesion:cerrar']({ id: previa })
    await api['sesion:aprobar']({ id: previa, enSesionId: nueva.id, observaciones: '' })

    const escrituras = sentencias.filter(({ sql }) => !/^(savepoint|release|rollback)/i.test(sql))
    expect(escrituras.some(({ sql }) => /"aprobada_en_sesion_id" = "s"."id"/.test(sql))).toBe(true)
    expect(escrituras.some(({ sql }) => /set "presidente_id" = \?/.test(sql))).toBe(true)
    expect(escrituras.some(({ sql }) => /^delete from "asistencias"/.test(sql))).toBe(true)
    const planes = escrituras.flatMap(({ sql, params }) =>
      (h.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map(
        (r) => `${r.detail}  ← ${sql.slice(0, 90)}`
      )
    )
    // A SCAN reads the whole table; a search of sesiones by its estado alone reads every
    // approved session (nearly all of them). Both grow with the years. Inserting or removing an
    // attendee looks up the sessions whose roles name it (presidente_id,
    // secretaria_subrogante_id: their foreign keys), by the indexes of migration 0013.
    expect(
      planes.filter((d) =>
        /^SCAN (sesiones|acuerdos|seguimientos|avances|mediciones|asistencias|puntos_tabla|historial)\b/.test(
          d
        )
      )
    ).toEqual([])
    for (const indice of ['sesiones_presidente_idx', 'sesiones_subrogante_idx'])
      expect(planes.some((d) => d.includes(indice) && /delete from "asistencias"/.test(d))).toBe(
        true
      )
    expect(planes.filter((d) => /sesiones_estado_fecha_idx \(estado=\?\)/.test(d))).toEqual([])
  })
})
