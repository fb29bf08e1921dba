import { afterEach, describe, expect, it, vi } from 'vitest'
import { Tareas } from '../../../src/main/core/tareas'

/**
 * A finished task nobody reads (the window was reloaded, the export was never saved) is forgotten
 * after ten minutes, result and all: 400 unread exports once kept 180 MB for as long as the app ran.
 */
afterEach(() => vi.useRealTimers())

const turno = (): Promise<void> => new Promise((listo) => setImmediate(listo))

describe('finished tasks', () => {
  it('unread, are forgotten after 10 minutes; read before that, they are there', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const tareas = new Tareas(() => {})
    const grande = { base64: 'x'.repeat(1000), nombre: 'libro.xlsx', mime: 'application/zip' }
    const ids = Array.from(
      { length: 400 },
      () => tareas.iniciar('exportar', () => Promise.resolve(grande)).tareaId
    )
    const fallida = tareas.iniciar('exportar', () => Promise.reject(new Error('x'))).tareaId
    await turno()
    await turno()
    vi.advanceTimersByTime(9 * 60_000)
    expect(tareas.estado(ids[0]!).estado).toBe('lista')
    vi.advanceTimersByTime(60_000 + 1)
    for (const id of [...ids.slice(1), fallida])
      expect(() => tareas.estado(id)).toThrow('La tarea no existe o ya terminó.')
  })

  it('still running after 10 minutes, are kept', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const tareas = new Tareas(() => {})
    let terminar!: () => void
    const { tareaId } = tareas.iniciar(
      'importar',
      () => new Promise<null>((r) => (terminar = () => r(null)))
    )
    await turno()
    vi.advanceTimersByTime(60 * 60_000)
    expect(tareas.estado(tareaId).estado).toBe('en_curso')
    terminar()
    await turno()
    await turno()
    expect(tareas.estado(tareaId).estado).toBe('lista')
  })
})
