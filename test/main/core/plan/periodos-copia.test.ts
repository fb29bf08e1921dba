import { describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas as filasDe } from '../../../helpers/consulta'
import { cadaPrueba, NO_EXISTE, noExiste, type Caller } from '../../../helpers/respuestas'
import { periodoAbierto, planDeFecha } from '../../../../src/main/core/plan/periodos.service'
import { MENSAJE_PLAN_CERRADO } from '../../../../src/main/core/errors'

// One period copied to another on a real file, checked row by row in the database: every eje,
// objetivo, acción, meta and indicador copied once, with new ids, pointing at the copy's rows and
// stamped when copied, the source untouched; which period a date belongs to; closing a period.

let t: TestApp
let api: Caller
let a: { id: string; nombre: string }
cadaPrueba(async (app, c) => {
  t = app
  api = c
  a = (await api.ok('plan:arbol', {})).plan
})

const q = <T>(sql: string, ...p: unknown[]) => filasDe<T>(t, sql, ...p)
const copiar = (periodoDesde: string, periodoHasta: string, nombre = 'Plan 2015-2016') =>
  api.ok('plan:copiar', { id: a.id, nombre, periodoDesde, periodoHasta })

/** The plan's rows in each table, without ids and stamps, in a stable order. */
const FILAS = {
  ejes: `select e.* from ejes e where e.plan_id = ?`,
  objetivos: `select o.* from objetivos o where o.plan_id = ?`,
  acciones: `select x.* from acciones x where x.plan_id = ?`,
  metas: `select m.* from metas m join acciones x on x.id = m.accion_id where x.plan_id = ?`,
  indicadores: `select i.* from indicadores i join acciones x on x.id = i.accion_id where x.plan_id = ?`
}
type Fila = Record<string, unknown> & { id: string; created_at: string; updated_at: string }
const filas = async (planId: string) =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(FILAS).map(async ([tabla, sql]) => [
        tabla,
        await q<Fila>(`${sql} order by 1`, planId)
      ])
    )
  ) as Record<keyof typeof FILAS, Fila[]>
const CLAVES = ['id', 'plan_id', 'eje_id', 'objetivo_id', 'accion_id', 'created_at', 'updated_at']
const sinClaves = (f: Fila) =>
  Object.fromEntries(Object.entries(f).filter(([k]) => !CLAVES.includes(k)))
const ordenadas = (fs: Fila[]) =>
  fs
    .map(sinClaves)
    .map((x) => JSON.stringify(x))
    .sort()

describe('copying a period', () => {
  it('copies every row once, with new ids pointing at the copy, stamped when copied', async () => {
    const antes = await filas(a.id)
    const total = (await q<{ n: number }>('select count(*) n from planes'))[0]!.n
    const b = await copiar('2015-01-01', '2016-12-31')
    expect(b).toMatchObject({
      nombre: 'Plan 2015-2016',
      periodoDesde: '2015-01-01',
      periodoHasta: '2016-12-31',
      cerradoAt: null
    })
    expect((await q<{ n: number }>('select count(*) n from planes'))[0]!.n).toBe(total + 1)
    const [plan] = await q<{ created_at: string; updated_at: string }>(
      'select created_at, updated_at from planes where id = ?',
      b.id
    )
    expect(plan!.updated_at).toBe(plan!.created_at)
    const copia = await filas(b.id)
    expect(await filas(a.id)).toEqual(antes)
    const viejos = new Set(Object.values(antes).flatMap((fs) => fs.map((f) => f.id)))
    for (const tabla of Object.keys(FILAS) as (keyof typeof FILAS)[]) {
      expect(antes[tabla].length, tabla).toBeGreaterThan(0)
      expect(ordenadas(copia[tabla]), tabla).toEqual(ordenadas(antes[tabla]))
      for (const f of copia[tabla]) {
        expect(viejos.has(f.id), tabla).toBe(false)
        expect([f.created_at, f.updated_at], tabla).toEqual([plan!.created_at, plan!.created_at])
      }
    }
    const ids = (tabla: keyof typeof FILAS) => new Set(copia[tabla].map((f) => f.id))
    expect(copia.objetivos.every((o) => ids('ejes').has(o.eje_id as string))).toBe(true)
    expect(copia.acciones.every((x) => ids('objetivos').has(x.objetivo_id as string))).toBe(true)
    // Each objetivo keeps its eje, each acción its objetivo: the same codes as in the source.
    const codigo = (fs: Fila[], id: unknown) => fs.find((f) => f.id === id)!.codigo as string
    const ramas = (fs: typeof antes) =>
      fs.acciones
        .map((x) => {
          const o = fs.objetivos.find((f) => f.id === x.objetivo_id)!
          return `${codigo(fs.ejes, o.eje_id)}/${o.codigo as string}/${x.codigo as string}`
        })
        .sort()
    expect(ramas(copia)).toEqual(ramas(antes))
    const metasDe = (fs: typeof antes) =>
      fs.metas.map((m) => `${codigo(fs.acciones, m.accion_id)}:${m.texto as string}`).sort()
    expect(metasDe(copia)).toEqual(metasDe(antes))
    expect(copia.indicadores.every((i) => ids('acciones').has(i.accion_id as string))).toBe(true)
  })

  it('refuses a missing source, and a copy that starts on the day its source ends', async () => {
    expect(
      await api.call('plan:copiar', {
        id: NO_EXISTE,
        nombre: 'X',
        periodoDesde: '2030-01-01',
        periodoHasta: '2030-12-31'
      })
    ).toMatchObject(noExiste('El plan'))
    expect(
      await api.call('plan:copiar', {
        id: a.id,
        nombre: 'X',
        periodoDesde: '2014-12-31',
        periodoHasta: '2015-12-31'
      })
    ).toMatchObject({ ok: false, error: { code: 'conflicto' } })
    // The day after is fine.
    await copiar('2015-01-01', '2015-12-31')
  })

  it('refuses a period that shares only its last day with the next one', async () => {
    await copiar('2016-01-01', '2016-12-31', 'B')
    expect(
      await api.call('plan:copiar', {
        id: a.id,
        nombre: 'C',
        periodoDesde: '2015-01-01',
        periodoHasta: '2016-01-01'
      })
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflicto',
        message: expect.stringContaining('se superpone con «B» (01-01-2016 a 31-12-2016)')
      }
    })
    await copiar('2015-01-01', '2015-12-31', 'C')
  })
})

describe('new dates for an earlier period', () => {
  it('are taken while the current period is open: only a closed one in force is refused', async () => {
    const b = await copiar('2015-01-01', '2016-12-31')
    const r = await api.ok('plan:actualizar', {
      id: a.id,
      nombre: 'Plan 2012-2014',
      periodoDesde: '2012-01-01',
      periodoHasta: '2014-12-31'
    })
    expect(r).toMatchObject({ nombre: 'Plan 2012-2014', periodoDesde: '2012-01-01' })
    expect(
      await q('select id from planes where cerrado_at is null order by periodo_desde')
    ).toEqual([{ id: a.id }, { id: b.id }])
  })
})

describe('the period of a date', () => {
  it('is the plan that started last on or before it; the first one for a date before all', async () => {
    const b = await copiar('2015-01-01', '2016-12-31')
    const de = (fecha: string) => planDeFecha(t.app.db, fecha)
    expect(await de('2010-05-01')).toBe(a.id)
    expect(await de('2013-01-01')).toBe(a.id)
    expect(await de('2014-12-31')).toBe(a.id)
    expect(await de('2015-01-01')).toBe(b.id)
    expect(await de('2030-01-01')).toBe(b.id)
  })

  it('is null without plans', async () => {
    const vacia = await openTestApp({ seed: false })
    try {
      expect(await planDeFecha(vacia.app.db, '2014-01-01')).toBeNull()
    } finally {
      await vacia.close()
    }
  })
})

describe('closing a period', () => {
  it('stamps it closed; a missing, a closed or the current period is refused', async () => {
    const b = await copiar('2015-01-01', '2016-12-31')
    expect(await api.call('plan:cerrar', { id: NO_EXISTE })).toMatchObject(noExiste('El plan'))
    expect(await api.call('plan:cerrar', { id: b.id })).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: expect.stringMatching(/^El período vigente/) }
    })
    const cerrado = await api.ok('plan:cerrar', { id: a.id })
    const [fila] = await q<{ cerrado_at: string; updated_at: string }>(
      'select cerrado_at, updated_at from planes where id = ?',
      a.id
    )
    expect(fila!.cerrado_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(fila!.updated_at).toBe(fila!.cerrado_at)
    expect(cerrado).toMatchObject({ id: a.id, cerradoAt: fila!.cerrado_at })
    expect(await api.call('plan:cerrar', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'conflicto', message: 'Este período ya está cerrado.' }
    })
    expect(await q('select id from planes where cerrado_at is null')).toEqual([{ id: b.id }])
  })

  it('is what periodoAbierto refuses, in Spanish, as it refuses a missing plan', async () => {
    await copiar('2015-01-01', '2016-12-31')
    await expect(periodoAbierto(t.app.db, a.id)).resolves.toBeUndefined()
    await api.ok('plan:cerrar', { id: a.id })
    await expect(periodoAbierto(t.app.db, a.id)).rejects.toMatchObject({
      code: 'solo_lectura',
      message: MENSAJE_PLAN_CERRADO
    })
    await expect(periodoAbierto(t.app.db, NO_EXISTE)).rejects.toMatchObject({
      code: 'no_encontrado',
      message: noExiste('El plan').error.message
    })
  })
})
