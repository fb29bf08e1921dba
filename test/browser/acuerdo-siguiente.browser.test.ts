import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebAppEnProceso, puertaBase, type WebApp } from '../helpers/browser'
import { ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * In a meeting the secretary adds an acuerdo with Ctrl+Enter and goes straight on typing the
 * next one. The form used to clear itself when the save came back, wiping what was typed
 * meanwhile (a browser test lost its text one run in three). The core's connection is held while
 * the next text is typed, so the save is surely still under way.
 */
let w: WebApp
let sesionId = ''
beforeAll(async () => {
  w = await openWebAppEnProceso(undefined, { width: 1366, height: 768 })
  const { prevencion } = await prevencionConMiembros(w.t)
  sesionId = (await ordinarias(w.t, prevencion.id)('2014-06-11')).id
}, 120_000)
afterAll(() => w?.close())

const acuerdos = () =>
  w.t.app.handle
    .prepare('select texto from acuerdos where sesion_id = ? order by numero')
    .pluck()
    .all(sesionId)

describe('the next acuerdo typed while the last one is saved', () => {
  it('keeps what was typed, and clears only what was sent', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    await page.keyboard.press('Alt+5')
    const form = page.getByRole('form', { name: 'Nuevo acuerdo' })
    const texto = form.getByRole('textbox', { name: 'Nuevo acuerdo' })
    await texto.fill('SERNAM enviará la propuesta.')
    const puerta = puertaBase(w.t.app.db)
    puerta.tomar()
    await texto.press('Control+Enter')
    await texto.fill('PDI informará los casos.')
    await puerta.soltar()
    await expect.poll(acuerdos).toEqual(['SERNAM enviará la propuesta.'])
    // The save came back: the text typed meanwhile is still there, ready to be added.
    await page.waitForTimeout(500)
    expect(await texto.inputValue()).toBe('PDI informará los casos.')
    await texto.press('Control+Enter')
    await expect
      .poll(acuerdos)
      .toEqual(['SERNAM enviará la propuesta.', 'PDI informará los casos.'])
    await expect.poll(() => texto.inputValue()).toBe('')
  })
})
