import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Leaving the session right after typing (the save is flushed as the screen goes) and coming
 * back shows what was typed, and the next keystroke builds on it; Ctrl+Enter adds an acuerdo
 * from any field of its form.
 */
let w: WebApp
let id = ''
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  const ctx = await prevencionConMiembros(w.t)
  id = (await ordinarias(w.t, ctx.prevencion.id)('2014-06-11')).id
})
afterAll(() => w?.close())

const lugarGuardado = () =>
  w.t.app.db
    .selectFrom('sesiones')
    .select('lugar')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => r.lugar)
const acuerdos = () =>
  w.t.app.db
    .selectFrom('acuerdos')
    .select(['texto', 'plazo', 'accion_id'])
    .where('sesion_id', '=', id)
    .orderBy('numero')
    .execute()
const abrir = async () => {
  await w.page.goto(`${w.bridge.url}#/sesiones/${id}`)
  await w.page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}

describe('coming back to the session', () => {
  it('shows the value saved on leaving, and the next keystroke keeps it', async () => {
    const { page } = w
    await abrir()
    const lugar = page.getByRole('textbox', { name: 'Lugar', exact: true })
    await lugar.fill('')
    await lugar.pressSequentially('Sala NAV1')
    // Away before the autosave's pause: only the flush on leaving saves it.
    await page.getByRole('link', { name: 'Tablero' }).click()
    await page.getByRole('link', { name: 'Acuerdos' }).click()
    await page.goBack()
    await page.goBack()
    await expect.poll(() => lugar.inputValue()).toBe('Sala NAV1')
    await expect.poll(lugarGuardado).toBe('Sala NAV1')
    await lugar.press('End')
    await lugar.pressSequentially('2')
    await expect.poll(lugarGuardado).toBe('Sala NAV12')
    await page.reload()
    await expect.poll(() => lugar.inputValue()).toBe('Sala NAV12')
  })
})

describe('Ctrl+Enter in the new acuerdo', () => {
  it('adds it from Plazo and from Acción del plan; an invalid one shows its errors', async () => {
    const { page } = w
    await abrir()
    await page.keyboard.press('Alt+5')
    const form = page.getByRole('form', { name: 'Nuevo acuerdo' })
    const texto = form.getByRole('textbox', { name: 'Nuevo acuerdo' })
    const plazo = form.getByRole('textbox', { name: 'Plazo' })
    const accion = form.getByLabel('Acción del plan', { exact: true })
    await texto.fill('PDI informará los casos.')
    await plazo.fill('30-06-2014')
    await plazo.press('Control+Enter')
    await expect
      .poll(acuerdos)
      .toEqual([{ texto: 'PDI informará los casos.', plazo: '2014-06-30', accion_id: null }])
    await expect.poll(() => texto.inputValue()).toBe('')
    await texto.fill('SERNAM enviará la propuesta.')
    await accion.focus()
    await accion.press('Control+Enter')
    await expect
      .poll(() => acuerdos().then((a) => a.map((x) => x.texto)))
      .toEqual(['PDI informará los casos.', 'SERNAM enviará la propuesta.'])
    // Nothing to add: the error is shown beside the text, nothing saved. (After the form has
    // been reset from the last add: a key pressed while it is still saving is not a new submit.)
    await expect.poll(() => texto.inputValue()).toBe('')
    await accion.focus()
    await accion.press('Control+Enter')
    await expect.poll(() => texto.getAttribute('aria-invalid')).toBe('true')
    expect((await acuerdos()).length).toBe(2)
  })
})
