import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirPostgres } from '../../../../src/main/core/db/postgres/abrir'
import { createAppApi } from '../../../../src/main/core/api'
import { dispatch } from '../../../../src/main/core/dispatch'
import { CANDADO_SELLOS } from '../../../../src/main/core/db/postgres/esquema/sellos'
import { iniciarPostgres, type ServidorPostgres } from '../../../helpers/postgres-servidor'
import { crearBase, destinoDe } from '../../../helpers/postgres-pruebas'
import { entradaSesion } from '../../../helpers/sesiones'
import { datosDeSesion } from '../../../helpers/concurrencia'

// Writers on a server take turns (one lock until commit). A call that takes the turn before it
// reads (a session's data, which may renumber) and a plain write of the same row (closing the
// session) must lock in the same order, or the server kills one as a deadlock (migration 0022:
// every write statement takes the turn before touching a row). A third connection holding the
// turn makes the interleaving certain: both calls queue behind it.

let servidor: ServidorPostgres
beforeAll(async () => {
  servidor = await iniciarPostgres()
}, 60_000)
afterAll(() => servidor?.detener())

const dormir = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('a call that takes the turn first and a plain write of the same session', () => {
  it('are both answered, one after the other (no deadlock)', async () => {
    const url = await crearBase(servidor.url, 'turno')
    const appA = await abrirPostgres(destinoDe(servidor.url, 'turno'), { maximo: 2 })
    const appB = await abrirPostgres(destinoDe(servidor.url, 'turno'), { maximo: 2 })
    const otro = new pg.Client({ connectionString: url })
    await otro.connect()
    try {
      const apiA = createAppApi(appA, { version: 'test' })
      const apiB = createAppApi(appB, { version: 'test' })
      const [instancia] = await apiA['instancia:listar'](undefined)
      const s = await apiA['sesion:crear'](entradaSesion(instancia!.id, '2014-03-12'))
      const leida = datosDeSesion((await apiB['sesion:obtener']({ id: s.id })).sesion)
      await otro.query('begin')
      await otro.query(`select pg_advisory_xact_lock(${CANDADO_SELLOS})`)
      const respuesta = (r: { ok: boolean; error?: { message: string } }) =>
        r.ok ? 'ok' : r.error!.message
      const b = dispatch(
        apiB,
        'sesion:actualizar',
        { id: s.id, ...leida, lugar: 'Sala B', antes: leida },
        () => {}
      ).then(respuesta)
      await dormir(300)
      const a = dispatch(apiA, 'sesion:cerrar', { id: s.id }, () => {}).then(respuesta)
      await dormir(300)
      await otro.query('commit')
      expect([await a, await b]).toEqual(['ok', 'ok'])
      const final = (await apiA['sesion:obtener']({ id: s.id })).sesion
      expect([final.estado, final.lugar]).toEqual(['cerrada', 'Sala B'])
    } finally {
      await otro.end()
      await appA.close()
      await appB.close()
    }
  })

  it('is a protection: a database whose turn trigger is gone or off is not opened', async () => {
    const url = await crearBase(servidor.url, 'sin_turno')
    const destino = destinoDe(servidor.url, 'sin_turno')
    await (await abrirPostgres(destino, { maximo: 1 })).close()
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      await c.query('alter table acuerdos disable trigger turno_acuerdos')
      await expect(abrirPostgres(destino, { maximo: 1 })).rejects.toThrow(/perdió protecciones/)
      await c.query('alter table acuerdos enable trigger turno_acuerdos')
      await (await abrirPostgres(destino, { maximo: 1 })).close()
    } finally {
      await c.end()
    }
  })
})
