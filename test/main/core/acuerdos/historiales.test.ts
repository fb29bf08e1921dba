import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historiales } from '../../../../src/main/core/acuerdos/acuerdos.service'
import { newId } from '../../../../src/main/core/db/ids'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { valor } from '../../../helpers/consulta'
import { caller, ordinarias } from '../../../helpers/sesiones'

/**
 * The follow-ups of any number of acuerdos in one query with one parameter: a parameter per
 * acuerdo failed with SQLite's «too many SQL variables» past 32,766 (a session list or an export
 * just above ×10 history). Asked for 40,000 acuerdos, the one that has follow-ups gets them.
 */
let t: TestApp
let acuerdoId = ''
beforeAll(async () => {
  t = await openTestApp()
  const { ok } = caller(t)
  const instancia = (await valor<string>(
    t,
    "select id from instancias where codigo = 'PREVENCION'"
  ))!
  const nueva = ordinarias(t, instancia)
  const [s1, s2] = [await nueva('2015-03-10'), await nueva('2015-04-14')]
  acuerdoId = (
    await ok('acuerdo:crear', {
      sesionId: s1.id,
      texto: 'Enviar el informe',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
  ).id
  await ok('acuerdo:seguimiento', {
    sesionId: s2.id,
    acuerdoId,
    estado: 'en_curso',
    nota: 'Enviado en borrador'
  })
}, 60_000)
afterAll(() => t.close())

describe('the follow-ups of many acuerdos', () => {
  it('reads 40,000 at once', async () => {
    const ids = [...Array.from({ length: 39_999 }, () => newId()), acuerdoId]
    const h = await historiales(t.app.db, ids)
    expect([...h.keys()]).toEqual([acuerdoId])
    expect(h.get(acuerdoId)).toMatchObject([{ estado: 'en_curso', nota: 'Enviado en borrador' }])
  })
})
