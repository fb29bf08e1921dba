import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { demoAl, filas } from '../../../helpers/demo-hoy'

/**
 * Each figure of the dashboard against the list its click opens (the same filters the card puts
 * in the link), with sessions outside the plan's period, and sessions closed today or ahead.
 */
const HOY = '2014-11-01'
let t: TestApp
beforeAll(async () => {
  t = await demoAl(HOY)
  // The plan's period ends before every demo session: their acuerdos are still the plan's.
  t.app.handle.prepare(`update planes set periodo_hasta = '2013-12-31'`).run()
  expect(filas(t, `select id from sesiones where fecha <= '2013-12-31'`)).toEqual([])
}, 120_000)
afterAll(() => t.close())

describe('the dashboard agrees with the lists behind its figures', () => {
  it('counts as many acuerdos as each click-through list shows, whatever the session date', async () => {
    const d = await t.api['tablero:obtener']({})
    const lista = async (f: Parameters<(typeof t.api)['acuerdo:listar']>[0]) =>
      (await t.api['acuerdo:listar']({ ...f, limit: 1 })).total
    expect(d.acuerdos.vencidos).toBeGreaterThan(0)
    expect(d.acuerdos.vencidos).toBe(await lista({ situacion: 'vencido' }))
    const porVencer = { situacion: 'abierto', plazoDesde: d.hoy, plazoHasta: d.hasta } as const
    expect(d.acuerdos.porVencer).toBe(await lista(porVencer))
    for (const r of d.acuerdos.porInstitucion) {
      if (!r.institucionId) continue
      const i = { institucionId: r.institucionId }
      expect(r.vencidos).toBe(await lista({ situacion: 'vencido', ...i }))
      expect(r.porVencer).toBe(await lista({ ...porVencer, ...i }))
    }
    const [inst] = filas<{ id: string }>(t, `select id from instancias order by orden limit 1`)
    const di = await t.api['tablero:obtener']({ instanciaId: inst!.id })
    const ii = { instanciaId: inst!.id }
    expect(di.acuerdos.vencidos).toBe(await lista({ situacion: 'vencido', ...ii }))
    expect(di.acuerdos.porVencer).toBe(await lista({ ...porVencer, ...ii }))
  })

  it('lists every session not approved in one of its two cards, closed today or ahead too', async () => {
    // Close one today and one dated ahead: both await approval now.
    const [a, b] = filas<{ id: string }>(
      t,
      `select id from sesiones where estado <> 'aprobada' order by id limit 2`
    )
    t.app.handle
      .prepare(`update sesiones set estado = 'cerrada', fecha = ? where id = ?`)
      .run(HOY, a!.id)
    t.app.handle
      .prepare(`update sesiones set estado = 'cerrada', fecha = '2099-01-01' where id = ?`)
      .run(b!.id)
    const d = await t.api['tablero:obtener']({})
    const pendientes = filas<{ id: string; estado: string; fecha: string }>(
      t,
      `select id, estado, fecha from sesiones where estado <> 'aprobada'`
    )
    const proximas = pendientes.filter((s) => s.estado === 'borrador' && s.fecha >= HOY)
    const actas = pendientes.filter((s) => !proximas.includes(s))
    expect(d.actasPorAprobar.total).toBe(actas.length)
    expect(d.proximasSesiones.map((s) => s.id)).not.toContain(a!.id)
    expect(d.proximasSesiones.map((s) => s.id)).not.toContain(b!.id)
    expect(actas.length).toBeLessThanOrEqual(10)
    expect(d.actasPorAprobar.filas.map((s) => s.id)).toEqual(expect.arrayContaining([a!.id, b!.id]))
  })
})
