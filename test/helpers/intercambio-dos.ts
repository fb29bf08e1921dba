import { expect } from 'vitest'
import { importar, vistaPrevia } from '../../src/main/core/intercambio'
import { contenido, haciaElOtro, type banco, type Equipo } from './intercambio'
import { ordinarias, prevencionConMiembros } from './sesiones'

// Two laptops sharing one session (#16), for the tests of what one side does to it unseen by the
// other: the session known to both, an acuerdo added through the API, and the check that later
// exchanges settle.

type Banco = ReturnType<typeof banco>

/** A's session (Prevención, with its members) known to both: exchanged both ways. */
export async function sesionDeAmbos({ equipo, paqueteDe }: Banco) {
  const a = await equipo('A')
  const b = await equipo('B')
  const { prevencion } = await prevencionConMiembros(a.t)
  const s = await ordinarias(a.t, prevencion.id)('2015-03-10')
  await importar(b.d, await paqueteDe(a, b))
  await importar(a.d, await paqueteDe(b, a))
  return { a, b, s }
}

/** An acuerdo with only its text, through the API. */
export const acuerdoCon = (e: Equipo, sesionId: string, texto: string) =>
  e.t.api['acuerdo:crear']({
    sesionId,
    texto,
    institucionId: null,
    personaId: null,
    plazo: null,
    accionId: null
  })

/**
 * A package each way brings no conflict and no refused edit (imported, or nothing new); then
 * both hold the same rows, table by table.
 */
export async function quedanIguales({ paqueteDe }: Banco, a: Equipo, b: Equipo): Promise<void> {
  for (const [de, para] of [
    [a, b],
    [b, a]
  ] as const) {
    const p = await paqueteDe(de, para)
    const v = await vistaPrevia(para.d, p)
    expect([v.conflictos, v.rechazadas ?? []], `${de.nombre} → ${para.nombre}`).toEqual([[], []])
    await importar(para.d, p).catch((e: Error) => expect(e.message).toMatch(/ya se importó/))
  }
  expect(await contenido(b.t, await haciaElOtro(b.t))).toEqual(await contenido(a.t))
}
