import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Review of #12: one wrong field in the session's header stopped every other one from saving,
 * while the badge still said all was well. The valid ones are saved; the badge says what is not.
 */
let w: WebApp
let sesionId = ''
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  const ctx = await prevencionConMiembros(w.t)
  sesionId = (await ordinarias(w.t, ctx.prevencion.id)('2014-06-11')).id
})
afterAll(() => w?.close())

const guardada = () =>
  w.t.app.db
    .selectFrom('sesiones')
    .select(['fecha', 'lugar'])
    .where('id', '=', sesionId)
    .executeTakeFirstOrThrow()

describe("the session's header with one wrong field", () => {
  it('saves the other fields, shows the error and a badge that says it is not saved', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    const fecha = page.getByRole('textbox', { name: 'Fecha', exact: true })
    await fecha.fill('31-02-2014')
    await fecha.press('Tab')
    await page.getByRole('textbox', { name: 'Lugar', exact: true }).fill('Sala Gabriela Mistral')
    await expect.poll(guardada).toEqual({ fecha: '2014-06-11', lugar: 'Sala Gabriela Mistral' })
    await expect.poll(() => page.getByText('Fecha no válida').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Error al guardar')
    expect(await fecha.inputValue()).toBe('31-02-2014')
  })
})
