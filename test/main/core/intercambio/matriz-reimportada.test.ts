import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { dispatch } from '../../../../src/main/core/dispatch'
import { banco, contenido, haciaElOtro, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/consulta'
import { caller } from '../../../helpers/sesiones'
import { esperarTarea } from '../../../helpers/mundo'

// A row deleted on one laptop, the deletion exchanged, then put back by importing the ministry's
// workbook again over the plan («actualizar»), a row of common origin (fourth review of #16). The
// other laptop paired it with its deleted twin, so there it stayed deleted, with no conflict. A
// deleted row whose deletion the sender already knew has no twin in the package.

const { equipo, paqueteDe } = banco()

async function llevar(de: Equipo, para: Equipo) {
  const p = await paqueteDe(de, para)
  const v = await vistaPrevia(para.d, p)
  await importar(para.d, p, Object.fromEntries(v.conflictos.map((c) => [c.clave, 'mio'])))
}
const ambos = async (a: Equipo, b: Equipo) => {
  await llevar(a, b)
  await llevar(b, a)
}

const planId = async (e: Equipo) =>
  (await filas<{ id: string }>(e.t, 'select id from planes'))[0]!.id

async function libro(e: Equipo): Promise<string> {
  const { tareaId } = await e.t.api['matriz:exportar']({
    planId: await planId(e),
    seguimiento: false,
    papel: 'carta'
  })
  return ((await esperarTarea(e.t.api, tareaId)).resultado as { base64: string }).base64
}

async function reimportar(e: Equipo, base64: string) {
  const destino = { modo: 'actualizar', planId: await planId(e) }
  const r = await dispatch(e.t.api, 'matriz:importar', { base64, destino }, () => {})
  if (!r.ok) throw new Error(r.error.message)
  const t = await esperarTarea(e.t.api, (r.value as { tareaId: string }).tareaId)
  expect(t.estado).toBe('lista')
}

describe('a row deleted, exchanged, and put back by importing the workbook again', () => {
  it.each([
    [
      'the metas of an acción',
      'metas',
      "select m.id, m.texto, m.orden from metas m join acciones x on x.id = m.accion_id where x.codigo = '1.1.a' order by m.orden",
      'meta:eliminar'
    ],
    [
      'an acción',
      'acciones',
      "select id, codigo, texto from acciones where codigo = '1.1.b'",
      'accion:eliminar'
    ]
  ] as const)('%s: back on both laptops, the same rows', async (_, _t, consulta, canal) => {
    const [a, b] = [await equipo('A'), await equipo('B')]
    await ambos(a, b)
    const l = await libro(a)
    const sinId = async (e: Equipo) =>
      (await filas<{ id: string }>(e.t, consulta)).map(({ id: _i, ...r }) => r)
    const antes = await sinId(a)
    expect(antes.length).toBeGreaterThan(0)
    for (const { id } of await filas<{ id: string }>(a.t, consulta))
      await caller(a.t).ok(canal, { id })
    await ambos(a, b)
    expect(await sinId(b)).toEqual([])
    await reimportar(a, l)
    expect(await sinId(a)).toEqual(antes)
    await ambos(a, b)
    expect(await sinId(b)).toEqual(antes)
    expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
  })
})
