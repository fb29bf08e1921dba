import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  avanzar,
  ErrorReloj,
  escribir,
  leer,
  recibir,
  RELOJ_CERO,
  type Reloj
} from '../../../../src/main/core/intercambio/hlc'

const reloj = fc.record({
  ms: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  contador: fc.integer({ min: 0, max: 50_000 })
})
const instalacion = fc.uuid()
const menor = (a: Reloj, b: Reloj): boolean =>
  a.ms < b.ms || (a.ms === b.ms && a.contador < b.contador)

describe('hybrid logical clock', () => {
  it('a local change is always after the previous one, whatever the wall clock says', () => {
    fc.assert(
      fc.property(reloj, fc.integer({ min: 0, max: 4_000_000_000_000 }), (r, ahora) => {
        const n = avanzar(r, ahora)
        expect(menor(r, n)).toBe(true)
        expect(n.ms).toBe(Math.max(r.ms, ahora))
        // The counter starts again once the wall clock moves on, so it stays small.
        expect(n.contador).toBe(n.ms > r.ms ? 0 : r.contador + 1)
      })
    )
  })

  it('after receiving a stamp, the next one is after both', () => {
    fc.assert(
      fc.property(reloj, reloj, fc.integer({ min: 0, max: 4_000_000_000_000 }), (r, v, ahora) => {
        const n = recibir(r, v, ahora)
        expect(menor(r, n) && menor(v, n)).toBe(true)
        expect(n.ms).toBe(Math.max(r.ms, v.ms, ahora))
        // The smallest counter that is after both at that millisecond.
        const mismos = [r, v].filter((x) => x.ms === n.ms).map((x) => x.contador + 1)
        expect(n.contador).toBe(Math.max(0, ...mismos))
      })
    )
  })

  it('the counter, case by case: same millisecond on both sides, on one, on neither', () => {
    const r = { ms: 10, contador: 3 }
    expect(recibir(r, { ms: 10, contador: 7 }, 5)).toEqual({ ms: 10, contador: 8 })
    expect(recibir(r, { ms: 10, contador: 1 }, 5)).toEqual({ ms: 10, contador: 4 })
    expect(recibir(r, { ms: 9, contador: 9 }, 5)).toEqual({ ms: 10, contador: 4 })
    expect(recibir(r, { ms: 12, contador: 2 }, 5)).toEqual({ ms: 12, contador: 3 })
    expect(recibir(r, { ms: 12, contador: 2 }, 20)).toEqual({ ms: 20, contador: 0 })
  })

  it('a laptop an hour behind stamps its reply after what it received', () => {
    const hora = 3_600_000
    const adelante = avanzar(RELOJ_CERO, Date.UTC(2014, 5, 11, 10))
    const atrasado = recibir(RELOJ_CERO, adelante, Date.UTC(2014, 5, 11, 10) - hora)
    const respuesta = avanzar(atrasado, Date.UTC(2014, 5, 11, 10, 1) - hora)
    const a = escribir({ ...adelante, instalacion: 'b' })
    const r = escribir({ ...respuesta, instalacion: 'a' })
    expect(r > a).toBe(true)
    expect(respuesta.ms).toBe(adelante.ms)
  })

  it('stamps sort as text exactly as the clock orders them, and read back whole', () => {
    fc.assert(
      fc.property(reloj, reloj, instalacion, instalacion, (a, b, ia, ib) => {
        const sa = escribir({ ...a, instalacion: ia })
        const sb = escribir({ ...b, instalacion: ib })
        expect(leer(sa)).toEqual({ ...a, instalacion: ia })
        if (menor(a, b)) expect(sa < sb).toBe(true)
        if (menor(b, a)) expect(sb < sa).toBe(true)
      })
    )
  })

  it('refuses a stamp of another form, and a counter past its width', () => {
    expect(() => leer('2014-06-11')).toThrow(ErrorReloj)
    expect(() => leer('0000000000001-000z')).toThrow('Sello de tiempo inválido')
    expect(() => avanzar({ ms: 5, contador: 36 ** 4 - 1 }, 5)).toThrow('desbordó')
    expect(avanzar({ ms: 5, contador: 36 ** 4 - 2 }, 5).contador).toBe(36 ** 4 - 1)
  })
})
