import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { presentar } from '../../../../src/main/core/intercambio/presentar'
import { abrirPaquete } from '../../../../src/main/core/intercambio/paquete'
import { dbSnapshot } from '../../../helpers/db'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { acuerdoCon, quedanIguales, sesionDeAmbos } from '../../../helpers/intercambio-dos'
import { caller, cerrarYAprobar, ordinarias } from '../../../helpers/sesiones'
import { filas } from '../../../helpers/demo-hoy'

// An acuerdo followed up in a session whose acta one laptop approved, while the other deleted the
// acuerdo without seeing the follow-up (second review of #16). Both packages used to be refused,
// and the exchange stayed stopped. The approved acta wins: the acuerdo comes back on the side that
// deleted it, the deletion does not enter on the side that approved, both previews say so.

const b2 = banco()
const { paqueteDe } = b2
const TEXTO = 'Enviar el informe'
const NOTA = 'Enviado en borrador'

/** Acuerdo `x` of A's session, followed up in a later session; A approves it, B deletes `x`. */
async function citadoYBorrado(
  borrar = (b: Equipo, x: string, _s: string) => caller(b.t).ok('acuerdo:eliminar', { id: x })
) {
  const { a, b, s } = await sesionDeAmbos(b2)
  await acuerdoCon(a, s.id, TEXTO)
  const x = filas<{ id: string }>(a.t, 'select id from acuerdos where sesion_id = ?', s.id)[0]!
  const [{ instancia_id }] = filas<{ instancia_id: string }>(
    a.t,
    'select instancia_id from sesiones where id = ?',
    s.id
  ) as [{ instancia_id: string }]
  const s2 = await ordinarias(a.t, instancia_id)('2015-04-14')
  await caller(a.t).ok('acuerdo:seguimiento', {
    sesionId: s2.id,
    acuerdoId: x.id,
    estado: 'en_curso',
    nota: NOTA
  })
  await importar(b.d, await paqueteDe(a, b))
  await importar(a.d, await paqueteDe(b, a))
  await cerrarYAprobar(a.t, s2.id)
  await borrar(b, x.id, s.id)
  const sellada = acta(a, s2.id)
  return { a, b, x: x.id, s2: s2.id, sellada, pA: await paqueteDe(a, b), pB: await paqueteDe(b, a) }
}

/** The acuerdo and its follow-up as they are on one side. */
const citado = (e: Equipo, x: string) => ({
  acuerdo: filas(e.t, 'select texto, numero, sesion_id from acuerdos where id = ?', x),
  seguimientos: filas(
    e.t,
    'select sesion_id, estado, nota from seguimientos where acuerdo_id = ?',
    x
  )
})

const acta = (e: Equipo, id: string) =>
  filas(e.t, 'select estado, hash, contenido_aprobado from sesiones where id = ?', id)[0]

/** B, which deleted it, imports A's package: the acuerdo comes back with its follow-up. */
async function enQuienBorro(b: Equipo, pA: string, x: string, s2: string, antes: unknown) {
  const v = await vistaPrevia(b.d, pA)
  expect(v.conflictos).toEqual([])
  expect(v.rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'aqui', sesionId: s2, tabla: 'acuerdos', filaId: x })
  )
  // As the screen shows it: the acuerdo by its number and text, though it is not here yet.
  const { rechazadas } = await presentar(b.t.app.db, v)
  expect(rechazadas).toContainEqual(
    expect.objectContaining({
      lado: 'aqui',
      cambio: expect.stringMatching(new RegExp(`borró acuerdos: acuerdo N° 1: ${TEXTO}.*acta`))
    })
  )
  await importar(b.d, pA)
  expect(citado(b, x)).toEqual(antes)
}

/** A, which approved, imports B's deletion: it does not enter, and the preview says so. */
async function enQuienAprobo(a: Equipo, pB: string, x: string, s2: string, antes: unknown) {
  const v = await vistaPrevia(a.d, pB)
  expect(v.conflictos).toEqual([])
  expect(v.rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'alla', sesionId: s2, tabla: 'acuerdos', filaId: x })
  )
  expect(v.tablas.find((t) => t.tabla === 'acuerdos')?.borradas ?? 0).toBe(0)
  const { rechazadas } = await presentar(a.t.app.db, v)
  expect(rechazadas).toContainEqual(
    expect.objectContaining({
      lado: 'alla',
      cambio: expect.stringMatching(new RegExp(`borró acuerdos: acuerdo N° 1: ${TEXTO}.*acta`))
    })
  )
  await importar(a.d, pB)
  expect(citado(a, x)).toEqual(antes)
}

/** Both alike, the acta sealed on both, and the packages once more change nothing. */
async function alFinal(a: Equipo, b: Equipo, pA: string, pB: string, x: string) {
  await quedanIguales(b2, a, b)
  for (const e of [a, b]) {
    expect((await revisarActas(e.t.app.db)).distintas).toEqual([])
    expect((await revisarActas(e.t.app.db)).alteradas).toEqual([])
    expect(citado(e, x).acuerdo).toHaveLength(1)
  }
  for (const [e, p] of [
    [b, pA],
    [a, pB]
  ] as const) {
    const antes = await dbSnapshot(e.t.app.db)
    await importar(e.d, p).catch((err: Error) => expect(err.message).toMatch(/ya se importó/))
    expect(await dbSnapshot(e.t.app.db)).toBe(antes)
  }
}

describe('an acuerdo followed up in an acta approved on one side, deleted on the other (#16)', () => {
  it('the deleting side imports first: the acuerdo comes back; the deletion does not enter', async () => {
    const { a, b, x, s2, sellada, pA, pB } = await citadoYBorrado()
    const antes = citado(a, x)
    expect(antes.seguimientos).toHaveLength(1)
    expect(citado(b, x)).toEqual({ acuerdo: [], seguimientos: [] })
    await enQuienBorro(b, pA, x, s2, antes)
    expect(acta(b, s2)).toEqual(sellada)
    await enQuienAprobo(a, pB, x, s2, antes)
    expect(acta(a, s2)).toEqual(sellada)
    await alFinal(a, b, pA, pB, x)
  })

  it('the approving side imports first: the acuerdo is kept and travels back', async () => {
    const { a, b, x, s2, sellada, pA, pB } = await citadoYBorrado()
    const antes = citado(a, x)
    await enQuienAprobo(a, pB, x, s2, antes)
    await enQuienBorro(b, pA, x, s2, antes)
    expect(acta(b, s2)).toEqual(sellada)
    await alFinal(a, b, pA, pB, x)
  })

  it('a fresh package from the approving side, after it kept the acuerdo, brings it back too', async () => {
    const { a, b, x, s2, sellada, pA, pB } = await citadoYBorrado()
    const antes = citado(a, x)
    await enQuienAprobo(a, pB, x, s2, antes)
    // Kept against their deletion, it is stamped again whole: the next package carries it.
    const p = await paqueteDe(a, b)
    const abierto = abrirPaquete(p)
    const deX = [...abierto.campos()].filter((c) => c.tabla === 'acuerdos' && c.filaId === x)
    abierto.cerrar()
    expect(deX.map((c) => [c.campo, c.valor])).toEqual(
      expect.arrayContaining([
        ['_borrado', 'false'],
        ['texto', JSON.stringify(TEXTO)]
      ])
    )
    await importar(b.d, p)
    expect(citado(b, x)).toEqual(antes)
    expect(acta(b, s2)).toEqual(sellada)
    await alFinal(a, b, pA, pB, x)
  })

  it('its session deleted whole: both come back, the rest of the session stays deleted', async () => {
    const { a, b, x, s2, pA, pB } = await citadoYBorrado((b, _x, s) =>
      b.t.api['sesion:eliminar']({ id: s })
    )
    const antes = citado(a, x)
    const [sesion] = filas<{ sesion_id: string }>(
      a.t,
      'select sesion_id from acuerdos where id = ?',
      x
    )
    const v = await vistaPrevia(b.d, pA)
    expect(v.conflictos).toEqual([])
    expect(v.rechazadas?.filter((r) => r.citada).map((r) => [r.tabla, r.filaId])).toEqual([
      ['acuerdos', x],
      ['sesiones', sesion!.sesion_id]
    ])
    await importar(b.d, pA)
    expect(citado(b, x)).toEqual(antes)
    const w = await vistaPrevia(a.d, pB)
    expect(w.conflictos).toEqual([])
    expect(
      w.rechazadas
        ?.filter((r) => r.citada && r.sesionId === s2)
        .map((r) => r.tabla)
        .sort()
    ).toEqual(['acuerdos', 'sesiones'])
    await importar(a.d, pB)
    expect(citado(a, x)).toEqual(antes)
    expect(
      filas(a.t, 'select count(*) n from asistencias where sesion_id = ?', sesion!.sesion_id)
    ).toEqual([{ n: 0 }])
    await alFinal(a, b, pA, pB, x)
  })
})
