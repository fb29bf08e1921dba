import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAl } from '../../../helpers/demo-hoy'
import type { TestApp } from '../../../helpers/db'
import { esperarTarea } from '../../../helpers/mundo'
import { informeAnual } from '../../../../src/main/core/informe/informe'
import { AppError } from '../../../../src/main/core/errors'

// A cancelled report stops at its next step and hands nothing over; a PDF with no printer is
// refused before any work.

let t: TestApp
beforeAll(async () => {
  t = await demoAl('2015-01-15')
}, 120_000)
afterAll(() => t.close())

describe('the annual report as a task', () => {
  it('stops at the next step once cancelled: the document is never written', async () => {
    const pasos: string[] = []
    const control = new AbortController()
    const trabajo = informeAnual(t.app.db, { anio: 2014, formato: 'docx' }, '2015-01-15', null, {
      signal: control.signal,
      progreso: (_f, detalle) => {
        pasos.push(detalle)
        // Cancelled while the data is read.
        if (pasos.length === 1) control.abort()
      }
    })
    const error = await trabajo.then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('cancelado')
    expect(pasos).toEqual(['Leyendo el plan y las sesiones del año'])
  })

  it('ends cancelled through the API, with no result', async () => {
    const { tareaId } = await t.api['informe:exportar']({ anio: 2014, formato: 'docx' })
    t.api['tarea:cancelar']({ id: tareaId })
    const tarea = await esperarTarea(t.api, tareaId)
    expect(tarea).toMatchObject({ estado: 'cancelada', resultado: null })
  })

  it('refuses a PDF where nothing can print it, in Spanish', async () => {
    const { tareaId } = await t.api['informe:exportar']({ anio: 2014, formato: 'pdf' })
    const tarea = await esperarTarea(t.api, tareaId)
    expect(tarea.estado).toBe('error')
    expect(tarea.detalle).toBe(
      'Este equipo no tiene cómo generar el PDF (falta Chromium). Descargue el informe en DOCX.'
    )
  })
})
