import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, RESULTS, type WebApp } from '../helpers/browser'
import { openTestApp, type TestApp } from '../helpers/db'
import { sesionesDeRelleno } from '../helpers/relleno'

/**
 * After importing a package (#13), the sessions list scrolled through several pages is read
 * again with one call when the screen is shown again; before, every page loaded was read again
 * (importing reads every cached query again, a list read page by page all of its pages).
 */
let otro: TestApp
let w: WebApp
let archivo = ''
beforeAll(async () => {
  otro = await openTestApp()
  w = await openWebApp()
  sesionesDeRelleno(w.t, 1000, 2015, 2024)
  const paquete = await otro.api['paquete:generar']({ para: 'nuevo', nombre: 'Socio' })
  fs.mkdirSync(RESULTS, { recursive: true })
  archivo = path.join(RESULTS, `lista-${paquete.nombre}`)
  fs.writeFileSync(archivo, Buffer.from(paquete.base64, 'base64'))
}, 120_000)
afterAll(async () => {
  await w?.close()
  await otro?.close()
})

const FILAS = '[aria-label="Lista de sesiones"] tbody tr:not([aria-hidden])'

describe('the sessions list after importing a package', () => {
  it('is read again from its first page only', async () => {
    const { page } = w
    let lecturas = 0
    page.on('request', (r) => {
      if (r.url().endsWith('/api/sesion:listar')) lecturas++
    })
    await page.getByRole('link', { name: 'Sesiones y actas' }).click()
    await expect.poll(() => page.locator(FILAS).count()).toBeGreaterThan(5)
    const lista = page.getByTestId('sesiones-lista')
    // Scrolled to the sessions of 2019: five pages of the list loaded.
    for (let i = 0; i < 100; i++) {
      await lista.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page.waitForTimeout(40)
      if ((await page.locator(FILAS).last().innerText()).includes('2019')) break
    }
    await expect.poll(() => page.locator(FILAS).last().innerText()).toContain('2019')
    expect(lecturas).toBeGreaterThanOrEqual(5)

    await page.getByRole('link', { name: 'Intercambio' }).click()
    await page.getByRole('heading', { name: 'Intercambio entre notebooks' }).waitFor()
    await page.locator('input[type=file]').setInputFiles(archivo)
    const vista = page.getByRole('region', { name: 'Vista previa del paquete' })
    await vista.getByText(/Todavía no se ha importado nada/).waitFor()
    await page.getByRole('button', { name: 'Importar paquete' }).click()
    await page
      .getByRole('dialog', { name: 'Importar paquete' })
      .getByRole('button', { name: 'Importar' })
      .click()
    await page
      .getByText(/Se importó el paquete de/)
      .first()
      .waitFor()

    lecturas = 0
    await page.getByRole('link', { name: 'Sesiones y actas' }).click()
    await expect.poll(() => page.locator(FILAS).first().innerText()).toContain('2024')
    await page.waitForTimeout(500)
    expect(lecturas).toBe(1)
  })
})
