import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../../../helpers/db'
import { demoAl } from '../../../helpers/demo-hoy'
import { filas } from '../../../helpers/consulta'
import { porcentajeDe } from '../../../../src/shared/domain/sesiones'

/** An acción's story over the demo (today 2014-11-01), against the rows read by the test. */
const HOY = '2014-11-01'
let t: TestApp
let accionId: string
beforeAll(async () => {
  t = await demoAl(HOY)
  // The acción with the most acuerdos, then the most measurements.
  accionId = (
    await filas<{ id: string }>(
      t,
      `select a.id from acciones a
     order by (select count(*) from acuerdos where accion_id = a.id) desc,
       (select count(*) from mediciones m join indicadores i on i.id = m.indicador_id
        where i.accion_id = a.id) desc, a.codigo limit 1`
    )
  )[0]!.id
}, 120_000)
afterAll(() => t.close())

describe("an acción's page tells its story", () => {
  it('every report, every measurement against the target, its sessions and acuerdos', async () => {
    const [ind] = await filas<{ id: string; tipo: string }>(
      t,
      `select i.id, i.tipo from indicadores i where accion_id = ? and exists
       (select 1 from mediciones where indicador_id = i.id) order by orden limit 1`,
      accionId
    )
    // A target that fits the kind: a hito is met at 1.
    const meta = ind!.tipo === 'hito' ? 1 : 40
    await t.api['indicador:actualizar']({
      ...(await t.api['accion:obtener']({ id: accionId })).accion.indicadores.find(
        (i) => i.id === ind!.id
      )!,
      metaValor: meta
    })
    const h = await t.api['trayectoria:obtener']({ accionId })
    const av = await filas<{ fecha: string; estado: string; porcentaje: number | null }>(
      t,
      `select s.fecha, v.estado, v.porcentaje from avances v join sesiones s on s.id = v.sesion_id
       where v.accion_id = ? order by s.fecha, s.created_at`,
      accionId
    )
    expect(av.length).toBeGreaterThan(1)
    expect(
      h.avances.map(({ fecha, estado, porcentaje }) => ({ fecha, estado, porcentaje }))
    ).toEqual(av)
    const med = await filas<{ indicador_id: string; fecha: string }>(
      t,
      `select m.indicador_id, s.fecha from mediciones m join sesiones s on s.id = m.sesion_id
       join indicadores i on i.id = m.indicador_id where i.accion_id = ?
       order by s.fecha, s.created_at`,
      accionId
    )
    const ids = (
      await filas<{ id: string }>(
        t,
        `select id from indicadores where accion_id = ? order by orden`,
        accionId
      )
    ).map((i) => i.id)
    expect(h.indicadores.map((i) => i.id)).toEqual(ids)
    expect(h.indicadores.flatMap((i) => i.mediciones.map((m) => [i.id, m.fecha]))).toEqual(
      ids.flatMap((id) => med.filter((m) => m.indicador_id === id).map((m) => [id, m.fecha]))
    )
    expect(med.length).toBeGreaterThan(1)
    expect(h.indicadores.find((i) => i.id === ind!.id)!.metaValor).toBe(meta)
    const ses = await filas<{ sesion_id: string }>(
      t,
      `select sesion_id from avances where accion_id = ?
       union select sesion_id from acuerdos where accion_id = ?
       union select m.sesion_id from mediciones m join indicadores i on i.id = m.indicador_id
         where i.accion_id = ?`,
      accionId,
      accionId,
      accionId
    )
    expect(h.sesiones.map((s) => s.id).sort()).toEqual(ses.map((s) => s.sesion_id).sort())
    const acs = await filas<{ id: string }>(
      t,
      `select id from acuerdos where accion_id = ?`,
      accionId
    )
    expect(acs.length).toBeGreaterThan(0)
    expect(h.acuerdos.map((a) => a.id).sort()).toEqual(acs.map((a) => a.id).sort())
  })

  it('names its metas past their plazo, relative to today', async () => {
    const metas = await filas<{ id: string; accion_id: string; plazo: string }>(
      t,
      `select id, accion_id, plazo from metas where plazo is not null and plazo < ? order by plazo`,
      HOY
    )
    const m = metas[0]!
    const h = await t.api['trayectoria:obtener']({ accionId: m.accion_id })
    expect(h.metasVencidas).toContain(m.id)
    const futuras = await filas<{ id: string; accion_id: string }>(
      t,
      `select id, accion_id from metas where plazo >= ? limit 1`,
      HOY
    )
    for (const f of futuras)
      expect(
        (await t.api['trayectoria:obtener']({ accionId: f.accion_id })).metasVencidas
      ).not.toContain(f.id)
  })

  it("marks what approved actas say, in date order, with each session's topics", async () => {
    // Over every acción of the demo: some reports and measurements are in drafts (today 1 Nov).
    const ids = (await filas<{ id: string }>(t, 'select id from acciones order by codigo')).map(
      (a) => a.id
    )
    let aprobadas = 0
    let borradores = 0
    for (const id of ids) {
      const h = await t.api['trayectoria:obtener']({ accionId: id })
      const av = await filas<{ aprobada: number }>(
        t,
        `select case when s.estado = 'aprobada' then 1 else 0 end as aprobada from avances v join sesiones s on s.id = v.sesion_id
         where v.accion_id = ? order by s.fecha, s.created_at`,
        id
      )
      expect(h.avances.map((a) => a.aprobada)).toEqual(av.map((a) => a.aprobada === 1))
      const med = await filas<{
        aprobada: number
        tipo: string
        valor: number | null
        num: number | null
        den: number | null
        corte: string | null
      }>(
        t,
        `select case when s.estado = 'aprobada' then 1 else 0 end as aprobada, m.tipo, m.valor, m.numerador as num,
           m.denominador as den, m.fecha_corte as corte
         from mediciones m join sesiones s on s.id = m.sesion_id
         join indicadores i on i.id = m.indicador_id where i.accion_id = ?
         order by i.orden, s.fecha, s.created_at`,
        id
      )
      expect(
        h.indicadores.flatMap((i) => i.mediciones.map((m) => [m.aprobada, m.valor, m.fechaCorte]))
      ).toEqual(
        med.map((m) => [
          m.aprobada === 1,
          m.tipo === 'porcentaje' ? porcentajeDe(m.num, m.den) : m.valor,
          m.corte || null
        ])
      )
      aprobadas += av.filter((a) => a.aprobada === 1).length
      borradores += av.filter((a) => a.aprobada !== 1).length
      // Sessions oldest first, each with what it did about the acción, in a fixed order.
      const ses = await filas<{ id: string; avance: number; ind: number; ac: number }>(
        t,
        `select s.id,
           exists(select 1 from avances where sesion_id = s.id and accion_id = ?) as avance,
           exists(select 1 from mediciones m join indicadores i on i.id = m.indicador_id
             where m.sesion_id = s.id and i.accion_id = ?) as ind,
           exists(select 1 from acuerdos where sesion_id = s.id and accion_id = ?) as ac
         from sesiones s where s.id in (
           select sesion_id from avances where accion_id = ?
           union select sesion_id from acuerdos where accion_id = ?
           union select m.sesion_id from mediciones m join indicadores i on i.id = m.indicador_id
             where i.accion_id = ?)
         order by s.fecha, s.created_at`,
        id,
        id,
        id,
        id,
        id,
        id
      )
      expect(h.sesiones.map((x) => [x.id, x.temas])).toEqual(
        ses.map((x) => [
          x.id,
          [x.avance && 'avance', x.ind && 'indicadores', x.ac && 'acuerdos'].filter(Boolean)
        ])
      )
      // Acuerdos by plazo, earliest first.
      const plazos = h.acuerdos.map((a) => a.plazo ?? '9999')
      expect(plazos).toEqual([...plazos].sort())
    }
    expect(aprobadas).toBeGreaterThan(0)
    expect(borradores).toBeGreaterThan(0)
  })

  it('refuses an acción that does not exist, in Spanish', async () => {
    await expect(
      t.api['trayectoria:obtener']({ accionId: '01a22b25-0000-7000-8000-000000000000' })
    ).rejects.toThrow('La acción no existe o fue eliminada.')
  })
})
