import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportar, importar } from '../../../../src/main/core/intercambio'
import { creadasEn } from '../../../../src/main/core/intercambio/creadas'
import { respaldar } from '../../../../src/main/core/respaldos'
import { AppError } from '../../../../src/main/core/errors'
import { dbSnapshot, tempDir } from '../../../helpers/db'
import { banco, canonicos, contenido, type Equipo } from '../../../helpers/intercambio'
import { filas } from '../../../helpers/demo-hoy'
import { restaurarEn } from '../../../helpers/restaurada'

// Three laptops and a restored backup (#16). B changes an acción after its backup and sends it
// to A, who passes it on to C; then B restores the backup with the app's own restore. Under its
// old id, B's vector claimed its own stamps up to its new clock, so C believed B had the lost
// change: B and C went on exchanging without a word and B never got it back. The restore now
// gives B a new id for its future stamps, its old one known only up to what the backup holds.

const { equipo, paquete, paqueteDe } = banco()

/** A package from `de` to `para`, imported; one that brings nothing new is refused: fine. */
async function llevar(de: Equipo, para: Equipo): Promise<void> {
  try {
    await importar(para.d, await paqueteDe(de, para))
  } catch (e) {
    if (!(e instanceof AppError && /ya se importó/.test(e.message))) throw e
  }
}

/** Every one to every other, twice. */
async function todos(eqs: Equipo[]): Promise<void> {
  for (let ronda = 0; ronda < 2; ronda++)
    for (const de of eqs) for (const para of eqs) if (de !== para) await llevar(de, para)
}

const texto = (e: Equipo, codigo: string) =>
  filas<{ texto: string }>(e.t, 'select texto from acciones where codigo = ?', codigo)[0]!.texto
const minint = (e: Equipo) =>
  filas<{ nombre: string }>(e.t, "select nombre from instituciones where sigla = 'MININT'")[0]!
    .nombre

/** A, B and C exchanged; B backed up, changed an acción, sent it to A, who sent it to C. */
async function escena() {
  const [a, b, c] = [await equipo('A'), await equipo('B'), await equipo('C')]
  await todos([a, b, c])
  const bk = path.join(tempDir('mitp-tres-restaurado-').dir, 'bk.db')
  await respaldar(b.t.app.handle, bk)
  const { codigo } = filas<{ codigo: string }>(b.t, 'select codigo from acciones limit 1')[0]!
  await b.t.app.db
    .updateTable('acciones')
    .set({ texto: 'Perdida' })
    .where('codigo', '=', codigo)
    .execute()
  await llevar(b, a)
  await llevar(a, c)
  expect(texto(c, codigo)).toBe('Perdida')
  // Another change, in a package B wrote for C then, that C imports only late (or never).
  const otro = filas<{ codigo: string }>(b.t, 'select codigo from acciones limit 1 offset 1')[0]!
  await b.t.app.db
    .updateTable('acciones')
    .set({ texto: 'Tardía' })
    .where('codigo', '=', otro.codigo)
    .execute()
  const tarde = await paqueteDe(b, c)
  const b2 = await restaurarEn(b, bk)
  expect(texto(b2, codigo)).not.toBe('Perdida')
  // Working on after the restore: its clock goes past the lost change.
  await new Promise((r) => setTimeout(r, 5))
  await b2.t.app.db
    .updateTable('instituciones')
    .set({ nombre: 'Nueva' })
    .where('sigla', '=', 'MININT')
    .execute()
  return { a, b2, c, codigo, tarde, otro: otro.codigo, bk }
}

const iguales = async (x: Equipo) => contenido(x.t, await canonicos(x.t))

type Orden = { primero: 'A' | 'C'; envia: 'B' | 'el otro' }

const ordenes: Orden[] = [
  { primero: 'C', envia: 'el otro' },
  { primero: 'C', envia: 'B' },
  { primero: 'A', envia: 'el otro' },
  { primero: 'A', envia: 'B' }
]

describe('three laptops and a backup restored on one', () => {
  it.each(ordenes)(
    'B gets back its lost change (first with $primero, $envia sends first)',
    async ({ primero, envia }) => {
      const { a, b2, c, codigo } = await escena()
      const [x, y] = primero === 'C' ? [c, a] : [a, c]
      for (const otro of [x, y]) {
        if (envia === 'B') {
          await llevar(b2, otro)
          await llevar(otro, b2)
        } else if (otro === a && primero === 'A') {
          // A believes B has its change: refused, saying what to do; nothing written.
          const antes = await dbSnapshot(b2.t.app.db)
          await expect(importar(b2.d, await paqueteDe(a, b2))).rejects.toThrow(
            /aquí se restauró un respaldo y «A» aún no lo sabe\. Exporte un paquete para «A»/
          )
          expect(await dbSnapshot(b2.t.app.db)).toBe(antes)
          await llevar(b2, a)
          await llevar(a, b2)
        } else {
          await llevar(otro, b2)
          await llevar(b2, otro)
        }
        // Back from the first one it exchanged with, whoever that is.
        expect(texto(b2, codigo)).toBe('Perdida')
      }
      await todos([a, b2, c])
      expect([a, b2, c].map((e) => texto(e, codigo))).toEqual(['Perdida', 'Perdida', 'Perdida'])
      expect([a, b2, c].map(minint)).toEqual(['Nueva', 'Nueva', 'Nueva'])
      const esperado = await iguales(a)
      expect(await iguales(b2)).toEqual(esperado)
      expect(await iguales(c)).toEqual(esperado)
      // Each partner lists B once, under its new id.
      const { id } = filas<{ id: string }>(b2.t, 'select id from instalacion')[0]!
      for (const e of [a, c])
        expect(filas(e.t, "select instalacion_id from socios where nombre = 'B'")).toEqual([
          { instalacion_id: id }
        ])
    }
  )

  it('a package B wrote before the restore, imported late: its changes count, its old id stays gone', async () => {
    const { a, b2, c, codigo, tarde, otro } = await escena()
    await llevar(b2, c)
    await importar(c.d, tarde)
    const { id } = filas<{ id: string }>(b2.t, 'select id from instalacion')[0]!
    expect(filas(c.t, "select instalacion_id from socios where nombre = 'B'")).toEqual([
      { instalacion_id: id }
    ])
    // A, who has not heard from the restored B, is told first (or its package is refused).
    await llevar(b2, a)
    await todos([a, b2, c])
    expect([a, b2, c].map((e) => texto(e, codigo))).toEqual(['Perdida', 'Perdida', 'Perdida'])
    expect([a, b2, c].map((e) => texto(e, otro))).toEqual(['Tardía', 'Tardía', 'Tardía'])
    const esperado = await iguales(a)
    expect(await iguales(b2)).toEqual(esperado)
    expect(await iguales(c)).toEqual(esperado)
  })

  it('restored twice from the same backup: partners list B once, and it gets its change back', async () => {
    const { a, b2, c, codigo, bk } = await escena()
    await llevar(b2, c)
    const b3 = await restaurarEn(b2, bk)
    await llevar(b3, c)
    const { id } = filas<{ id: string }>(b3.t, 'select id from instalacion')[0]!
    expect(filas(c.t, "select instalacion_id from socios where nombre = 'B'")).toEqual([
      { instalacion_id: id }
    ])
    await llevar(c, b3)
    expect(texto(b3, codigo)).toBe('Perdida')
    await llevar(b3, a)
    await todos([a, b3, c])
    const esperado = await iguales(a)
    expect(await iguales(b3)).toEqual(esperado)
    expect(await iguales(c)).toEqual(esperado)
  })

  it('rows B made before the restore are still named as its own', async () => {
    const { b2 } = await escena()
    const { id } = filas<{ id: string }>(b2.t, 'select id from acciones limit 1')[0]!
    expect(await creadasEn(b2.t.app.db, 'acciones', [id])).toEqual(new Map([[id, 'B']]))
  })

  it('a full package still brings it back when the partner sends first', async () => {
    const { a, b2, codigo } = await escena()
    const p = paquete()
    await exportar(a.d, 'B', p, true)
    await importar(b2.d, p)
    expect(texto(b2, codigo)).toBe('Perdida')
  })
})
