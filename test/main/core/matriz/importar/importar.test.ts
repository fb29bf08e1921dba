import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportarMatriz } from '../../../../../src/main/core/matriz/exportar/exportar'
import {
  importarMatriz,
  previsualizarMatriz
} from '../../../../../src/main/core/matriz/importar/importar'
import { openTestApp, type TestApp } from '../../../../helpers/db'
import { foto } from '../../../../helpers/consulta'

/** The import's entry points, in process: preview against a plan or none, cancel, progress. */
let t: TestApp
beforeEach(async () => {
  t = await openTestApp()
})
afterEach(() => t.close())

const libro = async () =>
  (await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })).data

describe('previsualizarMatriz', () => {
  it('compares with the chosen plan, or with none for a new period, writing nothing', async () => {
    const data = await libro()
    const [plan] = await t.api['plan:listar'](undefined)
    const antes = await foto(t)
    const igual = await previsualizarMatriz(t.app.db, data, plan!.id)
    expect([igual.hoja, igual.totalAcciones, igual.sinCambios]).toEqual(['Matriz', 25, true])
    const nuevo = await previsualizarMatriz(t.app.db, data, null)
    expect(nuevo.sinCambios).toBe(false)
    expect(nuevo.ejes.agregados).toEqual(['1', '2', '3', '4'])
    expect(nuevo.acciones.agregadas).toHaveLength(25)
    // The glossary is compared with the institutions there are, whatever the plan.
    expect(nuevo.glosario).toEqual({ agregadas: [], modificadas: [] })
    expect(await foto(t)).toBe(antes)
  })
})

describe('importarMatriz', () => {
  it('stops on a cancel that came while the workbook was read, with nothing written', async () => {
    const data = await libro()
    const [plan] = await t.api['plan:listar'](undefined)
    await t.app.db
      .updateTable('acciones')
      .set({ texto: 'Otro.' })
      .where('codigo', '=', '1.1.a')
      .execute()
    const antes = await foto(t)
    const c = new AbortController()
    const pasos: string[] = []
    await expect(
      importarMatriz(
        t.app.db,
        data,
        { modo: 'actualizar', planId: plan!.id },
        {
          signal: c.signal,
          progreso: (_f, d) => {
            pasos.push(d)
            c.abort()
          }
        }
      )
    ).rejects.toMatchObject({ code: 'cancelado' })
    expect(pasos).toEqual(['Leyendo el libro'])
    expect(await foto(t)).toBe(antes)
  })

  it('previews against the plan it updates, and against nothing for a new one', async () => {
    const data = await libro()
    const [plan] = await t.api['plan:listar'](undefined)
    await t.app.db
      .updateTable('acciones')
      .set({ texto: 'Otro.' })
      .where('codigo', '=', '1.1.a')
      .execute()
    const r = await importarMatriz(t.app.db, data, { modo: 'actualizar', planId: plan!.id })
    expect(r.planId).toBe(plan!.id)
    expect(r.vista.acciones).toEqual({ agregadas: [], modificadas: ['1.1.a'], eliminadas: [] })
    const row = await t.app.db
      .selectFrom('acciones')
      .select('texto')
      .where('codigo', '=', '1.1.a')
      .executeTakeFirstOrThrow()
    expect(row.texto).not.toBe('Otro.')
  })
})
