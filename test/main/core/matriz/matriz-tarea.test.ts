import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../../helpers/db'

/**
 * Exporting the matrix is a long task: it reports progress to the end and yields the workbook, and
 * a cancelled one says «cancelada» only once its work has really stopped.
 */
let t: TestApp
beforeAll(async () => (t = await openTestApp()))
afterAll(() => t.close())

describe('long work as a task', () => {
  it('reports progress to the end, and can be cancelled', async () => {
    const api = t.api
    const { tareaId } = await api['matriz:exportar']({ seguimiento: false, papel: 'carta' })
    let estado = await api['tarea:estado']({ id: tareaId })
    while (estado.estado === 'en_curso') {
      await new Promise((r) => setTimeout(r, 20))
      estado = await api['tarea:estado']({ id: tareaId })
    }
    expect(estado).toMatchObject({ estado: 'lista', progreso: 1 })
    expect(
      Buffer.from((estado.resultado as { base64: string }).base64, 'base64')
        .subarray(0, 2)
        .toString()
    ).toBe('PK')
    const otra = await api['matriz:exportar']({ seguimiento: true, papel: 'a4' })
    await api['tarea:cancelar']({ id: otra.tareaId })
    // The task says 'cancelada' once its work has really stopped, not when asked.
    let cancelada = await api['tarea:estado']({ id: otra.tareaId })
    while (cancelada.estado === 'en_curso') {
      expect(cancelada.detalle).toBe('Cancelando…')
      await new Promise((r) => setTimeout(r, 5))
      cancelada = await api['tarea:estado']({ id: otra.tareaId })
    }
    expect(cancelada).toMatchObject({ estado: 'cancelada', error: { code: 'cancelado' } })
  })
})
