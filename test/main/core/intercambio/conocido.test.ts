import { describe, expect, it } from 'vitest'
import { importar } from '../../../../src/main/core/intercambio'
import { abrirPaquete, escribirPaquete } from '../../../../src/main/core/intercambio/paquete'
import { banco } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/consulta'

// What a laptop knows it has received (#16, migration 0017): a package's vector is the sender's
// claim. A crafted one (its checksum right) said it had seen every change of A up to the largest
// stamp; taken as ours, every later edit of A was ignored here and the claim went on to others.

const { equipo, paquete, paqueteDe } = banco()

const minint = "select nombre from instituciones where sigla = 'MININT'"

describe('a package’s vector', () => {
  it('does not make this side believe it has changes it never received, nor pass it on', async () => {
    const a = await equipo('A')
    const b = await equipo('B')
    await importar(b.d, await paqueteDe(a, b))
    await importar(a.d, await paqueteDe(b, a))
    const aid = (await filas<{ id: string }>(a.t, 'select id from instalacion'))[0]!.id
    const S = '1764547200000-0000-atk'
    const fila = '01a00000-0000-7000-8000-000000000001'
    const p = paquete()
    const campo = (c: string, valor: string) => ({
      tabla: 'instituciones',
      filaId: fila,
      campo: c,
      valor,
      sello: S
    })
    escribirPaquete(
      p,
      {
        id: 'x',
        creado: '2020',
        de: { id: 'atk', nombre: 'Pendrive' },
        para: { id: '*', nombre: 'x' },
        vector: { atk: S, [aid]: `9999999999999-zzzz-${aid}` },
        base: {}
      },
      [campo('sigla', '"ZZ"'), campo('nombre', '"Inofensiva"'), campo('orden', '999')]
    )
    await importar(b.d, p)
    await a.t.app.db
      .updateTable('instituciones')
      .set({ nombre: 'EDIT A' })
      .where('sigla', '=', 'MININT')
      .execute()
    await importar(b.d, await paqueteDe(a, b))
    expect(await filas(b.t, minint)).toEqual([{ nombre: 'EDIT A' }])
    // What B tells its partners it has seen of A is what it received, not the crafted claim.
    const c = await equipo('C')
    const q = await paqueteDe(b, c)
    const visto = abrirPaquete(q)
    try {
      expect(visto.manifiesto.vector[aid]! < '9').toBe(true)
      expect(visto.manifiesto.vector['atk']).toBe(S)
    } finally {
      visto.cerrar()
    }
  })
})
