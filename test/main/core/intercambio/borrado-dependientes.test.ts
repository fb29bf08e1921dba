import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import type { Eleccion } from '../../../../src/main/core/intercambio/aplicar'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { acuerdoCon, quedanIguales, sesionDeAmbos } from '../../../helpers/intercambio-dos'
import { filas } from '../../../helpers/consulta'

// A session deleted on one laptop while the other added an acuerdo to it (review of #16): the
// deletion would take the acuerdo away in cascade, unseen. It is a conflict of the session on
// whichever side imports first, and both sides end alike with what was chosen.

const b2 = banco()
const { paqueteDe } = b2
const TEXTO = 'ACUERDO IMPORTANTE DE B'

/** A's session known to both; then B adds an acuerdo to it and A deletes it, unseen. */
async function borradaConAcuerdo() {
  const { a, b, s } = await sesionDeAmbos(b2)
  await acuerdoCon(b, s.id, TEXTO)
  await a.t.api['sesion:eliminar']({ id: s.id })
  return { a, b, s, pA: await paqueteDe(a, b), pB: await paqueteDe(b, a) }
}

/** Imports `p`, choosing `e` for the session's deletion, the only conflict expected. */
async function recibir(e: Equipo, p: string, sesionId: string, eleccion: Eleccion) {
  const v = await vistaPrevia(e.d, p)
  expect(v.conflictos.map((c) => c.clave)).toEqual([`sesiones:${sesionId}:_borrado`])
  await importar(e.d, p, { [v.conflictos[0]!.clave]: eleccion })
}

// Counts cast to integer: PostgreSQL's count is a bigint, read as text.
const estado = async (e: Equipo, sesionId: string) => ({
  sesion: await filas(
    e.t,
    'select cast(count(*) as integer) n from sesiones where id = ?',
    sesionId
  ),
  acuerdos: await filas(e.t, 'select texto from acuerdos where sesion_id = ?', sesionId),
  asistencias: await filas(
    e.t,
    'select cast(count(*) as integer) n from asistencias where sesion_id = ?',
    sesionId
  )
})

describe('a deleted session whose acuerdos the deleter never saw (#16)', () => {
  it('on the side that added it, «el mío» keeps the session; it comes back on the other', async () => {
    const { a, b, s, pA } = await borradaConAcuerdo()
    const antes = await estado(b, s.id)
    await recibir(b, pA, s.id, 'mio')
    expect(await estado(b, s.id)).toEqual(antes)
    // B's package from before its choice is skipped: the next one covers it.
    await importar(a.d, await paqueteDe(b, a))
    expect(await estado(a, s.id)).toEqual(antes)
    expect((await estado(a, s.id)).acuerdos).toEqual([{ texto: TEXTO }])
    await quedanIguales(b2, a, b)
  })

  it('on the side that added it, «el suyo» deletes it with the acuerdo, on both', async () => {
    const { a, b, s, pA } = await borradaConAcuerdo()
    await recibir(b, pA, s.id, 'suyo')
    await importar(a.d, await paqueteDe(b, a))
    for (const e of [a, b]) expect((await estado(e, s.id)).sesion).toEqual([{ n: 0 }])
    await quedanIguales(b2, a, b)
  })

  it('on the side that deleted it, «el suyo» brings the session back with its rows', async () => {
    const { a, b, s, pB } = await borradaConAcuerdo()
    const deB = await estado(b, s.id)
    await recibir(a, pB, s.id, 'suyo')
    expect(await estado(a, s.id)).toEqual(deB)
    await importar(b.d, await paqueteDe(a, b))
    expect(await estado(b, s.id)).toEqual(deB)
    await quedanIguales(b2, a, b)
  })

  it('on the side that deleted it, «el mío» keeps it deleted, and so does the other', async () => {
    const { a, b, s, pB } = await borradaConAcuerdo()
    await recibir(a, pB, s.id, 'mio')
    expect((await estado(a, s.id)).acuerdos).toEqual([])
    await importar(b.d, await paqueteDe(a, b))
    for (const e of [a, b]) expect((await estado(e, s.id)).sesion).toEqual([{ n: 0 }])
    await quedanIguales(b2, a, b)
  })
})
