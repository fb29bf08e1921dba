import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { leer } from '../../../../src/main/core/intercambio/hlc'
import {
  BORRADO,
  conoce,
  decidirCampo,
  decidirFila,
  unir,
  type Vector
} from '../../../../src/main/core/intercambio/fusion'
import { Instalacion, type Eleccion, type Paquete } from '../../../helpers/intercambio-modelo'

// Three laptops edit on their own and exchange packages in any order, some twice, some never.
// Whatever happens, a final exchange all-to-all leaves the same content everywhere, and every
// edit is still there, was overwritten by someone who had seen it, or was shown as a conflict.

const SEMILLA = 20141211
const HORA = 3_600_000

type Paso =
  | { t: 'crear'; i: number; valor: string }
  | { t: 'cambiar'; i: number; k: number; campo: 'a' | 'b'; valor: string }
  | { t: 'borrar'; i: number; k: number }
  | { t: 'exportar'; i: number; j: number }
  | { t: 'importar'; k: number; eleccion: Eleccion }

const i = fc.integer({ min: 0, max: 2 })
const k = fc.nat()
const valor = fc.constantFrom('x', 'y', 'z', 'w')
const paso: fc.Arbitrary<Paso> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('crear' as const), i, valor }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('cambiar' as const),
      i,
      k,
      campo: fc.constantFrom('a', 'b'),
      valor
    })
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('borrar' as const), i, k }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('exportar' as const), i, j: i }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('importar' as const),
      k,
      eleccion: fc.constantFrom('mia', 'suya')
    })
  }
)

function mundo() {
  let tiempo = Date.UTC(2014, 5, 11, 10)
  // The third laptop's clock is an hour behind the others.
  const desfase = [0, 0, -HORA]
  const inst = ['a', 'b', 'c'].map((id, n) => new Instalacion(id, () => tiempo + desfase[n]!))
  return { inst, pasar: () => (tiempo += 1_000) }
}

/**
 * What the author of a version had seen, with what every version merged into it had seen (two
 * edits of the same value, unseen by each other, are merged into the later one).
 */
function sabido(inst: Instalacion[], sello: string): Vector {
  const autor = inst.find((x) => x.id === leer(sello).instalacion)!
  let v = autor.visto.get(sello)!
  for (const x of inst)
    for (const [perdido, queda] of x.fundidos)
      if (queda === sello) v = unir(v, sabido(inst, perdido))
  return v
}

function vivas(x: Instalacion): string[] {
  return [...x.filas.entries()].filter(([, f]) => f[BORRADO]!.valor === 'false').map(([id]) => id)
}

/** Imports a package, then imports it again: the second time must change nothing. */
function importarDosVeces(x: Instalacion, p: Paquete, e: Eleccion): void {
  x.importar(p, () => e)
  const antes = JSON.stringify(x.contenido())
  const conflictos = x.conflictos.length
  x.importar(p, () => e)
  expect(JSON.stringify(x.contenido())).toBe(antes)
  expect(x.conflictos.length).toBe(conflictos)
}

function ejecutar(pasos: Paso[]) {
  const { inst, pasar } = mundo()
  const enviados: Paquete[] = []
  const ediciones: { fila: string; campo: string; sello: string }[] = []
  const anotar = (x: Instalacion, fila: string, campo: string) =>
    ediciones.push({ fila, campo, sello: x.filas.get(fila)![campo]!.sello })
  for (const p of pasos) {
    pasar()
    if (p.t === 'crear') {
      const x = inst[p.i]!
      const id = x.crear({ a: p.valor, b: p.valor })
      for (const c of ['a', 'b', BORRADO]) anotar(x, id, c)
    } else if (p.t === 'cambiar' || p.t === 'borrar') {
      const x = inst[p.i]!
      const filas = vivas(x)
      if (filas.length === 0) continue
      const fila = filas[p.k % filas.length]!
      const campo = p.t === 'borrar' ? BORRADO : p.campo
      x.cambiar(fila, campo, p.t === 'borrar' ? 'true' : p.valor)
      anotar(x, fila, campo)
    } else if (p.t === 'exportar') {
      if (p.i !== p.j) enviados.push(inst[p.i]!.exportar(inst[p.j]!.id))
    } else if (enviados.length > 0) {
      const paquete = enviados[p.k % enviados.length]!
      importarDosVeces(
        inst.find((x) => x.id === paquete.para)!,
        paquete,
        p.eleccion
      )
    }
  }
  // The final exchange: everyone to everyone until nothing moves.
  for (let ronda = 0; ronda < 4; ronda++) {
    for (const de of inst)
      for (const para of inst) if (de !== para) para.importar(de.exportar(para.id), () => 'suya')
  }
  return { inst, ediciones }
}

describe('exchange between three laptops (model over the app’s merge decisions)', () => {
  it('converges, is idempotent, and loses no edit silently', () => {
    fc.assert(
      fc.property(fc.array(paso, { minLength: 20, maxLength: 80 }), (pasos) => {
        const { inst, ediciones } = ejecutar(pasos)
        const [a, b, c] = inst.map((x) => x.contenido())
        expect(b).toEqual(a)
        expect(c).toEqual(a)
        // Each edit is in the final version's past, or in the past of a version shown as a
        // conflict (an edit overwritten by its own author and then lost in a conflict is shown).
        const conflictivos = inst
          .flatMap((x) => x.conflictos.flatMap((c) => c.sellos))
          .filter((s) => s !== '')
        for (const e of ediciones) {
          const final = inst[0]!.filas.get(e.fila)![e.campo]!.sello
          const visto = [final, ...conflictivos].some((t) => conoce(sabido(inst, t), e.sello))
          expect(visto, JSON.stringify(e)).toBe(true)
        }
        // A row that ends deleted: the deletion saw each of its edits, or a conflict showed them.
        for (const e of ediciones) {
          const borrado = inst[0]!.filas.get(e.fila)![BORRADO]!
          if (borrado.valor === 'false') continue
          const mostrado = inst.some((x) =>
            x.conflictos.some((c) => c.fila === e.fila && conoce(c.conocido, e.sello))
          )
          expect(conoce(sabido(inst, borrado.sello), e.sello) || mostrado).toBe(true)
        }
      }),
      { seed: SEMILLA, numRuns: 300 }
    )
  })
})

describe('one field', () => {
  const v = (valor: string, sello: string) => ({ valor, sello })
  const s = (ms: number, inst: string) => `${String(ms).padStart(13, '0')}-0000-${inst}`
  it('takes what the sender wrote after seeing ours, leaves what we already saw', () => {
    expect(decidirCampo(v('x', s(1, 'a')), v('y', s(2, 'b')), {}, { a: s(1, 'a') })).toBe('tomar')
    expect(decidirCampo(v('x', s(3, 'a')), v('y', s(2, 'b')), { b: s(2, 'b') }, {})).toBe('dejar')
    expect(decidirCampo(undefined, v('y', s(2, 'b')), {}, {})).toBe('tomar')
  })
  it('a field changed on both sides unseen is a conflict, unless both wrote the same', () => {
    expect(decidirCampo(v('x', s(3, 'a')), v('y', s(2, 'b')), {}, {})).toBe('conflicto')
    expect(decidirCampo(v('y', s(3, 'a')), v('y', s(2, 'b')), {}, {})).toBe('dejar')
    expect(decidirCampo(v('y', s(1, 'a')), v('y', s(2, 'b')), {}, {})).toBe('tomar')
  })
})

describe('a row deleted on one side', () => {
  const s = (ms: number, inst: string) => `${String(ms).padStart(13, '0')}-0000-${inst}`
  const v = (valor: string, sello: string) => ({ valor, sello })
  // Row made by a at 1; both sides have it.
  const creada = { a: v('x', s(1, 'a')), [BORRADO]: v('false', s(1, 'a')) }
  const ambos = { a: s(1, 'a') }

  it('deleted there while edited here unseen: one conflict on the row, their deletion not taken', () => {
    const aqui = { ...creada, a: v('y', s(2, 'a')) }
    const alla = { [BORRADO]: v('true', s(3, 'b')) }
    expect(decidirFila(aqui, alla, ambos, ambos)).toEqual({ tomar: [], conflictos: [BORRADO] })
  })

  it('deleted there after seeing our edit: the deletion is taken', () => {
    const aqui = { ...creada, a: v('y', s(2, 'a')) }
    const alla = { [BORRADO]: v('true', s(3, 'b')) }
    expect(decidirFila(aqui, alla, ambos, { a: s(2, 'a') })).toEqual({
      tomar: [BORRADO],
      conflictos: []
    })
  })

  it('deleted here unseen while edited there: a conflict, and their edit is kept with the row', () => {
    const aqui = { ...creada, [BORRADO]: v('true', s(2, 'a')) }
    const alla = { a: v('z', s(3, 'b')) }
    expect(decidirFila(aqui, alla, ambos, ambos)).toEqual({ tomar: ['a'], conflictos: [BORRADO] })
  })

  it('deleted here and seen there, their later edit is no conflict', () => {
    const aqui = { ...creada, [BORRADO]: v('true', s(2, 'a')) }
    const alla = { a: v('z', s(3, 'b')) }
    expect(decidirFila(aqui, alla, ambos, { a: s(2, 'a') })).toEqual({
      tomar: ['a'],
      conflictos: []
    })
  })

  it('a row brought back here (not deleted), edited there unseen: no conflict of the row', () => {
    const aqui = { ...creada, [BORRADO]: v('false', s(2, 'a')) }
    const alla = { a: v('z', s(3, 'b')) }
    expect(decidirFila(aqui, alla, ambos, ambos)).toEqual({ tomar: ['a'], conflictos: [] })
  })

  it('brought back there while edited here: their undeletion is taken, no conflict', () => {
    const aqui = { ...creada, a: v('y', s(2, 'a')) }
    const alla = { [BORRADO]: v('false', s(3, 'b')) }
    expect(decidirFila(aqui, alla, ambos, ambos)).toEqual({ tomar: [BORRADO], conflictos: [] })
  })
})
