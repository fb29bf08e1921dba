import { describe, expect, it } from 'vitest'
import { cadaPrueba, type Caller } from '../../../helpers/respuestas'
import type { TestApp } from '../../../helpers/db'
import { fila as filaDe } from '../../../helpers/consulta'

/**
 * Where a result of the plan opens and what it is called, for each kind of row, checked against
 * the row's own eje / acción read from the database: a search by the row's whole text finds it.
 */
let t: TestApp
let api: Caller
cadaPrueba((nuevo, a) => {
  t = nuevo
  api = a
})

const fila = async (q: string) => (await filaDe<Record<string, string>>(t, q))!
async function hallado(tipo: string, id: string, texto: string) {
  // The first few words of the row's text, as a person would type them.
  const q = texto.split(/\s+/).slice(0, 6).join(' ')
  const r = await api.ok('busqueda:buscar', { texto: q, limite: 100, desde: 0 })
  const x = r.resultados.find((y) => y.id === id)
  expect(x, `${tipo}: ${q}`).toBeDefined()
  return x!
}

describe('search results of the plan', () => {
  it('an eje and an objetivo open the plan, named by their code', async () => {
    const eje = await fila('select id, codigo, nombre from ejes order by orden limit 1 offset 1')
    expect(await hallado('eje', eje.id!, eje.nombre!)).toMatchObject({
      tipo: 'eje',
      titulo: `Eje ${eje.codigo}`,
      lugar: 'Plan de acción',
      destino: { pantalla: 'plan' }
    })
    const o = await fila(
      `select o.id, o.codigo, o.texto, e.nombre from objetivos o join ejes e on e.id = o.eje_id
       order by o.orden limit 1 offset 2`
    )
    expect(await hallado('objetivo', o.id!, o.texto!)).toMatchObject({
      tipo: 'objetivo',
      titulo: `Objetivo ${o.codigo}`,
      lugar: `Eje ${o.nombre}`,
      destino: { pantalla: 'plan' }
    })
  })

  it('a meta and an indicador open the page of their acción', async () => {
    for (const [tipo, tabla, nombre] of [
      ['meta', 'metas', 'Meta'],
      ['indicador', 'indicadores', 'Indicador']
    ] as const) {
      const x = await fila(
        `select x.id, x.texto, a.id as accion, a.codigo from ${tabla} x
         join acciones a on a.id = x.accion_id where length(x.texto) > 40 order by a.codigo desc limit 1`
      )
      expect(await hallado(tipo, x.id!, x.texto!)).toMatchObject({
        tipo,
        titulo: `${nombre} de la acción ${x.codigo}`,
        lugar: 'Plan de acción',
        destino: { pantalla: 'accion', accionId: x.accion }
      })
    }
  })
})
