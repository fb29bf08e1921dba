import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { banco, contenido, haciaElOtro, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/demo-hoy'

// Seeded rows changed on one laptop before its first exchange (#16). Each side matches the
// other's seeded rows by their natural key (alias.ts); a row deleted here or a key changed there
// used to miss its twin: the deleted indicador came back as a new row (31 against 32 for good),
// and an acción whose code changed came in a second time.

const { equipo, paqueteDe } = banco()

/** Both ways, each conflict kept as this side's; then both hold the same rows. */
async function intercambiar(a: Equipo, b: Equipo): Promise<void> {
  for (const [de, para] of [
    [a, b],
    [b, a]
  ] as const) {
    const p = await paqueteDe(de, para)
    const v = await vistaPrevia(para.d, p)
    await importar(para.d, p, Object.fromEntries(v.conflictos.map((c) => [c.clave, 'mio'])))
  }
  expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
}

const cuantas = (e: Equipo, tabla: string) =>
  filas<{ n: number }>(e.t, `select count(*) as n from ${tabla}`)[0]!.n

describe('a seeded row changed before the first exchange', () => {
  it('deleted on one side: deleted on both, with no conflict', async () => {
    const a = await equipo('A')
    const b = await equipo('B')
    const n = cuantas(a, 'indicadores')
    const { id } = filas<{ id: string }>(b.t, 'select id from indicadores order by id limit 1')[0]!
    await b.t.app.db.deleteFrom('indicadores').where('id', '=', id).execute()
    const v = await vistaPrevia(b.d, await paqueteDe(a, b))
    expect([v.tablas, v.conflictos]).toEqual([[], []])
    await intercambiar(a, b)
    expect([cuantas(a, 'indicadores'), cuantas(b, 'indicadores')]).toEqual([n - 1, n - 1])
  })

  it('deleted on one side and edited on the other: one conflict, then the same on both', async () => {
    const a = await equipo('A')
    const b = await equipo('B')
    const [ia] = filas<{ id: string; accion_id: string; orden: number }>(
      a.t,
      'select id, accion_id, orden from indicadores order by id limit 1'
    )
    await a.t.app.db
      .updateTable('indicadores')
      .set({ texto: 'Editado' })
      .where('id', '=', ia!.id)
      .execute()
    const codigo = filas<{ codigo: string }>(
      a.t,
      'select codigo from acciones where id = ?',
      ia!.accion_id
    )[0]!.codigo
    const [ib] = filas<{ id: string }>(
      b.t,
      'select i.id from indicadores i join acciones c on c.id = i.accion_id where c.codigo = ? and i.orden = ?',
      codigo,
      ia!.orden
    )
    await b.t.app.db.deleteFrom('indicadores').where('id', '=', ib!.id).execute()
    const v = await vistaPrevia(b.d, await paqueteDe(a, b))
    expect(v.conflictos.map((c) => [c.tabla, c.filaId, c.campo])).toEqual([
      ['indicadores', ib!.id, '_borrado']
    ])
    await intercambiar(a, b)
  })

  it.each([
    ['it sending first', false],
    ['the partner sending first', true]
  ])(
    'its code changed on one side, %s: the same acción on both, with the new code',
    async (_, alReves) => {
      const a = await equipo('A')
      const b = await equipo('B')
      const n = cuantas(a, 'acciones')
      const [acc] = filas<{ id: string; codigo: string }>(
        a.t,
        'select id, codigo from acciones order by codigo limit 1'
      )
      const nuevo = `${acc!.codigo}x`
      await a.t.app.db
        .updateTable('acciones')
        .set({ codigo: nuevo })
        .where('id', '=', acc!.id)
        .execute()
      await (alReves ? intercambiar(b, a) : intercambiar(a, b))
      expect([cuantas(a, 'acciones'), cuantas(b, 'acciones')]).toEqual([n, n])
      for (const e of [a, b]) {
        expect(
          filas(e.t, 'select codigo from acciones where codigo like ?', `${acc!.codigo}%`)
        ).toEqual([{ codigo: nuevo }])
      }
    }
  )
})
