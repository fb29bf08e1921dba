import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { demoAl, filas } from '../../../helpers/demo-hoy'

/**
 * The current (latest) plan owns the acuerdos about no acción taken after its period ends (no
 * later plan would); once a later plan exists, the earlier one keeps to its period.
 */
let t: TestApp
beforeAll(async () => {
  t = await demoAl('2014-11-01')
}, 120_000)
afterAll(() => t.close())

describe('the current plan has no end date for acuerdos about no acción', () => {
  it('counts an acuerdo taken after its period, until a later plan exists', async () => {
    const [plan] = filas<{ id: string; hasta: string }>(
      t,
      `select id, periodo_hasta as hasta from planes order by periodo_desde desc limit 1`
    )
    const [ses] = filas<{ id: string }>(
      t,
      `select id from sesiones where estado = 'borrador' order by fecha limit 1`
    )
    const despues = `${Number(plan!.hasta.slice(0, 4)) + 1}-03-10`
    t.app.handle.prepare(`update sesiones set fecha = ? where id = ?`).run(despues, ses!.id)
    const a = await t.api['acuerdo:crear']({
      sesionId: ses!.id,
      texto: 'Acuerdo tomado después del período.',
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const delPlan = async () =>
      (await t.api['acuerdo:listar']({ planId: plan!.id, limit: 200 })).filas.map((x) => x.id)
    expect(await delPlan()).toContain(a.id)
    const stamp = '2020-01-01T00:00:00.000Z'
    await t.app.db
      .insertInto('planes')
      .values({
        id: '01a22b25-0000-7000-8000-0000000000cc',
        nombre: 'Plan siguiente',
        periodo_desde: `${Number(plan!.hasta.slice(0, 4)) + 1}-01-01`,
        periodo_hasta: `${Number(plan!.hasta.slice(0, 4)) + 4}-12-31`,
        created_at: stamp,
        updated_at: stamp
      })
      .execute()
    expect(await delPlan()).not.toContain(a.id)
  })
})
