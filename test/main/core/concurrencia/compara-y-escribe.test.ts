import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'
import { caller } from '../../../helpers/sesiones'
import { leerParaEscribir } from '../../../../src/main/core/concurrencia'
import { notFound } from '../../../../src/main/core/errors'
import { MENSAJE_DESACTUALIZADO } from '../../../../src/shared/api/result'

/**
 * The compare-and-set itself: a row changed between the read inside the write's transaction and
 * the UPDATE (on a server, another connection's commit in READ COMMITTED) writes nothing, and is
 * refused as stale. SQLite serializes writers, so the change is made here inside the transaction.
 */
let t: TestApp
beforeEach(async () => (t = await openTestApp()))
afterEach(() => t.close())

describe('the UPDATE of an update', () => {
  it('writes nothing when the row changed after it was read, and says so', async () => {
    const persona = await caller(t).ok('persona:crear', {
      nombre: 'Ana',
      cargo: null,
      institucionId: null,
      correo: null,
      telefono: '111'
    })
    const leida = { nombre: 'Ana', telefono: '111' }
    const error = await t.app.db.transaction().execute(async (trx) => {
      const e = await leerParaEscribir(trx, {
        tabla: 'personas',
        clave: { id: persona.id },
        columnas: { nombre: 'nombre', telefono: 'telefono' },
        input: { nombre: 'Ana', telefono: '222' },
        antes: leida,
        noExiste: () => notFound('La persona')
      })
      // Someone else's write, after the read.
      await trx
        .updateTable('personas')
        .set({ nombre: 'Ana María' })
        .where('id', '=', persona.id)
        .execute()
      const r = await trx
        .updateTable('personas')
        .set(e.valores)
        .where('id', '=', persona.id)
        .where(e.comoSeLeyo)
        .executeTakeFirst()
      expect(r.numUpdatedRows).toBe(0n)
      return e.faltante()
    })
    expect([error.code, error.message]).toEqual(['conflicto', MENSAJE_DESACTUALIZADO])
    const ahora = (await caller(t).ok('persona:listar', undefined)).find((p) => p.id === persona.id)
    expect([ahora?.nombre, ahora?.telefono]).toEqual(['Ana María', '111'])
  })
})
