import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportar, importar, vistaPrevia } from '../../../../src/main/core/intercambio'
import { dbSnapshot, tempDir, type TestApp } from '../../../helpers/db'
import { actaAprobada } from '../../../helpers/acta-aprobada'
import {
  contenido,
  deps,
  haciaElOtro,
  instalacionPropia,
  nombrar
} from '../../../helpers/intercambio'
import { fijarRelojSellos } from '../../../../src/main/core/db/sello'

// Two laptops, each seeded on its own (#16): the coordinator edits the plan, the secretary takes
// sessions, attendance, acuerdos and approves an acta; packages go both ways and both end with
// the same rows, table by table (seeded rows matched by their natural keys).

const abiertos: TestApp[] = []
const carpeta = tempDir('mitp-paquetes-')
afterEach(async () => {
  for (const t of abiertos.splice(0)) await t.close()
})
let n = 0
const paquete = () => path.join(carpeta.dir, `p${++n}.mitp`)

async function dos() {
  const a = await instalacionPropia()
  const b = await instalacionPropia()
  abiertos.push(a, b)
  await nombrar(a, 'Notebook MININT – Coordinación')
  await nombrar(b, 'Notebook SERNAM – Javiera')
  return { a, b, da: deps(a), db: deps(b) }
}

/** A's plan edits: an acción reworded, a meta added, an indicador removed. */
async function editarPlan(a: TestApp) {
  const accion = await a.app.db
    .selectFrom('acciones')
    .select(['id', 'codigo'])
    .orderBy('codigo')
    .executeTakeFirstOrThrow()
  await a.app.db
    .updateTable('acciones')
    .set({ texto: 'Texto del coordinador' })
    .where('id', '=', accion.id)
    .execute()
  await a.app.db
    .insertInto('metas')
    .values({
      id: '0190a000-0000-7000-8000-000000000001',
      accion_id: accion.id,
      texto: 'Meta nueva',
      plazo: null,
      orden: 99,
      rotulo: null,
      created_at: 'x',
      updated_at: 'x'
    })
    .execute()
  const ind = await a.app.db
    .selectFrom('indicadores')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  await a.app.db.deleteFrom('indicadores').where('id', '=', ind.id).execute()
  return accion
}

describe('two installations seeded independently', () => {
  it('exchange packages both ways and end with the same rows, table by table', async () => {
    const { a, b, da, db } = await dos()
    const accion = await editarPlan(a)
    await actaAprobada(b)
    const p1 = paquete()
    await exportar(da, 'Notebook SERNAM – Javiera', p1)
    const vista = await vistaPrevia(db, p1)
    expect(vista.de.nombre).toBe('Notebook MININT – Coordinación')
    expect(vista.conflictos).toEqual([])
    expect(vista.tablas).toEqual(
      expect.arrayContaining([
        { tabla: 'acciones', agregadas: 0, modificadas: 1, borradas: 0 },
        { tabla: 'metas', agregadas: 1, modificadas: 0, borradas: 0 },
        { tabla: 'indicadores', agregadas: 0, modificadas: 0, borradas: 1 }
      ])
    )
    await importar(db, p1)
    expect(db.respaldos).toHaveLength(1)
    const p2 = paquete()
    await exportar(db, 'Notebook MININT – Coordinación', p2)
    await importar(da, p2)
    expect(await contenido(b, await haciaElOtro(b))).toEqual(await contenido(a))
    const texto = await b.app.db
      .selectFrom('acciones')
      .select('texto')
      .where('codigo', '=', accion.codigo)
      .execute()
    expect(texto.map((t) => t.texto)).toContain('Texto del coordinador')
    const aprobadas = await a.app.db
      .selectFrom('sesiones')
      .select('id')
      .where('estado', '=', 'aprobada')
      .execute()
    expect(aprobadas).toHaveLength(1)
    // A package imported again is refused, and writes nothing; a new one with nothing new
    // changes no row.
    const antes = await dbSnapshot(b.app.db)
    await expect(importar(db, p1)).rejects.toThrow(/ya se importó/)
    expect(await dbSnapshot(b.app.db)).toBe(antes)
    const p3 = paquete()
    await exportar(da, 'Notebook SERNAM – Javiera', p3)
    expect((await vistaPrevia(db, p3)).tablas).toEqual([])
  })

  it('a laptop an hour behind still merges in causal order', async () => {
    const { a, b, da, db } = await dos()
    fijarRelojSellos(b.app.handle, () => Date.now() - 3_600_000)
    const accion = await editarPlan(a)
    const p1 = paquete()
    await exportar(da, 'B', p1)
    await importar(db, p1)
    const suya = (
      await b.app.db
        .selectFrom('acciones')
        .select('id')
        .where('codigo', '=', accion.codigo)
        .executeTakeFirstOrThrow()
    ).id
    // B edits after seeing A's edit: its change is the later one, though its clock is behind.
    await b.app.db
      .updateTable('acciones')
      .set({ texto: 'Corregido por la secretaria' })
      .where('id', '=', suya)
      .execute()
    const p2 = paquete()
    await exportar(db, 'Notebook MININT – Coordinación', p2)
    const vista = await vistaPrevia(da, p2)
    expect(vista.conflictos).toEqual([])
    await importar(da, p2)
    const texto = await a.app.db
      .selectFrom('acciones')
      .select('texto')
      .where('id', '=', accion.id)
      .executeTakeFirstOrThrow()
    expect(texto.texto).toBe('Corregido por la secretaria')
  })

  it('a field changed on both sides is a conflict shown with both values; the choice is kept', async () => {
    const { a, b, da, db } = await dos()
    const accion = await editarPlan(a)
    const p1 = paquete()
    await exportar(da, 'B', p1)
    await importar(db, p1)
    const suya = (
      await b.app.db
        .selectFrom('acciones')
        .select('id')
        .where('codigo', '=', accion.codigo)
        .executeTakeFirstOrThrow()
    ).id
    await a.app.db
      .updateTable('acciones')
      .set({ texto: 'Versión A' })
      .where('id', '=', accion.id)
      .execute()
    await b.app.db
      .updateTable('acciones')
      .set({ texto: 'Versión B' })
      .where('id', '=', suya)
      .execute()
    const p2 = paquete()
    await exportar(db, 'Notebook MININT – Coordinación', p2)
    const vista = await vistaPrevia(da, p2)
    expect(vista.conflictos).toMatchObject([
      {
        tabla: 'acciones',
        filaId: accion.id,
        campo: 'texto',
        mio: { valor: 'Versión A' },
        suyo: { valor: 'Versión B', instalacion: vista.de.id }
      }
    ])
    await expect(importar(da, p2)).rejects.toThrow(/1 conflicto/)
    await importar(da, p2, { [vista.conflictos[0]!.clave]: 'mio' })
    const p3 = paquete()
    await exportar(da, 'Notebook SERNAM – Javiera', p3)
    expect((await vistaPrevia(db, p3)).conflictos).toEqual([])
    await importar(db, p3)
    const enB = await b.app.db
      .selectFrom('acciones')
      .select('texto')
      .where('id', '=', suya)
      .executeTakeFirstOrThrow()
    expect(enB.texto).toBe('Versión A')
  })
})
