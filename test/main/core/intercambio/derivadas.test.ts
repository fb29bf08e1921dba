import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import type { TestApp } from '../../../helpers/db'
import { actaAprobada } from '../../../helpers/acta-aprobada'
import { banco } from '../../../helpers/intercambio'

// What the triggers derive from the exchanged rows (#16, #13): a package lists its tables by
// name, so acuerdos and avances would be written before their session and their derived rows
// (each acuerdo's life, each report's session date) left empty; the coordinator's dashboard
// and the open acuerdos of a new session then disagreed with the secretary's. And a package of
// more rows than SQLite has variables is previewed and imported.

const { equipo, paqueteDe } = banco()

/** The coordinator's laptop (a) and the secretary's (b), each seeded on its own. */
async function dos() {
  const coordinacion = await equipo('Notebook MININT')
  const secretaria = await equipo('Notebook SERNAM')
  const traer = async () => paqueteDe(secretaria, coordinacion)
  return { a: coordinacion.t, b: secretaria.t, da: coordinacion.d, traer }
}

const reportes = (t: TestApp) =>
  t.app.handle
    .prepare(
      `select av.id as avance_id, av.accion_id, s.fecha, s.created_at as creada,
         (s.estado = 'aprobada') as aprobada
       from avances av join sesiones s on s.id = av.sesion_id
       where av.accion_id is not null order by av.id`
    )
    .all()
const fechas = (t: TestApp) =>
  t.app.handle.prepare('select * from avance_fechas order by avance_id').all()
const vidas = (t: TestApp) =>
  t.app.handle
    .prepare(
      `select acuerdo_id, cerrado_en, abierto_en, instancia_id, nivel
       from acuerdos_cierre order by acuerdo_id`
    )
    .all() as {
    cerrado_en: string
    abierto_en: string | null
    instancia_id: string | null
    nivel: number | null
  }[]

describe('derived tables after an import', () => {
  it('each received report and acuerdo has its derived row, as on the laptop that wrote them', async () => {
    const { a, b, da, traer } = await dos()
    const f = await actaAprobada(b)
    expect(reportes(b).length).toBeGreaterThan(0)
    expect(vidas(b).length).toBeGreaterThan(0)
    await importar(da, await traer())
    expect(fechas(a)).toEqual(reportes(a))
    expect(fechas(a)).toHaveLength(fechas(b).length)
    // Ids of seeded rows and creation times are each side's own: compare where and how long.
    const lugar = (t: TestApp) =>
      vidas(t).map((v) => [v.cerrado_en === '~', v.abierto_en?.slice(0, 10), v.nivel])
    expect(lugar(a)).toEqual(lugar(b))
    expect(vidas(a).filter((v) => v.abierto_en === null || v.instancia_id === null)).toEqual([])
    // What the coordinator sees: the dashboard's figures and a new session's open acuerdos.
    const tablero = async (t: TestApp) =>
      (await t.api['tablero:obtener']({})).porInstancia.map((g) => [g.codigo, g.porEstado])
    expect(await tablero(a)).toEqual(await tablero(b))
    // The same instancia on each side (seeded on each: other ids, the same code).
    const codigo = b.app.handle
      .prepare('select codigo from instancias where id = ?')
      .pluck()
      .get(f.instanciaId)
    const abiertosEnNueva = async (t: TestApp) => {
      const s = await t.api['sesion:crear']({
        instanciaId: t.app.handle
          .prepare('select id from instancias where codigo = ?')
          .pluck()
          .get(codigo) as string,
        tipo: 'extraordinaria',
        fecha: '2030-06-01',
        modalidad: 'presencial'
      })
      const d = await t.api['sesion:obtener']({ id: s.id })
      return d.seguimiento.map((x) => x.texto).sort()
    }
    const enB = await abiertosEnNueva(b)
    expect(enB.length).toBeGreaterThan(0)
    expect(await abiertosEnNueva(a)).toEqual(enB)
  })

  it('a package with more rows of one table than SQLite has variables is previewed and imported', async () => {
    const { a, b, da, traer } = await dos()
    const n = 33_000
    const ins = b.app.handle.prepare(
      `insert into personas (id, nombre, created_at, updated_at)
       values (?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`
    )
    b.app.handle.transaction(() => {
      for (let i = 0; i < n; i++) ins.run(`p-${String(i).padStart(6, '0')}`, `Persona ${i}`)
    })()
    const p = await traer()
    const v = await vistaPrevia(da, p)
    expect(v.conflictos).toEqual([])
    await importar(da, p)
    const cuenta = a.app.handle
      .prepare("select count(*) from personas where id like 'p-%'")
      .pluck()
      .get()
    expect(cuenta).toBe(n)
  }, 300_000)
})
