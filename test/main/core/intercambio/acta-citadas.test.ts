import { describe, expect, it } from 'vitest'
import { importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { presentar } from '../../../../src/main/core/intercambio/presentar'
import { dbSnapshot } from '../../../helpers/db'
import { banco, type Equipo } from '../../../helpers/intercambio'
import { quedanIguales, sesionDeAmbos } from '../../../helpers/intercambio-dos'
import { caller, cerrarYAprobar } from '../../../helpers/sesiones'
import { filas } from '../../../helpers/demo-hoy'

// Any row an approved acta's rows point at, not only a followed-up acuerdo (acuerdo-citado.test.ts):
// a persona who attended (asistencias.persona_id), an acción reported on (avances.accion_id). One
// laptop approves the acta while the other deletes that row unseen (second review of #16). The
// links are ON DELETE SET NULL: taking the deletion would change the sealed acta, so both packages
// were refused and the exchange stayed stopped. The approved acta wins on both sides.

const b2 = banco()
const { paqueteDe } = b2

interface Caso {
  tabla: string
  /** How the preview names the row (presentar). */
  nombre: RegExp
  /** Prepares A's acta citing the row; returns how to find the row on either side. */
  citar: (a: Equipo, sesionId: string) => Promise<(e: Equipo) => string>
  borrar: (b: Equipo, id: string) => Promise<unknown>
  /** Counts rows its deletion took that the acta does not cite: they stay deleted, on both. */
  colgadas?: string
}

const ANA = 'Ana Rojas Soto'

const persona: Caso = {
  tabla: 'personas',
  nombre: new RegExp(`borró personas: ${ANA}.*acta`),
  citar: async () => (e) =>
    filas<{ id: string }>(e.t, 'select id from personas where nombre = ?', ANA)[0]!.id,
  borrar: (b, id) => caller(b.t).ok('persona:eliminar', { id }),
  colgadas: 'select count(*) n from miembros where persona_id = ?'
}

const accion: Caso = {
  tabla: 'acciones',
  nombre: /borró acciones: 1\.1\.a .*acta/,
  citar: async (a, sesionId) => {
    const porCodigo = (e: Equipo) =>
      filas<{ id: string }>(e.t, "select id from acciones where codigo = '1.1.a'")[0]!.id
    await caller(a.t).ok('avance:guardar', {
      sesionId,
      accionId: porCodigo(a),
      estado: 'en_curso',
      porcentaje: 40,
      reporte: 'Se avanzó en la mesa regional'
    })
    return porCodigo
  },
  borrar: (b, id) => caller(b.t).ok('accion:eliminar', { id }),
  colgadas: `with x(a) as (values (?)) select (select count(*) from metas, x where accion_id = a)
    + (select count(*) from indicadores, x where accion_id = a) n`
}

const institucion: Caso = {
  tabla: 'instituciones',
  nombre: /borró instituciones: PDI .*acta/,
  citar: async (a, sesionId) => {
    const pdi = (e: Equipo) =>
      filas<{ id: string }>(e.t, "select id from instituciones where sigla = 'PDI'")[0]!.id
    await caller(a.t).ok('acuerdo:crear', {
      sesionId,
      texto: 'Oficiar a la PDI',
      institucionId: pdi(a),
      personaId: null,
      plazo: null,
      accionId: null
    })
    return pdi
  },
  borrar: (b, id) => caller(b.t).ok('institucion:eliminar', { id })
}

/** A approves an acta citing the row; B, unaware, deletes it. */
async function citadaYBorrada(c: Caso) {
  const { a, b, s } = await sesionDeAmbos(b2)
  const id = await c.citar(a, s.id)
  await cerrarYAprobar(a.t, s.id)
  // As each side holds it (a seeded acción's links are each side's own ids).
  const ids = { a: id(a), b: id(b) }
  const antes = { a: fila(a, c.tabla, ids.a), b: fila(b, c.tabla, ids.b) }
  expect(antes.a).toHaveLength(1)
  if (c.colgadas) expect(filas(a.t, c.colgadas, ids.a)).not.toEqual([{ n: 0 }])
  await c.borrar(b, ids.b)
  expect(fila(b, c.tabla, ids.b)).toEqual([])
  const [pA, pB] = [await paqueteDe(a, b), await paqueteDe(b, a)]
  return { a, b, s: s.id, ids, antes, sellada: acta(a, s.id), pA, pB }
}

const fila = (e: Equipo, tabla: string, id: string) =>
  filas<Record<string, unknown>>(e.t, `select * from ${tabla} where id = ?`, id).map(
    ({ id: _i, created_at: _c, updated_at: _u, ...resto }) => resto
  )

const acta = (e: Equipo, id: string) =>
  filas(e.t, 'select estado, hash, contenido_aprobado from sesiones where id = ?', id)[0]

/** The row as one side held it before the deletion. */
type Antes = Record<string, unknown>[]

/** B, which deleted it, imports A's package: the row comes back, named in the preview. */
async function enQuienBorro(c: Caso, b: Equipo, pA: string, id: string, s: string, antes: Antes) {
  const v = await vistaPrevia(b.d, pA)
  expect(v.conflictos).toEqual([])
  expect(v.rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'aqui', sesionId: s, tabla: c.tabla, filaId: id, citada: true })
  )
  // Only the row: the acta's link the deletion emptied is its echo, not an edit of its own.
  expect(v.rechazadas?.filter((r) => !r.citada)).toEqual([])
  const { rechazadas } = await presentar(b.t.app.db, v)
  expect(rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'aqui', cambio: expect.stringMatching(c.nombre) })
  )
  await importar(b.d, pA)
  expect(fila(b, c.tabla, id)).toEqual(antes)
}

/** A, which approved, imports B's deletion: it does not enter, and the preview says so. */
async function enQuienAprobo(c: Caso, a: Equipo, pB: string, id: string, s: string, antes: Antes) {
  const v = await vistaPrevia(a.d, pB)
  expect(v.conflictos).toEqual([])
  expect(v.rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'alla', sesionId: s, tabla: c.tabla, filaId: id, citada: true })
  )
  // Only the row: the acta's link the deletion emptied is its echo, not an edit of its own.
  expect(v.rechazadas?.filter((r) => !r.citada)).toEqual([])
  expect(v.tablas.find((t) => t.tabla === c.tabla)?.borradas ?? 0).toBe(0)
  const { rechazadas } = await presentar(a.t.app.db, v)
  expect(rechazadas).toContainEqual(
    expect.objectContaining({ lado: 'alla', cambio: expect.stringMatching(c.nombre) })
  )
  await importar(a.d, pB)
  expect(fila(a, c.tabla, id)).toEqual(antes)
}

/** Only the cited row came back or stayed: what else its deletion took is gone on both. */
function sinLoQueNoCita(c: Caso, a: Equipo, b: Equipo, ids: { a: string; b: string }) {
  if (!c.colgadas) return
  expect(filas(a.t, c.colgadas, ids.a)).toEqual([{ n: 0 }])
  expect(filas(b.t, c.colgadas, ids.b)).toEqual([{ n: 0 }])
}

/** Both alike, the acta sealed on both, and the packages once more change nothing. */
async function alFinal(a: Equipo, b: Equipo, pA: string, pB: string) {
  await quedanIguales(b2, a, b)
  for (const e of [a, b]) {
    expect((await revisarActas(e.t.app.db)).distintas).toEqual([])
    expect((await revisarActas(e.t.app.db)).alteradas).toEqual([])
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

describe.each([
  ['a persona who attended', persona],
  ['an acción reported on', accion],
  ['an institución responsible for an acuerdo', institucion]
])('%s, in an acta approved on one side, deleted on the other (#16)', (_n, c) => {
  it('the deleting side imports first: it comes back; the deletion does not enter', async () => {
    const { a, b, s, ids, antes, sellada, pA, pB } = await citadaYBorrada(c)
    await enQuienBorro(c, b, pA, ids.b, s, antes.b)
    expect(acta(b, s)).toEqual(sellada)
    await enQuienAprobo(c, a, pB, ids.a, s, antes.a)
    expect(acta(a, s)).toEqual(sellada)
    await alFinal(a, b, pA, pB)
    sinLoQueNoCita(c, a, b, ids)
  })

  it('the approving side imports first: it is kept, and comes back there', async () => {
    const { a, b, s, ids, antes, sellada, pA, pB } = await citadaYBorrada(c)
    await enQuienAprobo(c, a, pB, ids.a, s, antes.a)
    await enQuienBorro(c, b, pA, ids.b, s, antes.b)
    expect(acta(b, s)).toEqual(sellada)
    expect(acta(a, s)).toEqual(sellada)
    await alFinal(a, b, pA, pB)
    sinLoQueNoCita(c, a, b, ids)
  })
})
