import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import { openWebApp, type WebApp } from '../helpers/browser'
import { ROOT } from '../helpers/cli'

// Who changed what, in Chromium: the first run asks for a profile; an acción edited shows in
// its Historial with that name, the field in Spanish and its text before and after; a profile
// changed in Configuración names the next change. Every check after an action is polled.

let w: WebApp
beforeAll(async () => {
  w = await openWebApp(undefined, undefined, null, null)
})
afterAll(() => w?.close())

const perfilGuardado = async (): Promise<string | undefined> =>
  (
    await w.t.app.db
      .selectFrom('app_settings')
      .select('value')
      .where('key', '=', 'perfil')
      .executeTakeFirst()
  )?.value

async function editarAccion(id: string, texto: string): Promise<void> {
  const { page } = w
  await page.goto(`${w.bridge.url}#/acciones/${id}`)
  await page.getByRole('button', { name: 'Editar acción' }).click()
  const dialog = page.getByRole('dialog', { name: 'Editar acción 1.1.b' })
  await dialog.getByRole('textbox', { name: 'Acción', exact: true }).fill(texto)
  await dialog.getByRole('button', { name: 'Guardar' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await expect.poll(() => page.getByTestId('accion-texto').innerText()).toBe(texto)
}

describe('the history of changes in Chromium', () => {
  it('asks who uses the app, then shows who changed an acción and what', async () => {
    const { page } = w
    const { id, texto: antes } = await w.t.app.db
      .selectFrom('acciones')
      .select(['id', 'texto'])
      .where('codigo', '=', '1.1.b')
      .executeTakeFirstOrThrow()
    const bienvenida = page.getByRole('dialog', { name: '¿Quién usa esta aplicación?' })
    await bienvenida.waitFor()
    await bienvenida.getByRole('textbox', { name: 'Su nombre' }).fill('María González')
    await bienvenida
      .getByRole('textbox', { name: 'Institución' })
      .fill('Subsecretaría de Prevención del Delito')
    await bienvenida.getByRole('button', { name: 'Guardar perfil' }).click()
    await bienvenida.waitFor({ state: 'hidden' })
    await expect.poll(perfilGuardado).toContain('María González')

    await editarAccion(id, 'Difundir el material informativo en 2014.')
    await page.getByRole('button', { name: 'Historial de la acción' }).click()
    const historial = page.getByRole('dialog', { name: 'Historial de la acción' })
    const ultimo = historial.getByRole('region', { name: 'Cambio' }).first()
    await expect
      .poll(() => ultimo.innerText())
      .toMatch(
        /María González \(Subsecretaría de Prevención del Delito\) · \d\d-\d\d-\d{4} \d\d:\d\d · Modificó acción/
      )
    // The field in Spanish, then its text before → after (cells joined by spaces).
    await expect
      .poll(async () => (await ultimo.innerText()).replace(/\s+/g, ' '))
      .toContain(`Texto ${antes} → Difundir el material informativo en 2014.`)
    await page.screenshot({ path: path.join(ROOT, 'docs', 'historial.png') })
    await page.keyboard.press('Escape')
    await historial.waitFor({ state: 'hidden' })
  })

  it('names the next change after the profile is edited in Configuración', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/configuracion`)
    const form = page.getByRole('form', { name: 'Perfil' })
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Su nombre' }).inputValue())
      .toBe('María González')
    await form.getByRole('textbox', { name: 'Su nombre' }).fill('Rosa Díaz')
    await form.getByRole('button', { name: 'Guardar perfil' }).click()
    await expect.poll(perfilGuardado).toContain('Rosa Díaz')
    const { id } = await w.t.app.db
      .selectFrom('acciones')
      .select('id')
      .where('codigo', '=', '1.1.b')
      .executeTakeFirstOrThrow()
    await editarAccion(id, 'Difundir el material en 2014 y 2015.')
    await page.getByRole('button', { name: 'Historial de la acción' }).click()
    const cambios = page
      .getByRole('dialog', { name: 'Historial de la acción' })
      .getByRole('region', { name: 'Cambio' })
    await expect.poll(() => cambios.first().innerText()).toContain('Rosa Díaz')
    await expect.poll(() => cambios.nth(1).innerText()).toContain('María González')
  })
})
