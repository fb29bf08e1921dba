import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia, type VistaPrevia } from '../../../../src/main/core/intercambio'
import type { Eleccion } from '../../../../src/main/core/intercambio/aplicar'
import { banco, type Equipo } from '../../../helpers/intercambio'

// Choosing «el suyo» in a conflict (review of #16): it must never make the next package of this
// laptop look like one from a restored backup, and two sides that each chose the other's value
// must not stay apart without a word.

const { equipo, paqueteDe } = banco()

const todas = (v: VistaPrevia, e: Eleccion) =>
  Object.fromEntries(v.conflictos.map((c) => [c.clave, e]))

const nombrar = (e: Equipo, nombre: string) =>
  e.t.app.db.updateTable('instituciones').set({ nombre }).where('sigla', '=', 'MININT').execute()

const nombre = async (e: Equipo) =>
  (
    await e.t.app.db
      .selectFrom('instituciones')
      .select('nombre')
      .where('sigla', '=', 'MININT')
      .executeTakeFirstOrThrow()
  ).nombre

/** Two laptops that exchanged once, then each renamed MININT unseen; both packages written. */
async function enConflicto() {
  const a = await equipo('A')
  const b = await equipo('B')
  await importar(b.d, await paqueteDe(a, b))
  await importar(a.d, await paqueteDe(b, a))
  await nombrar(a, 'de A')
  const pA = await paqueteDe(a, b)
  await nombrar(b, 'de B')
  const pB = await paqueteDe(b, a)
  return { a, b, pA, pB }
}

/** Imports with one choice for every conflict; returns how many there were. */
async function recibir(e: Equipo, p: string, eleccion: Eleccion): Promise<number> {
  const v = await vistaPrevia(e.d, p)
  await importar(e.d, p, todas(v, eleccion))
  return v.conflictos.length
}

describe('choosing «el suyo» (#16)', () => {
  it('keeps every later exchange working in both directions', async () => {
    const { a, b, pA, pB } = await enConflicto()
    expect(await recibir(a, pB, 'suyo')).toBe(1)
    expect(await recibir(b, pA, 'mio')).toBe(1)
    // Before the fix, A refused this one: it supposed A's «de A», whose stamp «suyo» replaced.
    await recibir(a, await paqueteDe(b, a), 'mio')
    await recibir(b, await paqueteDe(a, b), 'mio')
    await nombrar(a, 'otra vez de A')
    await recibir(b, await paqueteDe(a, b), 'mio')
    await recibir(a, await paqueteDe(b, a), 'mio')
    expect(await nombre(a)).toBe('otra vez de A')
    expect(await nombre(b)).toBe('otra vez de A')
  })

  it('two sides that each chose the other value meet again as a conflict, not apart', async () => {
    const { a, b, pA, pB } = await enConflicto()
    await recibir(a, pB, 'suyo')
    await recibir(b, pA, 'suyo')
    expect([await nombre(a), await nombre(b)]).toEqual(['de B', 'de A'])
    // Each chose the other's: they disagree again, and the next exchange says so.
    expect(await recibir(b, await paqueteDe(a, b), 'mio')).toBe(1)
    expect(await recibir(a, await paqueteDe(b, a), 'suyo')).toBe(0)
    expect(await nombre(a)).toBe(await nombre(b))
  })
})
