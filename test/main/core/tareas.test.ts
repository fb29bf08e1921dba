import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppApi } from '../../../src/main/core/api'
import { dispatch } from '../../../src/main/core/dispatch'
import { tomarDescarga } from '../../../src/main/core/descargas'
import { openSqlite } from '../../../src/main/core/db/sqlite'
import { AppError } from '../../../src/main/core/errors'
import { exportarMatriz } from '../../../src/main/core/matriz/exportar/exportar'
import { importarMatriz } from '../../../src/main/core/matriz/importar/importar'
import type { ModoImportacion } from '../../../src/main/core/matriz/importar/aplicar'
import { planArbol } from '../../../src/main/core/plan/plan.service'
import { Tareas } from '../../../src/main/core/tareas'
import type { ApiHandlers } from '../../../src/shared/api/contract'
import type { Tarea } from '../../../src/shared/domain/tareas'
import { dbSnapshot, openTestApp, type TestApp } from '../../helpers/db'

let t: TestApp
let libro: Buffer
const NUEVO: ModoImportacion = {
  modo: 'nuevo',
  nombre: 'Plan importado',
  periodoDesde: '2015-01-01',
  periodoHasta: '2016-12-31'
}
beforeEach(async () => {
  t = await openTestApp()
  // The project's own export of the full 2013-2014 plan: 25 acciones, metas, indicadores.
  libro = (await exportarMatriz(t.app.db, { seguimiento: false, papel: 'carta' })).data
})
afterEach(() => t.close())

const turno = (): Promise<void> => new Promise((listo) => setImmediate(listo))

async function final(api: ApiHandlers, id: string): Promise<Tarea> {
  let e = await api['tarea:estado']({ id })
  while (e.estado === 'en_curso') {
    await turno()
    e = await api['tarea:estado']({ id })
  }
  return e
}

/** The plan's words, without ids or stamps: what an import must carry over. */
async function contenido(planId?: string): Promise<unknown> {
  const a = await planArbol(t.app.db, planId)
  return a.ejes.map((e) => [
    e.codigo,
    e.nombre,
    e.objetivos.map((o) => [
      o.codigo,
      o.texto,
      o.acciones.map((x) => [x.codigo, x.texto, x.metas.map((m) => m.texto), x.indicadores.length])
    ])
  ])
}

describe('cancelling an import', () => {
  it('while its transaction writes: rolled back to the byte, and only then "cancelada"', async () => {
    const antes = await dbSnapshot(t.app.db)
    const base64 = libro.toString('base64')
    const { tareaId } = await t.api['matriz:importar']({ base64, destino: NUEVO })
    let e = await t.api['tarea:estado']({ id: tareaId })
    // Poll as the screen does; the import yields between acciones, so the cancel gets in.
    while (!/\((1\d) de 25\)$/.test(e.detalle)) {
      expect(e.estado).toBe('en_curso')
      await turno()
      e = await t.api['tarea:estado']({ id: tareaId })
    }
    // Mid-write: the new plan's rows are in the open transaction (same connection).
    expect(t.app.handle.inTransaction).toBe(true)
    const filas = t.app.handle.prepare('select count(*) as n from acciones').get() as { n: number }
    expect(filas.n).toBeGreaterThan(25)
    expect(await t.api['tarea:cancelar']({ id: tareaId })).toBeNull()
    expect((await t.api['tarea:estado']({ id: tareaId })).estado).toBe('en_curso')
    const fin = await final(t.api, tareaId)
    // It stopped at the next acción, not after writing the rest.
    expect(fin.progreso).toBe(e.progreso)
    expect(fin).toMatchObject({
      estado: 'cancelada',
      resultado: null,
      error: { code: 'cancelado', message: 'Operación cancelada. No se escribió nada.' }
    })
    expect(t.app.handle.inTransaction).toBe(false)
    expect(await dbSnapshot(t.app.db)).toBe(antes)
  })

  it('at the point of no return: refused with a Spanish reason, and the import lands whole', async () => {
    const tareas = new Tareas(() => {})
    let respuesta: unknown = 'no se pidió'
    const { tareaId } = tareas.iniciar('matriz:importar', (control) =>
      importarMatriz(t.app.db, libro, NUEVO, {
        ...control,
        // Deterministic: ask to cancel exactly when the import says it is committing.
        progreso: (fraccion, detalle) => {
          control.progreso(fraccion, detalle)
          if (detalle !== 'Guardando los cambios') return
          try {
            respuesta = tareas.cancelar(tareaId)
          } catch (e) {
            respuesta = e
          }
        }
      })
    )
    let e = tareas.estado(tareaId)
    while (e.estado === 'en_curso') {
      await turno()
      e = tareas.estado(tareaId)
    }
    expect(respuesta).toBeInstanceOf(AppError)
    expect(respuesta).toMatchObject({
      code: 'conflicto',
      message: 'La importación ya se está guardando; no se puede cancelar.'
    })
    expect(e).toMatchObject({ estado: 'lista', error: null })
    const planId = (e.resultado as { planId: string }).planId
    expect(await contenido(planId)).toEqual(await contenido())
  })

  it('after it finished: the answer says so, and the data stays', async () => {
    const log = vi.fn()
    const base64 = libro.toString('base64')
    const { tareaId } = await t.api['matriz:importar']({ base64, destino: NUEVO })
    // The count waits for the import's connection, so it sees 2 only once committed.
    while ((await planes()) < 2) await turno()
    await turno()
    const r = await dispatch(t.api, 'tarea:cancelar', { id: tareaId }, log)
    expect(r).toEqual({
      ok: false,
      error: { code: 'conflicto', message: 'La tarea ya terminó; no se puede cancelar.' }
    })
    expect(await final(t.api, tareaId)).toMatchObject({ estado: 'lista' })
    expect(await planes()).toBe(2)
    expect(log).not.toHaveBeenCalled()
  })
})

describe('an import that yields between acciones', () => {
  it('makes a backup asked for meanwhile wait, then hold the whole import', async () => {
    const log = vi.fn()
    const base64 = libro.toString('base64')
    const { tareaId } = await t.api['matriz:importar']({ base64, destino: NUEVO })
    while (!(await t.api['tarea:estado']({ id: tareaId })).detalle.endsWith('(5 de 25)'))
      await turno()
    expect(t.app.handle.inTransaction).toBe(true)
    // The backup API on a connection in the middle of a transaction copies nothing.
    const respaldo = dispatch(t.api, 'respaldo:ahora', {}, log)
    expect(await final(t.api, tareaId)).toMatchObject({ estado: 'lista' })
    const r = await respaldo
    expect(log).not.toHaveBeenCalled()
    expect(r.ok).toBe(true)
    const file = tomarDescarga((r as { value: { descarga: string } }).value.descarga)!.archivo
    const h = openSqlite(file, { readonly: true })
    try {
      expect(h.prepare('select count(*) as n from planes').get()).toEqual({ n: 2 })
    } finally {
      h.close()
    }
  })
})

async function planes(): Promise<number> {
  return (await t.app.db.selectFrom('planes').select('id').execute()).length
}

describe('a task that fails unexpectedly', () => {
  it('logs the error and reports a Spanish message, writing nothing', async () => {
    const log = vi.fn()
    const api = createAppApi(t.app, { version: 'test', log })
    // A real SQLite failure in the middle of the import, not an AppError.
    t.app.handle.exec(
      `create trigger falla before insert on metas begin select raise(abort, 'fallo simulado'); end`
    )
    const antes = await dbSnapshot(t.app.db)
    const base64 = libro.toString('base64')
    const { tareaId } = await api['matriz:importar']({ base64, destino: NUEVO })
    expect(await final(api, tareaId)).toMatchObject({
      estado: 'error',
      error: { code: 'interno', message: 'Ocurrió un error inesperado. No se escribió nada.' }
    })
    expect(log).toHaveBeenCalledTimes(1)
    expect(log).toHaveBeenCalledWith(
      'error en la tarea matriz:importar',
      expect.objectContaining({ message: 'fallo simulado' })
    )
    expect(await dbSnapshot(t.app.db)).toBe(antes)
  })
})
