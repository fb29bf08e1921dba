import { describe, expect, it } from 'vitest'
import { exportar, importar, leerAjenas, vistaPrevia } from '../../../../src/main/core/intercambio'
import { revisarActas } from '../../../../src/main/core/actas/sello'
import { banco, type Equipo } from '../../../helpers/intercambio'
import {
  caller,
  cerrarYAprobar,
  ordinarias,
  prevencionConMiembros,
  sesionMovida
} from '../../../helpers/sesiones'
import { filas } from '../../../helpers/consulta'

// One session approved on both laptops, each with its own content (#16): approved actas are
// immutable on both sides, so the partner's version is flagged and kept beside ours, whole and
// readable, and ours stays as it was: its row, its sealed content and its hash.

const { equipo, paquete, paqueteDe } = banco()

const acta = async (e: Equipo, id: string) =>
  (
    await filas<{ estado: string; hash: string; contenido_aprobado: string; lugar: string }>(
      e.t,
      'select estado, hash, contenido_aprobado, lugar from sesiones where id = ?',
      id
    )
  )[0]!

describe('two approved versions of one acta', () => {
  it('are flagged and both kept, never merged; ours, its content and hash untouched', async () => {
    const a = await equipo('Notebook MININT – Coordinación')
    const b = await equipo('Notebook SERNAM – Javiera')
    // Members who sign the acta, and the session, taken on A and sent to B.
    const { prevencion } = await prevencionConMiembros(a.t)
    const s = await ordinarias(a.t, prevencion.id)('2015-03-10')
    await importar(b.d, await paqueteDe(a, b))
    // Each side writes its own place into the session, then approves it unseen by the other.
    for (const [e, lugar] of [
      [a, 'Sala del coordinador'],
      [b, 'Sala de la secretaria']
    ] as const) {
      await caller(e.t).ok('sesion:actualizar', { ...sesionMovida(s.id, '2015-03-10'), lugar })
      await cerrarYAprobar(e.t, s.id)
    }
    const deA = await acta(a, s.id)
    const deB = await acta(b, s.id)
    expect(deA.hash).not.toBe(deB.hash)

    const p = await paqueteDe(a, b)
    const v = await vistaPrevia(b.d, p)
    expect(v.actasDistintas).toEqual([
      {
        sesionId: s.id,
        sesionAquiId: s.id,
        motivo: 'version',
        hashAqui: deB.hash,
        hashAlla: deA.hash
      }
    ])
    await importar(b.d, p)
    expect(await acta(b, s.id)).toEqual(deB)
    expect(await revisarActas(b.t.app.db)).toMatchObject({ alteradas: [], distintas: [] })
    expect(await leerAjenas(b.t.app.db, s.id)).toMatchObject([
      {
        sesionId: s.id,
        motivo: 'version',
        hash: deA.hash,
        contenido: deA.contenido_aprobado,
        instalacion: { nombre: 'Notebook MININT – Coordinación' },
        fila: { lugar: 'Sala del coordinador', estado: 'aprobada' }
      }
    ])
    // The other way the same, each side keeping its own and the other's.
    await importar(a.d, await paqueteDe(b, a))
    expect(await acta(a, s.id)).toEqual(deA)
    expect((await leerAjenas(a.t.app.db, s.id)).map((x) => x.hash)).toEqual([deB.hash])
    // A full package carrying it again keeps one copy, ours still untouched.
    const todo = paquete()
    await exportar(a.d, b.nombre, todo, true)
    expect((await vistaPrevia(b.d, todo)).actasDistintas).toHaveLength(1)
    await importar(b.d, todo).catch(() => undefined)
    expect(await leerAjenas(b.t.app.db)).toHaveLength(1)
    expect(await acta(b, s.id)).toEqual(deB)
  })
})
