import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { presentar } from '../../../../src/main/core/intercambio/presentar'
import { runCli } from '../../../../src/main/cli'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { acuerdoCon, quedanIguales, sesionDeAmbos } from '../../../helpers/intercambio-dos'
import { caller, cerrarYAprobar, sesionMovida } from '../../../helpers/sesiones'
import { filas } from '../../../helpers/demo-hoy'

// An acta approved on one laptop while the other edited it, unseen (review of #16). The approved
// acta is immutable on both: the approving side keeps it and lists the edit it refuses; the
// editing side ends with the sealed rows, lists its edit as undone, and keeps it in its history.

const b2 = banco()
const { paqueteDe } = b2
const LUGAR = 'EDIT DE A'
const TEXTO = 'ACUERDO DE A SIN VER LA APROBACIÓN'

/** A session known to both; A edits it (as `editar` says), B approves it, unseen. */
async function aprobadaEditada(editar: (a: Equipo, id: string) => Promise<unknown>) {
  const { a, b, s } = await sesionDeAmbos(b2)
  await editar(a, s.id)
  await cerrarYAprobar(b.t, s.id)
  return { a, b, s, pA: await paqueteDe(a, b), pB: await paqueteDe(b, a) }
}

const moverLugar = (a: Equipo, id: string) =>
  caller(a.t).ok('sesion:actualizar', { ...sesionMovida(id, '2015-03-10'), lugar: LUGAR })

const agregarAcuerdo = (a: Equipo, sesionId: string) => acuerdoCon(a, sesionId, TEXTO)

const sesion = (e: Equipo, id: string) =>
  filas<{ estado: string; lugar: string; hash: string }>(
    e.t,
    'select estado, lugar, hash from sesiones where id = ?',
    id
  )[0]!

/** Later exchanges settle, and both actas read as sealed. */
async function iguales(a: Equipo, b: Equipo) {
  await quedanIguales(b2, a, b)
  for (const e of [a, b]) expect((await revisarActas(e.t.app.db)).distintas).toEqual([])
}

describe('an acta approved on one side and edited on the other, unseen (#16)', () => {
  it('keeps the sealed acta on both and lists the edit on both sides', async () => {
    const { a, b, s, pA, pB } = await aprobadaEditada(moverLugar)
    const sellada = sesion(b, s.id)
    const enB = await vistaPrevia(b.d, pA)
    // Every field A's form wrote (the place, and «Preside» left empty) is listed.
    expect(enB.rechazadas).toContainEqual(
      expect.objectContaining({ lado: 'alla', sesionId: s.id, campo: 'lugar', valor: LUGAR })
    )
    await importar(b.d, pA)
    expect(sesion(b, s.id)).toEqual(sellada)
    const enA = await vistaPrevia(a.d, pB)
    expect(enA.conflictos).toEqual([])
    expect(enA.rechazadas?.map((r) => [r.lado, r.campo])).toEqual(
      enB.rechazadas?.map((r) => ['aqui', r.campo])
    )
    expect(enA.rechazadas).toContainEqual(
      expect.objectContaining({ sesionId: s.id, tabla: 'sesiones', campo: 'lugar', valor: LUGAR })
    )
    // As the screen shows it: the session and the edit in words.
    const { rechazadas } = await presentar(a.t.app.db, enA)
    expect(rechazadas).toContainEqual(
      expect.objectContaining({
        lado: 'aqui',
        cambio: expect.stringContaining(`lugar = "${LUGAR}"`)
      })
    )
    await importar(a.d, pB)
    expect(sesion(a, s.id)).toEqual(sellada)
    expect((await revisarActas(a.t.app.db)).distintas).toEqual([])
    // The undone edit stays in A's history of the session.
    const h = filas<{ antes: string }>(
      a.t,
      "select antes from historial where tabla = 'sesiones' and fila_id = ? and operacion = 'modificar'",
      s.id
    )
    expect(h.some((x) => (JSON.parse(x.antes) as { lugar: string }).lugar === LUGAR)).toBe(true)
    await iguales(a, b)
  })

  it('an acuerdo added to it unseen is undone on the editing side, listed, kept in history', async () => {
    const { a, b, s, pA, pB } = await aprobadaEditada(agregarAcuerdo)
    const enB = await vistaPrevia(b.d, pA)
    expect(enB.rechazadas).toMatchObject([{ lado: 'alla', tabla: 'acuerdos', campo: '*' }])
    await importar(b.d, pA)
    const enA = await vistaPrevia(a.d, pB)
    expect(enA.rechazadas).toMatchObject([
      { lado: 'aqui', tabla: 'acuerdos', campo: '*', valor: { texto: TEXTO } }
    ])
    await importar(a.d, pB)
    expect(filas(a.t, 'select texto from acuerdos where sesion_id = ?', s.id)).toEqual([])
    const borrado = filas<{ antes: string }>(
      a.t,
      "select antes from historial where tabla = 'acuerdos' and operacion = 'borrar'"
    )
    expect(borrado.map((x) => (JSON.parse(x.antes) as { texto: string }).texto)).toEqual([TEXTO])
    await iguales(a, b)
  })

  it('the editing side importing first the approval still ends sealed', async () => {
    const { a, b, s, pA, pB } = await aprobadaEditada(moverLugar)
    await importar(a.d, pB)
    expect(sesion(a, s.id)).toEqual(sesion(b, s.id))
    // A's package from before is skipped; the next one carries the undoing, which B keeps.
    void pA
    await iguales(a, b)
  })
})

describe('an acta approved on one side and deleted on the other, unseen (#16)', () => {
  it('comes back on the deleting side, the deletion listed on both', async () => {
    const { a, b, s, pA, pB } = await aprobadaEditada((a, id) => a.t.api['sesion:eliminar']({ id }))
    const sellada = sesion(b, s.id)
    const enB = await vistaPrevia(b.d, pA)
    expect(enB.conflictos).toEqual([])
    expect(enB.rechazadas).toContainEqual(
      expect.objectContaining({ lado: 'alla', tabla: 'sesiones', campo: '_borrado' })
    )
    await importar(b.d, pA)
    expect(sesion(b, s.id)).toEqual(sellada)
    const enA = await vistaPrevia(a.d, pB)
    expect(enA.conflictos).toEqual([])
    expect(enA.rechazadas).toContainEqual(
      expect.objectContaining({ lado: 'aqui', tabla: 'sesiones', campo: '_borrado' })
    )
    await importar(a.d, pB)
    expect(sesion(a, s.id)).toEqual(sellada)
    await iguales(a, b)
  })
})

describe('the refused edits from a terminal (#16)', () => {
  it('paquete importar --dry-run prints them on the approving side', async () => {
    const { b, pA } = await aprobadaEditada(moverLugar)
    const out: string[] = []
    const code = await runCli(
      ['paquete', 'importar', '--db', b.t.file, '--in', pA, '--dry-run'],
      (x) => out.push(x),
      () => undefined
    )
    expect(code).toBe(0)
    expect(out.join('\n')).toMatch(
      new RegExp(`está aprobada aquí: no entra el cambio de «A» .* lugar = "${LUGAR}"`)
    )
  })
})
