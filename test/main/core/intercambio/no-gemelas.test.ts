import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { banco, contenido, haciaElOtro, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/demo-hoy'
import { caller } from '../../../helpers/sesiones'

// Rows a user created one by one are never matched by natural key (comunes.ts), even when they
// took a key a seeded row has or had: a new 1.1.b after 1.1.b was renamed, a meta added on each
// side to one acción. Matched, the receiver ended with one row fewer, or two merged into one.

const { equipo, paqueteDe, llevar, ambos } = banco()

async function dos(): Promise<[Equipo, Equipo]> {
  const a = await equipo('A')
  const b = await equipo('B')
  await ambos(a, b)
  return [a, b]
}

const objetivo11 = (e: Equipo) =>
  filas<{ id: string }>(e.t, "select id from objetivos where codigo = '1.1'")[0]!.id
const nuevaAccion = (e: Equipo, codigo: string, texto: string) =>
  caller(e.t).ok('accion:crear', {
    ...{ objetivoId: objetivo11(e), codigo, texto },
    ...{ instanciaId: null, responsables: '' }
  })

describe('after the first exchange, an acción renamed and its old code taken by a new one', () => {
  const acciones = (e: Equipo) =>
    filas(
      e.t,
      "select codigo, texto from acciones where codigo in ('1.1.b', '1.1.y') order by codigo"
    )

  it.each([
    ['in one package', false],
    ['in two packages', true]
  ])('both acciones on both sides, %s', async (_, separados) => {
    const [a, b] = await dos()
    const viejo = filas<{ id: string; texto: string }>(
      a.t,
      "select id, texto from acciones where codigo = '1.1.b'"
    )[0]!
    await a.t.app.db
      .updateTable('acciones')
      .set({ codigo: '1.1.y' })
      .where('id', '=', viejo.id)
      .execute()
    if (separados) await ambos(a, b)
    await nuevaAccion(a, '1.1.b', 'Nueva 1.1.b')
    await ambos(a, b)
    expect(acciones(a)).toEqual([
      { codigo: '1.1.b', texto: 'Nueva 1.1.b' },
      { codigo: '1.1.y', texto: viejo.texto }
    ])
    expect(acciones(b)).toEqual(acciones(a))
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })
})

describe('one new row on each side with the same key', () => {
  it('two metas added to one acción (the same orden): both kept on both sides', async () => {
    const [a, b] = await dos()
    for (const [e, texto] of [
      [a, 'Meta de A'],
      [b, 'Meta de B']
    ] as const) {
      const [acc] = filas<{ id: string }>(e.t, "select id from acciones where codigo = '1.1.a'")
      await caller(e.t).ok('meta:crear', { accionId: acc!.id, texto })
    }
    const v = await llevar(a, b)
    expect(v.conflictos).toEqual([])
    await llevar(b, a)
    for (const e of [a, b]) {
      expect(
        filas(e.t, "select texto from metas where texto like 'Meta de %' order by texto"),
        e.nombre
      ).toEqual([{ texto: 'Meta de A' }, { texto: 'Meta de B' }])
    }
    // Received, a meta keeps its sender's mark: not of common origin here either.
    const [recibida] = filas<{ id: string }>(b.t, "select id from metas where texto = 'Meta de A'")
    expect(
      filas(b.t, "select * from comunes where tabla = 'metas' and fila_id = ?", recibida!.id)
    ).toEqual([])
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })

  it('two acciones with one code: refused in Spanish before the backup, nothing written', async () => {
    const [a, b] = await dos()
    await nuevaAccion(a, '1.1.q', 'Acción nueva de A')
    await nuevaAccion(b, '1.1.q', 'Acción nueva de B')
    const p = await paqueteDe(a, b)
    const respaldos = b.d.respaldos.length
    const error = /dejaría dos filas de «acciones» con plan_id, codigo iguales/
    await expect(vistaPrevia(b.d, p)).rejects.toThrow(error)
    await expect(importar(b.d, p)).rejects.toThrow(error)
    expect(b.d.respaldos).toHaveLength(respaldos)
    expect(filas(b.t, "select texto from acciones where codigo = '1.1.q'")).toEqual([
      { texto: 'Acción nueva de B' }
    ])
    // Once B changes its code, both acciones reach both sides.
    await b.t.app.db
      .updateTable('acciones')
      .set({ codigo: '1.1.r' })
      .where('codigo', '=', '1.1.q')
      .execute()
    await ambos(a, b)
    for (const e of [a, b])
      expect(
        filas(
          e.t,
          "select codigo, texto from acciones where codigo in ('1.1.q', '1.1.r') order by codigo"
        ),
        e.nombre
      ).toEqual([
        { codigo: '1.1.q', texto: 'Acción nueva de A' },
        { codigo: '1.1.r', texto: 'Acción nueva de B' }
      ])
  })
})
