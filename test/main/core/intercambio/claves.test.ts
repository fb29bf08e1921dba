import { afterEach, describe, expect, it } from 'vitest'
import { clavesNombradas } from '../../../../src/main/core/intercambio/claves'
import type { CampoPaquete } from '../../../../src/main/core/intercambio/paquete'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { filas } from '../../../helpers/demo-hoy'

// The keys a package adds for the seeded rows it names or points at (#16, claves.ts), read from
// a seeded database: each row's key fields with its creation stamp, the rows those keys name,
// children first, none twice and none for a row that already carries its key.

const abiertas: TestApp[] = []
afterEach(async () => {
  for (const t of abiertas.splice(0)) await t.close()
})

async function sembrada(): Promise<TestApp> {
  const t = await openTestApp()
  abiertas.push(t)
  return t
}

const S = '1700000000000-0000-x'
const campo = (tabla: string, filaId: string, c: string, valor: unknown): CampoPaquete => ({
  tabla,
  filaId,
  campo: c,
  valor: JSON.stringify(valor),
  sello: S
})

/** Each key field as `tabla:id:campo=valor@sello`, in the order given. */
const vistas = (cs: readonly CampoPaquete[]) =>
  cs.map((c) => `${c.tabla}:${c.filaId}:${c.campo}=${c.valor}@${c.sello}`)

function creada(t: TestApp, tabla: string, id: string): string {
  return filas<{ sello: string }>(
    t,
    "select sello from sellos where tabla = ? and fila_id = ? and campo = '*'",
    tabla,
    id
  )[0]!.sello
}

function meta(t: TestApp) {
  const m = filas<{ id: string; accion_id: string; orden: number }>(
    t,
    'select id, accion_id, orden from metas order by id limit 1'
  )[0]!
  const a = filas<{ plan_id: string; codigo: string }>(
    t,
    'select plan_id, codigo from acciones where id = ?',
    m.accion_id
  )[0]!
  const p = filas<{ periodo_desde: string }>(
    t,
    'select periodo_desde from planes where id = ?',
    a.plan_id
  )[0]!
  return { m, a, p }
}

describe('clavesNombradas', () => {
  it('a meta sent: its key, then its acción’s and its plan’s, each with its creation stamp', async () => {
    const t = await sembrada()
    const { m, a, p } = meta(t)
    const r = await clavesNombradas(t.app.db, [campo('metas', m.id, 'texto', 'x')])
    const k = (tabla: string, id: string, c: string, v: unknown) =>
      `${tabla}:${id}:=${c}=${JSON.stringify(v)}@${creada(t, tabla, id)}`
    expect(vistas(r)).toEqual([
      k('metas', m.id, 'accion_id', m.accion_id),
      k('metas', m.id, 'orden', m.orden),
      k('acciones', m.accion_id, 'plan_id', a.plan_id),
      k('acciones', m.accion_id, 'codigo', a.codigo),
      k('planes', a.plan_id, 'periodo_desde', p.periodo_desde)
    ])
  })

  it('a row carrying its key (a deleted one) is not given it again, but the rows it names are', async () => {
    const t = await sembrada()
    const { m, a } = meta(t)
    const dada = [campo('acciones', m.accion_id, '=plan_id', a.plan_id)]
    const r = await clavesNombradas(t.app.db, dada)
    expect(r.map((c) => `${c.tabla}:${c.campo}`)).toEqual(['planes:=periodo_desde'])
  })

  it('a row that is not seeded points at seeded rows: only theirs, once each; no link, nothing', async () => {
    const t = await sembrada()
    const { m, a } = meta(t)
    const inst = filas<{ id: string; sigla: string }>(
      t,
      'select id, sigla from instituciones limit 1'
    )[0]!
    const r = await clavesNombradas(t.app.db, [
      campo('acuerdos', 'ac1', 'accion_id', m.accion_id),
      campo('acuerdos', 'ac1', 'institucion_id', inst.id),
      campo('acuerdos', 'ac2', 'accion_id', m.accion_id),
      campo('acuerdos', 'ac3', 'persona_id', null),
      campo('acuerdos', 'ac3', 'numero', 3)
    ])
    expect(r.map((c) => `${c.tabla}:${c.filaId}:${c.campo}=${c.valor}`)).toEqual([
      `acciones:${m.accion_id}:=plan_id=${JSON.stringify(a.plan_id)}`,
      `acciones:${m.accion_id}:=codigo=${JSON.stringify(a.codigo)}`,
      expect.stringMatching(/^planes:.*:=periodo_desde=/),
      `instituciones:${inst.id}:=sigla=${JSON.stringify(inst.sigla)}`
    ])
  })

  it('names nothing for an empty package or rows that are not there', async () => {
    const t = await sembrada()
    expect(await clavesNombradas(t.app.db, [])).toEqual([])
    expect(await clavesNombradas(t.app.db, [campo('acciones', 'no-existe', 'texto', 'x')])).toEqual(
      []
    )
  })
})
