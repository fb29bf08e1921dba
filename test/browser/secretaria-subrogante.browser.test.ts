import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, prevencionConMiembros } from '../helpers/sesiones'

// The secretaría de actas excused itself: in Asistencia, the secretary picks who acted for it
// among those present, and the session keeps it.
let w: WebApp
let sesionId = ''
const fila: Record<string, string> = {}
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  const ctx = await prevencionConMiembros(w.t)
  const { ok } = caller(w.t)
  sesionId = (
    await ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-06-11',
      modalidad: 'presencial'
    })
  ).id
  for (const a of (await ok('sesion:obtener', { id: sesionId })).asistencia) fila[a.nombre] = a.id
  for (const [nombre, estado] of [
    ['Ana Rojas Soto', 'excusado'],
    ['Carlos Pérez Silva', 'presente'],
    ['Diego Fuentes Araya', 'presente']
  ] as const)
    await ok('asistencia:marcar', { id: fila[nombre]!, estado, motivo: '' })
})
afterAll(() => w?.close())

const guardado = async () =>
  (
    await w.t.app.db
      .selectFrom('sesiones')
      .select('secretaria_subrogante_id')
      .where('id', '=', sesionId)
      .executeTakeFirstOrThrow()
  ).secretaria_subrogante_id

describe('who acted as secretary, on the session screen', () => {
  it('is chosen among those present in Asistencia, and saved', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    const campo = page.getByRole('combobox', { name: 'Actuó como secretario/a de actas' })
    await campo.click()
    const opciones = page.getByRole('option')
    // Only those present, in the attendance's order; the excused secretaría is not offered.
    await expect
      .poll(() => opciones.allInnerTexts())
      .toEqual(['Diego Fuentes Araya — MININT', 'Carlos Pérez Silva — PDI'])
    await page.getByRole('option', { name: 'Carlos Pérez Silva — PDI' }).click()
    await expect.poll(guardado).toBe(fila['Carlos Pérez Silva'])
    // Read again from the database, the screen shows the same choice.
    await page.reload()
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    await expect.poll(() => campo.inputValue()).toBe('Carlos Pérez Silva — PDI')
  })
})
