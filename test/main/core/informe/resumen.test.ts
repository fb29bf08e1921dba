import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { demoAl } from '../../../helpers/demo-hoy'
import { AppError } from '../../../../src/main/core/errors'
import { periodoDelInforme, resumenAnual } from '../../../../src/main/core/informe/resumen'

// Which plan and which days the annual report counts, on a real database: the seeded plan
// (2013–2014) and plans added beside it, one chosen by its id and one whose period starts on
// 31 December and ends on 1 January, so the year's exact edges decide.

let t: TestApp
let seed: string
const BORDES = '01a22b25-0000-7000-8000-0000000000b1'
// Starts after the seeded plan but with a smaller id: the latest period wins, not the id.
const ULTIMO = '00000000-0000-7000-8000-000000000001'

async function plan(id: string, nombre: string, desde: string, hasta: string): Promise<void> {
  const stamp = '2012-01-01T00:00:00.000Z'
  await t.app.db
    .insertInto('planes')
    .values({
      id,
      nombre,
      periodo_desde: desde,
      periodo_hasta: hasta,
      created_at: stamp,
      updated_at: stamp
    })
    .execute()
}

/** The AppError the call rejects with (fails the test if it resolves). */
async function rechazo(p: Promise<unknown>): Promise<AppError> {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

beforeAll(async () => {
  t = await openTestApp()
  const p = await t.app.db.selectFrom('planes').select('id').executeTakeFirstOrThrow()
  seed = p.id
})
afterAll(() => t.close())

describe('the period of the annual report', () => {
  it('takes the current plan (the latest period) unless one is chosen by its id', async () => {
    expect((await periodoDelInforme(t.app.db, { anio: 2014 }, '2026-11-30')).plan.id).toBe(seed)
    await plan(BORDES, 'Plan de bordes', '2019-12-31', '2021-01-01')
    await plan(ULTIMO, 'Plan 2030', '2030-01-01', '2033-12-31')
    // The latest period, not the largest id.
    const actual = await periodoDelInforme(t.app.db, { anio: 2030 }, '2030-06-15')
    expect(actual.plan).toEqual({
      id: ULTIMO,
      nombre: 'Plan 2030',
      periodoDesde: '2030-01-01',
      periodoHasta: '2033-12-31'
    })
    // The seeded plan's year is outside the current plan unless that plan is chosen.
    const sinPlan = await rechazo(periodoDelInforme(t.app.db, { anio: 2014 }, '2026-11-30'))
    // …and the refusal names the period that holds that year, so the user can choose it.
    const nombre = (await periodoDelInforme(t.app.db, { planId: seed, anio: 2014 }, '2026-11-30'))
      .plan.nombre
    expect(sinPlan.message).toBe(
      `El año 2014 está fuera del período del plan (2030–2033). Ese año está en el período «${nombre}» (${seed}): elíjalo como período del informe (en la línea de comandos, --periodo con su id).`
    )
    const elegido = await periodoDelInforme(t.app.db, { planId: seed, anio: 2014 }, '2026-11-30')
    expect(elegido.plan).toEqual({
      id: seed,
      nombre: expect.any(String),
      periodoDesde: '2013-01-01',
      periodoHasta: '2014-12-31'
    })
    expect(elegido.periodo).toEqual({ planId: seed, desde: '2014-01-01', hasta: '2014-12-31' })
  })

  it('refuses a plan id that does not exist', async () => {
    const e = await rechazo(
      periodoDelInforme(t.app.db, { planId: BORDES.replace('b1', 'ff'), anio: 2014 }, '2026-11-30')
    )
    expect(e.code).toBe('no_encontrado')
    expect(e.message).toBe('El plan no existe o fue eliminado.')
  })

  it('counts a year whose first day is today, up to today', async () => {
    const p = await periodoDelInforme(t.app.db, { planId: seed, anio: 2014 }, '2014-01-01')
    expect(p.periodo).toEqual({ planId: seed, desde: '2014-01-01', hasta: '2014-01-01' })
    // Mid-year, up to today; on its last day and after, the whole year.
    const junio = await periodoDelInforme(t.app.db, { planId: seed, anio: 2013 }, '2013-06-30')
    expect(junio.periodo.hasta).toBe('2013-06-30')
    const fin = await periodoDelInforme(t.app.db, { planId: seed, anio: 2013 }, '2013-12-31')
    expect(fin.periodo.hasta).toBe('2013-12-31')
    // The day before, the year has not begun: the message names the year's field.
    const e = await rechazo(periodoDelInforme(t.app.db, { planId: seed, anio: 2014 }, '2013-12-31'))
    expect(e.code).toBe('conflicto')
    expect(e.message).toBe('El año 2014 aún no comienza: no hay nada que informar.')
    expect(e.fields).toEqual({ anio: e.message })
  })

  it("takes the years the plan's period touches by a single day, and refuses the ones beside them", async () => {
    // The plan runs from 31 December 2019 to 1 January 2021.
    for (const anio of [2019, 2020, 2021]) {
      const p = await periodoDelInforme(t.app.db, { planId: BORDES, anio }, '2026-11-30')
      expect(p.periodo).toEqual({
        planId: BORDES,
        desde: `${anio}-01-01`,
        hasta: `${anio}-12-31`
      })
    }
    for (const anio of [2018, 2022]) {
      const e = await rechazo(periodoDelInforme(t.app.db, { planId: BORDES, anio }, '2026-11-30'))
      expect(e.code).toBe('conflicto')
      expect(e.message).toBe(`El año ${anio} está fuera del período del plan (2019–2021).`)
      expect(e.fields).toEqual({ anio: e.message })
    }
  })
})

describe('the summary rows of the annual report', () => {
  let d: TestApp
  beforeAll(async () => {
    d = await demoAl('2015-01-15')
  }, 120_000)
  afterAll(() => d.close())

  it("are the dashboard's own, counted up to the report's date", async () => {
    // Nothing happened after 2014 in the demo: the dashboard today counts what the year did.
    const { periodo } = await periodoDelInforme(d.app.db, { anio: 2014 }, '2015-01-15')
    const anual = await resumenAnual(d.app.db, periodo)
    const tablero = await d.api['tablero:obtener']({})
    expect(anual).toEqual({ porEje: tablero.porEje, porInstancia: tablero.porInstancia })
    expect(anual.porEje.length).toBeGreaterThan(1)
    // Up to April, the same acciones with fewer reports counted.
    const abril = await resumenAnual(d.app.db, { ...periodo, hasta: '2014-04-01' })
    expect(abril.porEje.map((f) => f.acciones)).toEqual(anual.porEje.map((f) => f.acciones))
    expect(abril.porEje).not.toEqual(anual.porEje)
    expect(abril.porInstancia).not.toEqual(anual.porInstancia)
  })
})
