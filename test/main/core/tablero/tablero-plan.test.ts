import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { demoAl, estadoAcuerdos, filas } from '../../../helpers/demo-hoy'
import type { Input } from '../../../../src/shared/api/contract'

/**
 * The dashboard's acuerdos scoped to the plan chosen, over the demo data with today fixed at
 * 2014-11-01, against what the test computes itself from the rows.
 */
const HOY = '2014-11-01'
const EN_30 = '2014-12-01'
let t: TestApp
beforeAll(async () => {
  t = await demoAl(HOY)
}, 120_000)
afterAll(() => t.close())

describe('the dashboard over the demo, by plan', () => {
  it('scopes the acuerdos to the plan chosen: about its acciones, or about none and within its period', async () => {
    // An older plan over 2014 too, with no acciones: it owns only the acuerdos about no acción.
    const stamp = '2012-01-01T00:00:00.000Z'
    const otro = {
      id: '01a22b25-0000-7000-8000-0000000000bb',
      desde: '2012-01-01',
      hasta: '2014-12-31'
    }
    await t.app.db
      .insertInto('planes')
      .values({
        id: otro.id,
        nombre: 'Plan 2012-2014',
        periodo_desde: otro.desde,
        periodo_hasta: otro.hasta,
        created_at: stamp,
        updated_at: stamp
      })
      .execute()
    // Every demo acuerdo is about an acción: one about none, open, in a draft session.
    const [borrador] = filas<{ id: string; fecha: string }>(
      t,
      `select id, fecha from sesiones where estado = 'borrador' order by fecha limit 1`
    )
    await t.api['acuerdo:crear']({
      sesionId: borrador!.id,
      texto: 'Acuerdo sin acción del plan.',
      institucionId: null,
      personaId: null,
      plazo: '2014-10-20',
      accionId: null
    })
    const [demo] = filas<{ id: string; desde: string; hasta: string }>(
      t,
      `select id, periodo_desde as desde, periodo_hasta as hasta from planes where id <> ?`,
      otro.id
    )
    const estado = await estadoAcuerdos(t)
    const acs = filas<{ id: string; plazo: string | null; plan: string | null; fecha: string }>(
      t,
      `select a.id, a.plazo, ac.plan_id as plan, s.fecha from acuerdos a
       join sesiones s on s.id = a.sesion_id left join acciones ac on ac.id = a.accion_id`
    )
    // The latest plan's period has no end for acuerdos about no acción.
    const ultimo = [demo!, otro].reduce((x, y) => (y.desde > x.desde ? y : x))
    const cifras = (p: { id: string; desde: string; hasta: string }) => {
      const del = acs.filter((a) =>
        a.plan ? a.plan === p.id : a.fecha >= p.desde && (a.fecha <= p.hasta || p === ultimo)
      )
      const abiertos = del.filter((a) => estado.get(a.id) !== 'cumplido' && a.plazo)
      return {
        vencidos: abiertos.filter((a) => a.plazo! < HOY).length,
        porVencer: abiertos.filter((a) => a.plazo! >= HOY && a.plazo! <= EN_30).length
      }
    }
    const vistas = []
    for (const p of [demo!, otro]) {
      const d = await t.api['tablero:obtener']({ planId: p.id })
      const { vencidos, porVencer } = d.acuerdos
      expect({ vencidos, porVencer }, p.id).toEqual(cifras(p))
      vistas.push(vencidos + porVencer)
      // The list behind each figure, with the plan in its filter, agrees.
      const lista = (f: Omit<Input<'acuerdo:listar'>, 'planId'>) =>
        t.api['acuerdo:listar']({ ...f, planId: p.id, limit: 1 }).then((r) => r.total)
      expect(await lista({ situacion: 'vencido' })).toBe(vencidos)
      expect(await lista({ situacion: 'abierto', plazoDesde: HOY, plazoHasta: EN_30 })).toBe(
        porVencer
      )
    }
    // The scope tells them apart: each plan owns some, the older fewer than the demo's.
    expect(vistas[1]).toBeGreaterThan(0)
    expect(vistas[1]).toBeLessThan(vistas[0]!)
    // Its period ended before the session: it owns none.
    t.app.handle.prepare(`update planes set periodo_hasta = '2013-12-31' where id = ?`).run(otro.id)
    const d = await t.api['tablero:obtener']({ planId: otro.id })
    expect(d.acuerdos).toMatchObject({ vencidos: 0, porVencer: 0 })
  })
})
