import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { banco, contenido, haciaElOtro, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/demo-hoy'
import { caller } from '../../../helpers/sesiones'

// Both laptops copy the plan into the next period (fourth review of #16). A copy is of common
// origin only where its source is, and a row both already share gets the same id in both copies:
// copied as common, two hand-made metas of one acción (each laptop's own) merged into one row,
// and two shared ones were paired crosswise. The period is the plan's key: named apart on each
// laptop, the same period became two overlapping plans.

const { equipo, paqueteDe } = banco()

/** A package from `de` imported by `para`, each conflict decided by `eleccion`. */
async function llevar(de: Equipo, para: Equipo, eleccion: 'mio' | 'suyo' = 'mio') {
  const p = await paqueteDe(de, para)
  const v = await vistaPrevia(para.d, p)
  await importar(para.d, p, Object.fromEntries(v.conflictos.map((c) => [c.clave, eleccion])))
  return v.conflictos
}
const ambos = async (a: Equipo, b: Equipo) => [...(await llevar(a, b)), ...(await llevar(b, a))]

async function copiar(e: Equipo, nombre = 'Plan siguiente') {
  const p = filas<{ id: string; periodo_hasta: string }>(
    e.t,
    'select id, periodo_hasta from planes order by periodo_desde'
  )[0]!
  const y = Number(p.periodo_hasta.slice(0, 4)) + 1
  await caller(e.t).ok('plan:copiar', {
    id: p.id,
    nombre,
    periodoDesde: `${y}-01-01`,
    periodoHasta: `${y + 1}-12-31`
  })
}

async function aMano(e: Equipo, texto: string) {
  const [acc] = filas<{ id: string }>(e.t, "select id from acciones where codigo = '1.1.a'")
  await caller(e.t).ok('meta:crear', { accionId: acc!.id, texto })
}

const aManoEn = (e: Equipo) =>
  filas(
    e.t,
    `select m.texto, p.nombre from metas m join acciones x on x.id = m.accion_id
     join planes p on p.id = x.plan_id where m.texto like 'Meta de %' order by p.periodo_desde, m.texto`
  )

describe('both laptops copy the plan into the next period', () => {
  it('each with its own hand-made meta: both stay, in both periods, on both sides', async () => {
    const [a, b] = [await equipo('A'), await equipo('B')]
    await ambos(a, b)
    await aMano(a, 'Meta de A')
    await aMano(b, 'Meta de B')
    await copiar(a)
    await copiar(b)
    expect(await ambos(a, b)).toEqual([])
    for (const e of [a, b]) expect(aManoEn(e), e.nombre).toHaveLength(4)
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })

  it('hand-made metas exchanged first: each copy is the same row on both, no conflicts', async () => {
    const [a, b] = [await equipo('A'), await equipo('B')]
    await ambos(a, b)
    await aMano(a, 'Meta de A')
    await aMano(b, 'Meta de B')
    await ambos(a, b)
    await copiar(a)
    await copiar(b)
    expect(await ambos(a, b)).toEqual([])
    for (const e of [a, b]) expect(aManoEn(e), e.nombre).toHaveLength(4)
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })

  it('named apart on each laptop: one period, its name a conflict, then the same on both', async () => {
    const [a, b] = [await equipo('A'), await equipo('B')]
    await ambos(a, b)
    await copiar(a, 'Plan 2015-2016')
    await copiar(b, 'Plan 2015 - 2016')
    const conflictos = await llevar(a, b, 'suyo')
    expect(conflictos.map((c) => [c.tabla, c.campo])).toEqual([['planes', 'nombre']])
    await llevar(b, a)
    for (const e of [a, b])
      expect(filas(e.t, 'select nombre from planes order by periodo_desde').at(-1)).toEqual({
        nombre: 'Plan 2015-2016'
      })
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })
})
