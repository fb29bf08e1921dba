import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { banco, contenido, haciaElOtro, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/consulta'

// Codes shifted on one laptop before its first exchange (second review of #16): acciones
// 1.1.a–1.1.e moved up a letter and a new 1.1.a created. Matched by the code they have now, each
// seeded acción paired with its neighbour on the other side (conflicts of strangers' texts, an
// acuerdo tied to the wrong acción); each must meet its twin by the code both were seeded with.

const { equipo, paqueteDe } = banco()

interface Accion {
  id: string
  codigo: string
  texto: string
}

const acciones = (e: Equipo): Promise<Accion[]> =>
  filas<Accion>(
    e.t,
    `select a.id, a.codigo, a.texto from acciones a join objetivos o on o.id = a.objetivo_id
     where o.codigo = '1.1' order by a.codigo`
  )

/** Moves every acción of objetivo 1.1 up one letter, last first, and adds a new «a». */
async function correr(e: Equipo): Promise<Accion[]> {
  const antes = await acciones(e)
  for (const a of [...antes].reverse()) {
    const letra = String.fromCharCode(a.codigo.charCodeAt(a.codigo.length - 1) + 1)
    await e.t.app.db
      .updateTable('acciones')
      .set({ codigo: a.codigo.slice(0, -1) + letra })
      .where('id', '=', a.id)
      .execute()
  }
  const primera = antes[0]!
  const { objetivo_id, plan_id } = (
    await filas<{ objetivo_id: string; plan_id: string }>(
      e.t,
      'select objetivo_id, plan_id from acciones where id = ?',
      primera.id
    )
  )[0]!
  await e.t.app.db
    .insertInto('acciones')
    .values({
      id: '019a0000-0000-7000-8000-00000000c0de',
      plan_id,
      objetivo_id,
      codigo: primera.codigo,
      texto: 'Acción nueva antes de las demás',
      responsables: '',
      orden: 0,
      created_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z'
    })
    .execute()
  return antes
}

async function aceptar(de: Equipo, para: Equipo): Promise<void> {
  const p = await paqueteDe(de, para)
  const v = await vistaPrevia(para.d, p)
  expect(v.conflictos).toEqual([])
  await importar(para.d, p, {})
}

describe('codes shifted on one side before the first exchange', () => {
  it.each([
    ['the shifting side sending first', false],
    ['the other side sending first', true]
  ])('%s: every acción meets its twin, no conflicts, the same on both', async (_, alReves) => {
    const a = await equipo('A')
    const b = await equipo('B')
    const deB = await acciones(b)
    const deA = await correr(a)
    const pares = alReves
      ? [
          [b, a],
          [a, b]
        ]
      : [
          [a, b],
          [b, a]
        ]
    for (const [de, para] of pares as [Equipo, Equipo][]) await aceptar(de, para)
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
    // B's row seeded as 1.1.a carries its own text under the new code 1.1.b, and so on.
    const ahora = new Map((await acciones(b)).map((x) => [x.id, x]))
    const enA = await acciones(a)
    for (const [i, x] of deB.entries()) {
      expect(ahora.get(x.id)).toEqual({ ...x, codigo: enA[i + 1]!.codigo })
      expect(x.texto).toBe(deA[i]!.texto)
    }
    expect((await acciones(b)).map((x) => x.texto)[0]).toBe('Acción nueva antes de las demás')
  })
})
