import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openWebApp, screenshot, type WebApp } from '../helpers/browser'

let w: WebApp
beforeAll(async () => {
  w = await openWebApp()
})
afterAll(() => w?.close())
// Each test starts from the plan page, so one failure does not leave a dialog open for the next.
beforeEach(async () => {
  // The plan is at #/plan (the dashboard is the home screen).
  await w.page.goto(`${w.bridge.url}#/plan`)
  await w.page
    .getByRole('heading', { name: /Plan de Acción contra la Trata de Personas/ })
    .waitFor()
})

const card = (codigo: string) => w.page.locator(`article[data-codigo="${codigo}"]`)
const accionText = async (codigo: string): Promise<string> =>
  (
    await w.t.app.db
      .selectFrom('acciones')
      .select('texto')
      .where('codigo', '=', codigo)
      .executeTakeFirstOrThrow()
  ).texto

describe('the plan in Chromium', () => {
  it('shows the matrix and finds acción 3.2.a with its responsible and deadline', async () => {
    const { page } = w
    expect(await page.locator('article[data-codigo]').count()).toBe(25)
    const rav = card('3.2.a')
    await rav.scrollIntoViewIfNeeded()
    await expect.poll(() => rav.getByTestId('responsables').innerText()).toBe('Mesa RAV')
    expect(await rav.getByTestId('plazo').innerText()).toBe('Plazo: 31-12-2013')
    expect(await rav.innerText()).toContain(
      'Diseñar un Protocolo intersectorial de atención a víctimas de Trata de Personas'
    )
    await screenshot(page, 'plan-3.2.a')
  })

  it('filters by instancia', async () => {
    const { page } = w
    await page.getByRole('combobox', { name: 'Instancia responsable' }).click()
    await page.getByRole('option', { name: 'Mesa RAV' }).click()
    await expect.poll(() => page.locator('article[data-codigo]').count()).toBe(3)
    const codes = await page
      .locator('article[data-codigo]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-codigo')))
    expect(codes).toEqual(['3.2.a', '3.3.a', '3.4.a'])
    await screenshot(page, 'plan-filtro-mesa-rav')
    await page.getByRole('combobox', { name: 'Instancia responsable' }).click()
    await page.getByRole('option', { name: 'Mesa RAV' }).click() // deselect
    await expect.poll(() => page.locator('article[data-codigo]').count()).toBe(25)
  })

  it('edits an acción with the keyboard, and the change survives a reload', async () => {
    const { page } = w
    await card('1.1.b').getByRole('button', { name: 'Editar la acción 1.1.b' }).click()
    const dialog = page.getByRole('dialog', { name: 'Editar acción 1.1.b' })
    // The first field has the focus; Tab reaches the text; Ctrl+Enter saves.
    const codigo = dialog.getByRole('textbox', { name: 'Código' })
    await expect.poll(() => codigo.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Tab')
    const texto = dialog.getByRole('textbox', { name: 'Acción', exact: true })
    expect(await texto.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Elaborar y distribuir material informativo actualizado en 2014.')
    await page.keyboard.press('Control+Enter')
    await dialog.waitFor({ state: 'hidden' })
    await expect
      .poll(() => card('1.1.b').getByTestId('accion-texto').innerText())
      .toBe('Elaborar y distribuir material informativo actualizado en 2014.')
    expect(await accionText('1.1.b')).toBe(
      'Elaborar y distribuir material informativo actualizado en 2014.'
    )
    await page.reload()
    await expect
      .poll(() => card('1.1.b').getByTestId('accion-texto').innerText())
      .toBe('Elaborar y distribuir material informativo actualizado en 2014.')
  })

  it('refuses to save an acción with an empty text, in Spanish, and saves nothing', async () => {
    const { page } = w
    const before = await accionText('2.1.a')
    await card('2.1.a').getByRole('button', { name: 'Editar la acción 2.1.a' }).click()
    const dialog = page.getByRole('dialog', { name: 'Editar acción 2.1.a' })
    await dialog.getByRole('textbox', { name: 'Acción', exact: true }).fill('   ')
    await dialog.getByRole('button', { name: 'Guardar' }).click()
    await dialog.getByText('El texto de la acción no puede estar vacío.').waitFor()
    await screenshot(page, 'accion-texto-vacio')
    expect(await accionText('2.1.a')).toBe(before)
    await dialog.getByRole('button', { name: 'Cancelar' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('asks before deleting, and deletes only when confirmed', async () => {
    const { page } = w
    await card('4.2.d').getByRole('button', { name: 'Eliminar la acción 4.2.d' }).click()
    const confirm = page.getByRole('dialog', { name: 'Eliminar la acción 4.2.d' })
    await confirm.getByText(/Se eliminarán también sus metas e indicadores/).waitFor()
    await confirm.getByRole('button', { name: 'Cancelar' }).click()
    await confirm.waitFor({ state: 'hidden' })
    expect(await card('4.2.d').count()).toBe(1)
    await card('4.2.d').getByRole('button', { name: 'Eliminar la acción 4.2.d' }).click()
    await page
      .getByRole('dialog', { name: 'Eliminar la acción 4.2.d' })
      .getByRole('button', { name: 'Eliminar' })
      .click()
    await expect.poll(() => card('4.2.d').count()).toBe(0)
    expect(
      await w.t.app.db.selectFrom('acciones').select('id').where('codigo', '=', '4.2.d').execute()
    ).toEqual([])
  })

  it('opens the detail of an acción with its metas and indicadores', async () => {
    const { page } = w
    await card('3.4.a').getByTestId('accion-texto').click()
    await page.getByRole('table', { name: 'Metas' }).waitFor()
    expect(await page.getByRole('table', { name: 'Metas' }).innerText()).toContain('31-12-2014')
    expect(await page.getByRole('table', { name: 'Indicadores' }).innerText()).toContain(
      'Porcentaje'
    )
    await screenshot(page, 'accion-3.4.a')
  })

  it('shows the glossary of 18 institutions', async () => {
    const { page } = w
    await page.getByRole('link', { name: 'Glosario de instituciones' }).click()
    const table = page.getByRole('table', { name: 'Glosario de instituciones' })
    await table.waitFor()
    expect(await table.locator('tbody tr').count()).toBe(18)
    expect(await table.innerText()).toContain('Servicio Nacional de la Mujer')
    await screenshot(page, 'glosario')
  })
})
