import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Review of #12 on the session screen: what a field shows is what is saved. After an acuerdo
 * saved with Enter in Plazo (its calendar still open) the field showed the old date while its
 * value was empty; one wrong field of the header held back all the others, silently.
 */
let w: WebApp
let sesionId = ''
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  const ctx = await prevencionConMiembros(w.t)
  sesionId = (await ordinarias(w.t, ctx.prevencion.id)('2014-06-11')).id
})
afterAll(() => w?.close())

const abrir = async () => {
  await w.page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
  await w.page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}
const acuerdos = () =>
  w.t.app.db
    .selectFrom('acuerdos')
    .select(['texto', 'plazo'])
    .where('sesion_id', '=', sesionId)
    .orderBy('numero')
    .execute()

describe('the new acuerdo form after Enter in Plazo', () => {
  it('empties Plazo for real: the next acuerdo shows and saves no plazo', async () => {
    const { page } = w
    await abrir()
    await page.keyboard.press('Alt+5')
    const form = page.getByRole('form', { name: 'Nuevo acuerdo' })
    const plazo = form.getByRole('textbox', { name: 'Plazo' })
    const texto = form.getByRole('textbox', { name: 'Nuevo acuerdo' })
    await texto.fill('SERNAM enviará la propuesta.')
    await plazo.click()
    await plazo.pressSequentially('22-12-2014')
    await plazo.press('Enter')
    await expect
      .poll(acuerdos)
      .toEqual([{ texto: 'SERNAM enviará la propuesta.', plazo: '2014-12-22' }])
    // What is shown is what the next acuerdo is saved with.
    await expect.poll(() => plazo.inputValue()).toBe('')
    // The next acuerdo starts at its text.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-primer-campo')))
      .not.toBeNull()
    await texto.fill('PDI informará los casos.')
    await texto.press('Control+Enter')
    await expect.poll(() => acuerdos().then((a) => a.length)).toBe(2)
    expect((await acuerdos())[1]).toEqual({ texto: 'PDI informará los casos.', plazo: null })
    expect(await plazo.inputValue()).toBe('')
  })
})

const guardada = () =>
  w.t.app.db
    .selectFrom('sesiones')
    .select(['fecha', 'lugar'])
    .where('id', '=', sesionId)
    .executeTakeFirstOrThrow()

describe("the session's header with one wrong field", () => {
  it('saves the other fields, shows the error and a badge that says it is not saved', async () => {
    const { page } = w
    await abrir()
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
