import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { demoAl, estadoAcuerdos } from '../../../helpers/demo-hoy'
import { filas } from '../../../helpers/consulta'
import type { FilaEstados } from '../../../../src/shared/tablero/contract'
import { avisosSemana } from '../../../../src/main/core/tablero/tablero.service'

/**
 * Every figure of the dashboard over the demo data, with today fixed at 2014-11-01, against
 * what the test computes itself from the rows (plain SQL reads and JavaScript, not the service).
 */
const HOY = '2014-11-01'
const EN_30 = '2014-12-01'
let t: TestApp
beforeAll(async () => {
  t = await demoAl(HOY)
}, 120_000)
afterAll(() => t.close())

interface Acc {
  id: string
  codigo: string
  eje_id: string
  instancia_id: string | null
}
interface Rep {
  accion_id: string
  estado: string
  porcentaje: number | null
  aprobada: number
}

/** Each acción's latest report: in approved actas, and in any acta. */
async function ultimos(): Promise<{ acciones: Acc[]; ap: Map<string, Rep>; ul: Map<string, Rep> }> {
  const acciones = await filas<Acc>(
    t,
    `select a.id, a.codigo, o.eje_id, a.instancia_id from acciones a
     join objetivos o on o.id = a.objetivo_id`
  )
  const reps = await filas<Rep>(
    t,
    `select v.accion_id, v.estado, v.porcentaje, s.estado = 'aprobada' as aprobada
     from avances v join sesiones s on s.id = v.sesion_id order by s.fecha, s.created_at`
  )
  const ap = new Map<string, Rep>()
  const ul = new Map<string, Rep>()
  for (const r of reps) {
    ul.set(r.accion_id, r)
    if (r.aprobada) ap.set(r.accion_id, r)
  }
  return { acciones, ap, ul }
}

const media = (xs: (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number')
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null
}

async function esperado(grupoDe: (a: Acc) => string | null, instanciaId?: string) {
  const { acciones, ap, ul } = await ultimos()
  const por = new Map<string | null, Acc[]>()
  for (const a of acciones.filter((x) => !instanciaId || x.instancia_id === instanciaId))
    por.set(grupoDe(a), [...(por.get(grupoDe(a)) ?? []), a])
  return new Map(
    [...por].map(([id, as]) => [
      id,
      {
        acciones: as.length,
        porEstado: Object.fromEntries(
          ['no_iniciada', 'en_curso', 'cumplida', 'atrasada', 'sin_reporte'].map((e) => [
            e,
            as.filter((a) => (ap.get(a.id)?.estado ?? 'sin_reporte') === e).length
          ])
        ),
        promedio: media(as.map((a) => ap.get(a.id)?.porcentaje)),
        // Of how many: an acción with no % (no report, or a report without one) is left out.
        conPorcentaje: as.filter((a) => typeof ap.get(a.id)?.porcentaje === 'number').length,
        promedioConBorradores: media(as.map((a) => ul.get(a.id)?.porcentaje)),
        conPorcentajeConBorradores: as.filter((a) => typeof ul.get(a.id)?.porcentaje === 'number')
          .length,
        enBorrador: as.filter((a) => ul.get(a.id) && ul.get(a.id) !== ap.get(a.id)).length
      }
    ])
  )
}

const sinNombre = (fs: FilaEstados[]) =>
  new Map(fs.map(({ id, nombre: _n, codigo: _c, ...cifras }) => [id, cifras]))

describe('the dashboard over the demo', () => {
  it('counts acciones by estado and averages their % per eje and per instancia', async () => {
    // Every demo acción has a % by today: one added to the plan has none, and is left out.
    const [obj] = await filas<{ id: string }>(t, `select id from objetivos order by orden limit 1`)
    await t.api['accion:crear']({
      objetivoId: obj!.id,
      codigo: '1.1.z',
      texto: 'Acción sin reporte.',
      instanciaId: null,
      responsables: ''
    })
    const d = await t.api['tablero:obtener']({})
    expect(d.hoy).toBe(HOY)
    expect(sinNombre(d.porEje)).toEqual(await esperado((a) => a.eje_id))
    expect(sinNombre(d.porInstancia)).toEqual(await esperado((a) => a.instancia_id))
    // The demo has reports in drafts and approved actas both: the figures differ.
    expect(d.porEje.some((e) => e.enBorrador > 0)).toBe(true)
    expect(
      d.porEje.some((e) => e.porEstado.en_curso > 0 && e.porEstado.sin_reporte < e.acciones)
    ).toBe(true)
    // Some acciones have no % to average: the figure says of how many it is.
    expect(d.porEje.some((e) => e.conPorcentaje > 0 && e.conPorcentaje < e.acciones)).toBe(true)
  })

  it('filters by instancia', async () => {
    const [inst] = await filas<{ id: string }>(
      t,
      `select id from instancias order by orden limit 1`
    )
    const d = await t.api['tablero:obtener']({ instanciaId: inst!.id })
    expect(sinNombre(d.porEje)).toEqual(await esperado((a) => a.eje_id, inst!.id))
    expect(d.porInstancia.map((i) => i.id)).toEqual([inst!.id])
  })

  it('lists the metas past their plazo and not met, most overdue first', async () => {
    const { ap } = await ultimos()
    const metas = await filas<{ id: string; plazo: string; accion_id: string }>(
      t,
      `select id, plazo, accion_id from metas where plazo is not null`
    )
    const vencidas = metas
      .filter((m) => m.plazo < HOY && ap.get(m.accion_id)?.estado !== 'cumplida')
      .sort((a, b) => a.plazo.localeCompare(b.plazo))
    expect(vencidas.length).toBeGreaterThan(5)
    const d = await t.api['tablero:obtener']({})
    expect(d.metasVencidas.total).toBe(vencidas.length)
    expect(d.metasVencidas.filas.map((m) => m.plazo)).toEqual(
      vencidas.slice(0, 5).map((m) => m.plazo)
    )
    const dias = (p: string) => (Date.parse(HOY) - Date.parse(p)) / 86_400_000
    for (const m of d.metasVencidas.filas) expect(m.diasVencida).toBe(dias(m.plazo))
    // Paged, the whole list is every overdue meta once.
    const vistas: string[] = []
    for (let offset = 0; offset < vencidas.length; offset += 7) {
      const p = await t.api['metavencida:listar']({ offset, limit: 7 })
      expect(p.total).toBe(vencidas.length)
      vistas.push(...p.filas.map((m) => m.metaId))
    }
    expect(vistas.sort()).toEqual(vencidas.map((m) => m.id).sort())
  })

  it('counts open acuerdos vencidos and por vencer (30 days) by institución', async () => {
    const estado = await estadoAcuerdos(t)
    const acuerdos = await filas<{ id: string; plazo: string | null; sigla: string | null }>(
      t,
      `select a.id, a.plazo, i.sigla from acuerdos a left join instituciones i on i.id = a.institucion_id`
    )
    const abiertos = acuerdos.filter((a) => estado.get(a.id) !== 'cumplido' && a.plazo)
    const por = new Map<string, { vencidos: number; porVencer: number }>()
    for (const a of abiertos) {
      const k = a.sigla ?? 'Sin institución'
      const r = por.get(k) ?? { vencidos: 0, porVencer: 0 }
      if (a.plazo! < HOY) r.vencidos++
      else if (a.plazo! <= EN_30) r.porVencer++
      else continue
      por.set(k, r)
    }
    const d = await t.api['tablero:obtener']({})
    expect(
      new Map(
        d.acuerdos.porInstitucion.map((r) => [
          r.sigla,
          { vencidos: r.vencidos, porVencer: r.porVencer }
        ])
      )
    ).toEqual(por)
    const total = (k: 'vencidos' | 'porVencer') => [...por.values()].reduce((n, r) => n + r[k], 0)
    expect(d.acuerdos.vencidos).toBe(total('vencidos'))
    expect(d.acuerdos.porVencer).toBe(total('porVencer'))
    expect(d.acuerdos.vencidos).toBeGreaterThan(0)
    expect(d.acuerdos.porVencer).toBeGreaterThan(0)
  })

  it('shows the next sessions and the actas awaiting approval', async () => {
    const ses = await filas<{ id: string; fecha: string; estado: string }>(
      t,
      `select id, fecha, estado from sesiones order by fecha, created_at`
    )
    const d = await t.api['tablero:obtener']({})
    const proximas = ses.filter((s) => s.fecha >= HOY && s.estado === 'borrador')
    expect(d.proximasSesiones.map((s) => s.id)).toEqual(proximas.slice(0, 5).map((s) => s.id))
    const porAprobar = ses.filter((s) => s.fecha < HOY && s.estado !== 'aprobada')
    expect(d.actasPorAprobar.total).toBe(porAprobar.length)
    expect(d.actasPorAprobar.filas.map((s) => s.id)).toEqual(
      porAprobar.map((s) => s.id).slice(0, 10)
    )
    expect(proximas.length + porAprobar.length).toBeGreaterThan(0)
  })

  it('lists the acciones behind each bar', async () => {
    const d = await t.api['tablero:obtener']({})
    for (const e of d.porEje)
      for (const estado of ['en_curso', 'cumplida', 'sin_reporte'] as const) {
        const l = await t.api['accionestado:listar']({ ejeId: e.id!, estado })
        expect(l.length).toBe(e.porEstado[estado])
        for (const a of l) expect(a.estado ?? 'sin_reporte').toBe(estado)
      }
  })

  it('warns of the open acuerdos falling due from today to Sunday', async () => {
    const estado = await estadoAcuerdos(t)
    const acuerdos = await filas<{ id: string; plazo: string | null }>(
      t,
      `select id, plazo from acuerdos`
    )
    const semana = (desde: string, hasta: string) =>
      acuerdos.filter(
        (a) => estado.get(a.id) !== 'cumplido' && a.plazo && a.plazo >= desde && a.plazo <= hasta
      )
    // 2014-11-01 is a Saturday: its week ends on Sunday 2014-11-02.
    const w = await t.api['aviso:listar'](undefined)
    expect(w.hasta).toBe('2014-11-02')
    expect(w.total).toBe(semana(HOY, '2014-11-02').length)
    // On Monday 2014-11-17 the week runs to the 23rd and holds the MITP session's plazos.
    const lunes = await avisosSemana(t.app.db, '2014-11-17')
    const esperados = semana('2014-11-17', '2014-11-23')
    expect(esperados.length).toBeGreaterThan(0)
    expect(lunes.total).toBe(esperados.length)
    expect(lunes.acuerdos.map((a) => a.id).sort()).toEqual(esperados.map((a) => a.id).sort())
    // Each names its instancia and says what was agreed.
    const donde = new Map(
      (
        await filas<{ id: string; instancia: string; texto: string }>(
          t,
          `select a.id, i.nombre as instancia, a.texto from acuerdos a
         join sesiones s on s.id = a.sesion_id join instancias i on i.id = s.instancia_id`
        )
      ).map((r) => [r.id, { instancia: r.instancia, texto: r.texto }])
    )
    for (const a of lunes.acuerdos)
      expect({ instancia: a.instancia, texto: a.texto }).toEqual(donde.get(a.id))
  })
})
