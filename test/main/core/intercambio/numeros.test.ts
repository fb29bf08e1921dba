import { describe, expect, it } from 'vitest'
import { importar, leerAjenas, vistaPrevia } from '../../../../src/main/core/intercambio'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { banco, contenido, haciaElOtro, type Equipo } from '../../../helpers/intercambio'
import { caller, ordinarias } from '../../../helpers/sesiones'
import { demoAl, filas } from '../../../helpers/demo-hoy'
import { fijarRelojSellos } from '../../../../src/main/core/db/sello'

// Two laptops that each took the same session number of one instancia (#16): both sessions are
// kept. The later created takes the next number on both sides (the same one, so they agree); an
// approved acta is never renumbered, and when both are approved the partner's is kept aside whole.

const { equipo, paqueteDe } = banco()

async function prevencion(e: Equipo): Promise<string> {
  const i = await caller(e.t).ok('instancia:listar', undefined)
  return i.find((x) => x.codigo === 'PREVENCION')!.id
}

const numeros = (e: Equipo) =>
  filas<{ id: string; numero: number }>(e.t, 'select id, numero from sesiones order by id')

describe('two sessions with one number', () => {
  it('both kept: the later created takes the next number on both sides, whatever the order', async () => {
    const a = await equipo('Notebook MININT – Coordinación')
    const b = await equipo('Notebook SERNAM – Javiera')
    // B's clock a minute ahead: its session is the one created later, whatever the speed.
    fijarRelojSellos(b.t.app.handle, () => Date.now() + 60_000)
    const sa = await ordinarias(a.t, await prevencion(a))('2015-03-10')
    const sb = await ordinarias(b.t, await prevencion(b))('2015-03-10')
    expect([sa.numero, sb.numero]).toEqual([1, 1])
    // Each sends before receiving the other's: both decide on their own.
    const pa = await paqueteDe(a, b)
    const pb = await paqueteDe(b, a)
    const va = await vistaPrevia(a.d, pb)
    expect(va.numeros).toMatchObject([{ sesionId: sb.id, antes: 1, despues: 2, lado: 'alla' }])
    const vb = await vistaPrevia(b.d, pa)
    expect(vb.numeros).toMatchObject([{ sesionId: sb.id, antes: 1, despues: 2, lado: 'aqui' }])
    await importar(a.d, pb)
    await importar(b.d, pa)
    const esperado = [
      { id: sa.id, numero: 1 },
      { id: sb.id, numero: 2 }
    ].sort((x, y) => x.id.localeCompare(y.id))
    expect(numeros(a)).toEqual(esperado)
    expect(numeros(b)).toEqual(esperado)
    // The next round agrees: the same number on both sides is no conflict.
    const pa2 = await paqueteDe(a, b)
    const pb2 = await paqueteDe(b, a)
    expect((await vistaPrevia(a.d, pb2)).conflictos).toEqual([])
    expect((await vistaPrevia(b.d, pa2)).conflictos).toEqual([])
    await importar(a.d, pb2)
    await importar(b.d, pa2)
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })

  it('two demo databases: every session kept, approved actas untouched, the partner’s set aside', async () => {
    const a = await equipo('Notebook MININT – Coordinación', () => demoAl('2014-12-31'))
    const b = await equipo('Notebook SERNAM – Javiera', () => demoAl('2014-12-31'))
    const aprobadas = (e: Equipo) =>
      filas<{ id: string; hash: string; contenido_aprobado: string }>(
        e.t,
        "select id, hash, contenido_aprobado from sesiones where estado = 'aprobada' order by id"
      )
    const suyas = aprobadas(a)
    const propias = aprobadas(b)
    expect(suyas.length).toBeGreaterThan(0)
    const deA = filas<{ id: string; estado: string }>(a.t, 'select id, estado from sesiones')
    const p1 = await paqueteDe(a, b)
    const v = await vistaPrevia(b.d, p1)
    expect(v.numeros.length).toBeGreaterThan(0)
    expect(v.actasDistintas.filter((x) => x.motivo === 'numero').length).toBeGreaterThan(0)
    await importar(b.d, p1)
    // Approved actas here: not one changed, and each still matches its hash.
    const ids = new Set(propias.map((p) => p.id))
    expect(aprobadas(b).filter((x) => ids.has(x.id))).toEqual(propias)
    expect(await revisarActas(b.t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
    // Every session of A is here, or its acta is kept aside whole, readable with its hash.
    const aqui = new Set(filas<{ id: string }>(b.t, 'select id from sesiones').map((s) => s.id))
    const ajenas = await leerAjenas(b.t.app.db)
    for (const s of deA) {
      if (aqui.has(s.id)) continue
      const suya = suyas.find((x) => x.id === s.id)!
      expect(ajenas.find((x) => x.sesionId === s.id)).toMatchObject({
        motivo: 'numero',
        hash: suya.hash,
        contenido: suya.contenido_aprobado,
        instalacion: { nombre: 'Notebook MININT – Coordinación' }
      })
    }
    expect(ajenas.length).toBe(v.actasDistintas.length)
    // The other way, and a second round (which may bring nothing new): nothing else refused,
    // nothing changes an approved acta.
    await importar(a.d, await paqueteDe(b, a))
    for (const [de, para] of [
      [a, b],
      [b, a]
    ] as const) {
      await importar(para.d, await paqueteDe(de, para)).catch((e: Error) => {
        if (!/ya se importó/.test(e.message)) throw e
      })
    }
    for (const e of [a, b])
      expect(await revisarActas(e.t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
    expect(aprobadas(a).filter((x) => suyas.some((s) => s.id === x.id))).toEqual(suyas)
  })
})
