import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { aplicarMatriz } from '../../../../../src/main/core/matriz/importar/aplicar'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { leidaDe } from './leida'

/**
 * An objetivo whose text stays the same but whose place changes, one way at a time: only its
 * position within its eje, or only its eje at the same position. Each alone must be written.
 */
let t: TestApp
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(() => t.close())

const arbol = () => t.api['plan:arbol']({})
const objetivos = async () =>
  (await arbol()).ejes.map((e) => [e.codigo, e.objetivos.map((o) => [o.codigo, o.orden])])

describe('aplicarMatriz, objetivos that only move', () => {
  it('writes a new position within the same eje', async () => {
    const plan = await arbol()
    const { leida } = leidaDe(plan)
    const eje = leida.ejes[0]!
    expect(eje.objetivos.length).toBeGreaterThan(1)
    const [a, b] = eje.objetivos
    eje.objetivos.splice(0, 2, b!, a!)
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const [primero] = await objetivos()
    expect(primero![1]!.slice(0, 2)).toEqual([
      [b!.codigo, 1],
      [a!.codigo, 2]
    ])
  })

  it('writes another eje at the same position', async () => {
    const plan = await arbol()
    const { leida } = leidaDe(plan)
    const [e1, e2] = leida.ejes
    const [o1] = e1!.objetivos
    const [o2] = e2!.objetivos
    e1!.objetivos[0] = o2!
    e2!.objetivos[0] = o1!
    await aplicarMatriz(t.app.db, leida, { modo: 'actualizar', planId: plan.plan.id })
    const [p1, p2] = await objetivos()
    expect([p1![1]![0], p2![1]![0]]).toEqual([
      [o2!.codigo, 1],
      [o1!.codigo, 1]
    ])
  })
})
