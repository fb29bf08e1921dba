import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_TERMINADAS, Tareas } from '../../../src/main/core/tareas'

/**
 * A finished task nobody reads (the window was reloaded, the export was never saved) is forgotten
 * after ten minutes, result and all: 400 unread exports once kept 180 MB for as long as the app ran.
 * And no more than MAX_TERMINADAS are kept even within those ten minutes.
 */
afterEach(() => vi.useRealTimers())

const turno = (): Promise<void> => new Promise((listo) => setImmediate(listo))

describe('finished tasks', () => {
  it('unread, are forgotten after 10 minutes; read before that, they are there', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const tareas = new Tareas(() => {})
    const grande = { base64: 'x'.repeat(1000), nombre: 'libro.xlsx', mime: 'application/zip' }
    const ids = Array.from(
      { length: MAX_TERMINADAS - 1 },
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

  it('are kept up to MAX_TERMINADAS, the oldest finished forgotten first; running ones never', async () => {
    const tareas = new Tareas(() => {})
    const pendientes: (() => void)[] = []
    const larga = (): string =>
      tareas.iniciar('importar', () => new Promise<null>((r) => pendientes.push(() => r(null))))
        .tareaId
    const corriendo = larga()
    // Started before all the others, finished after them: it counts as the newest.
    const ultima = larga()
    const rapidas = Array.from(
      { length: MAX_TERMINADAS + 5 },
      () => tareas.iniciar('exportar', () => Promise.resolve(null)).tareaId
    )
    await turno()
    await turno()
    pendientes[1]!()
    await turno()
    await turno()
    const hay = (id: string): boolean => {
      try {
        tareas.cancelar(id)
        return true
      } catch (e) {
        if ((e as Error).message === 'La tarea no existe o ya terminó.') return false
        return true
      }
    }
    expect(rapidas.slice(0, 6).map(hay)).toEqual(Array(6).fill(false))
    expect(rapidas.slice(6).map(hay)).toEqual(Array(MAX_TERMINADAS - 1).fill(true))
    expect(hay(ultima)).toBe(true)
    expect(tareas.estado(corriendo).estado).toBe('en_curso')
    // Reading one makes room: the next finished one forgets nobody.
    expect(tareas.estado(rapidas[6]!).estado).toBe('lista')
    pendientes[0]!()
    await turno()
    await turno()
    expect(hay(rapidas[7]!)).toBe(true)
    expect(tareas.estado(corriendo).estado).toBe('lista')
  })
})
