import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import type { Caller } from '../../../helpers/respuestas'

// The period rules on a real file: periods never overlap, a copy starts after its source ends,
// and a date change that would leave a closed period in force is refused, so there is always an
// open period to edit (a closed one never reopens).

let t: TestApp
let api: Caller
let a: { id: string; nombre: string }
beforeEach(async () => {
  t = await openTestApp()
  api = caller(t)
  a = (await api.ok('plan:arbol', {})).plan
})
afterEach(() => t.close())

const fechas = (periodoDesde: string, periodoHasta: string) => ({ periodoDesde, periodoHasta })
const conflicto = (field: string, contiene: string) => ({
  ok: false,
  error: { code: 'conflicto', fields: { [field]: expect.stringContaining(contiene) } }
})

describe('plan periods rules', () => {
  it('a copy starts after its source ends and never overlaps another period', async () => {
    const plan = await api.ok('plan:arbol', {})
    expect(plan.plan).toMatchObject(fechas('2013-01-01', '2014-12-31'))
    const copia = { id: a.id, nombre: 'Otro' }
    expect(
      await api.call('plan:copiar', { ...copia, ...fechas('2012-01-01', '2012-12-31') })
    ).toMatchObject(
      conflicto(
        'periodoDesde',
        'debe comenzar después de que termine el período del que se copia (31-12-2014)'
      )
    )
    expect(
      await api.call('plan:copiar', { ...copia, ...fechas('2014-06-01', '2016-12-31') })
    ).toMatchObject(conflicto('periodoDesde', 'debe comenzar después'))
    const b = await api.ok('plan:copiar', { ...copia, ...fechas('2015-01-01', '2016-12-31') })
    // A second copy of the first period would overlap the second.
    expect(
      await api.call('plan:copiar', { ...copia, ...fechas('2016-01-01', '2017-12-31') })
    ).toMatchObject(conflicto('periodoDesde', 'se superpone con «Otro» (01-01-2015 a 31-12-2016)'))
    expect(
      await api.call('plan:actualizar', {
        id: b.id,
        nombre: 'Otro',
        ...fechas('2014-01-01', '2016-12-31')
      })
    ).toMatchObject(conflicto('periodoDesde', 'se superpone con'))
    expect(await t.app.db.selectFrom('planes').select('id').execute()).toHaveLength(2)
  })

  it('moving dates never leaves a closed period in force: there is always an open one', async () => {
    const b = await api.ok('plan:copiar', {
      id: a.id,
      nombre: 'B',
      ...fechas('2015-01-01', '2016-12-31')
    })
    await api.ok('plan:cerrar', { id: a.id })
    // B moved before A would make the closed A the vigente.
    expect(
      await api.call('plan:actualizar', {
        id: b.id,
        nombre: 'B',
        ...fechas('2011-01-01', '2012-12-31')
      })
    ).toMatchObject(conflicto('periodoDesde', 'el vigente queda siempre abierto'))
    // A (closed) moved after B would be the vigente too.
    expect(
      await api.call('plan:actualizar', {
        id: a.id,
        nombre: a.nombre,
        ...fechas('2017-01-01', '2018-12-31')
      })
    ).toMatchObject({ ok: false })
    expect(await api.call('plan:cerrar', { id: b.id })).toMatchObject({ ok: false })
    const planes = await t.app.db
      .selectFrom('planes')
      .select(['id', 'cerrado_at', 'periodo_desde'])
      .execute()
    expect(planes.filter((p) => p.cerrado_at === null).map((p) => p.id)).toMatchObject([b.id])
    expect(planes.find((p) => p.id === b.id)?.periodo_desde).toBe('2015-01-01')
    // Moving the open vigente within its own time is fine.
    await api.ok('plan:actualizar', {
      id: b.id,
      nombre: 'B',
      ...fechas('2015-03-01', '2016-12-31')
    })
  })
})
