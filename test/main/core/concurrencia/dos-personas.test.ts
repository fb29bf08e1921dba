import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dosClientes, variosClientes, type Cliente } from '../../../helpers/dos-clientes'
import { entradaSesion } from '../../../helpers/sesiones'
import { MENSAJE_DESACTUALIZADO } from '../../../../src/shared/api/result'
import { datosDeSesion } from '../../../helpers/concurrencia'

/**
 * Two people editing one session at once (#17): each keeps what they wrote in the fields the
 * other did not touch, and a write based on what someone else changed since is refused, never
 * silently undoing their change. Sessions created at the same instant get distinct numbers.
 */
let a: Cliente, b: Cliente, close: () => Promise<void>
beforeEach(async () => ({ a, b, close } = await dosClientes()))
afterEach(() => close())

const instanciaDe = async (c: Cliente): Promise<string> =>
  (await c.ok('instancia:listar', undefined))[0]!.id

describe('two people on one session', () => {
  it('keeps both edits to different fields and refuses a stale one, keeping the other', async () => {
    const s = await a.ok('sesion:crear', entradaSesion(await instanciaDe(a), '2014-03-12'))
    const leidaA = datosDeSesion((await a.ok('sesion:obtener', { id: s.id })).sesion)
    const leidaB = datosDeSesion((await b.ok('sesion:obtener', { id: s.id })).sesion)
    // A writes the place, B the time: each from what they read, the whole form sent.
    await a.ok('sesion:actualizar', { id: s.id, ...leidaA, lugar: 'Sala A', antes: leidaA })
    await b.ok('sesion:actualizar', {
      id: s.id,
      ...leidaB,
      horaInicio: '10:00',
      antes: leidaB
    })
    const ambas = (await b.ok('sesion:obtener', { id: s.id })).sesion
    expect([ambas.lugar, ambas.horaInicio]).toEqual(['Sala A', '10:00'])
    // B, still on its first read, writes the place A changed since.
    const r = await b.call('sesion:actualizar', {
      id: s.id,
      ...leidaB,
      lugar: 'Sala B',
      antes: leidaB
    })
    expect(r.ok ? null : [r.error.code, r.error.message, r.error.fields]).toEqual([
      'conflicto',
      MENSAJE_DESACTUALIZADO,
      { lugar: MENSAJE_DESACTUALIZADO }
    ])
    expect((await a.ok('sesion:obtener', { id: s.id })).sesion.lugar).toBe('Sala A')
    // Reloaded, B's write goes through.
    const otra = datosDeSesion((await b.ok('sesion:obtener', { id: s.id })).sesion)
    await b.ok('sesion:actualizar', { id: s.id, ...otra, lugar: 'Sala B', antes: otra })
    expect((await a.ok('sesion:obtener', { id: s.id })).sesion.lugar).toBe('Sala B')
  })
})

describe('sessions created at the same instant', () => {
  it('get distinct numbers, every one created', async () => {
    await close()
    const varios = await variosClientes(8)
    close = varios.close
    const instanciaId = await instanciaDe(varios.clientes[0]!)
    const creadas = await Promise.all(
      varios.clientes.map((c) => c.call('sesion:crear', entradaSesion(instanciaId, '2014-03-12')))
    )
    expect(creadas.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(creadas.map(() => 'ok'))
    const lista = await varios.clientes[0]!.ok('sesion:listar', { instanciaId })
    expect(lista.map((s) => s.numero).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })
})

describe('sessions moved or deleted while others are created in the same year', () => {
  it('renumber without a lost change or a repeated N°, every call answered', async () => {
    await close()
    const varios = await variosClientes(6)
    close = varios.close
    const [c0, c1, c2, ...creadores] = varios.clientes
    const instanciaId = await instanciaDe(c0!)
    const enOtroAnio = await c0!.ok('sesion:crear', entradaSesion(instanciaId, '2013-05-10'))
    const borrable = await c0!.ok('sesion:crear', entradaSesion(instanciaId, '2014-01-20'))
    const movible = await c0!.ok('sesion:crear', entradaSesion(instanciaId, '2014-02-10'))
    const datos = datosDeSesion((await c1!.ok('sesion:obtener', { id: enOtroAnio.id })).sesion)
    const r = await Promise.all([
      // Into 2014 (takes a number there), while 2014 gets new ones and loses one.
      c1!.call('sesion:actualizar', { id: enOtroAnio.id, ...datos, fecha: '2014-01-05' }),
      c2!.call('sesion:eliminar', { id: borrable.id }),
      c0!.call('sesion:actualizar', {
        id: movible.id,
        ...datosDeSesion((await c0!.ok('sesion:obtener', { id: movible.id })).sesion),
        fecha: '2014-12-30'
      }),
      ...creadores.map((c) => c.call('sesion:crear', entradaSesion(instanciaId, '2014-03-12')))
    ])
    expect(r.map((x) => (x.ok ? 'ok' : x.error.message))).toEqual(r.map(() => 'ok'))
    const lista = await c0!.ok('sesion:listar', { instanciaId })
    const de2014 = lista.filter((s) => s.anio === 2014)
    // The moved one, the other moved one and the three new ones: 1..5 in date order.
    expect(de2014.map((s) => s.numero).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5])
    expect(de2014.find((s) => s.id === enOtroAnio.id)?.numero).toBe(1)
    expect(de2014.find((s) => s.id === movible.id)?.numero).toBe(5)
    expect(lista.some((s) => s.id === borrable.id)).toBe(false)
  })
})

describe('acuerdos added at the same instant to one session', () => {
  it('get distinct numbers, every one added', async () => {
    await close()
    const varios = await variosClientes(8)
    close = varios.close
    const [primero] = varios.clientes
    const s = await primero!.ok(
      'sesion:crear',
      entradaSesion(await instanciaDe(primero!), '2014-03-12')
    )
    const acuerdo = (texto: string) => ({
      sesionId: s.id,
      texto,
      institucionId: null,
      personaId: null,
      plazo: null,
      accionId: null
    })
    const r = await Promise.all(
      varios.clientes.map((c, i) => c.call('acuerdo:crear', acuerdo(`Acuerdo ${i + 1}`)))
    )
    expect(r.map((x) => (x.ok ? 'ok' : x.error.message))).toEqual(r.map(() => 'ok'))
    const { acuerdos } = await primero!.ok('sesion:obtener', { id: s.id })
    expect(acuerdos.map((a) => a.numero).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })
})
