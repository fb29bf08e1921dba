import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, RESULTS, type WebApp } from '../helpers/browser'
import { openTestApp, type TestApp } from '../helpers/db'
import { sesionBorradaAllaEditadaAqui } from '../helpers/intercambio-canales'

/**
 * The import's preview follows the user's choices (#16): keeping a session the other laptop
 * deleted, while it reused that session's number, means one of the two is renumbered; the
 * preview says so as soon as «Aquí» is chosen, and stops saying it when «En el paquete» is.
 */
let otro: TestApp
let w: WebApp
let archivo = ''
beforeAll(async () => {
  otro = await openTestApp()
  w = await openWebApp()
  const { paquete } = await sesionBorradaAllaEditadaAqui(otro, w.t)
  fs.mkdirSync(RESULTS, { recursive: true })
  archivo = path.join(RESULTS, paquete.nombre)
  fs.writeFileSync(archivo, Buffer.from(paquete.base64, 'base64'))
}, 120_000)
afterAll(async () => {
  await w?.close()
  await otro?.close()
})

describe('the preview follows the choices', () => {
  it('shows the renumbering only while the deleted session is kept', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/intercambio`)
    await page.locator('input[type=file]').setInputFiles(archivo)
    const vista = page.getByRole('region', { name: 'Vista previa del paquete' })
    const conflicto = vista.locator('[data-conflicto]').first()
    await conflicto.waitFor()
    const numeros = vista.getByText('Sesiones con el mismo número')
    const importar = page.getByRole('button', { name: 'Importar paquete' })
    await conflicto.getByRole('radio', { name: /^Aquí:/ }).check()
    await expect.poll(() => numeros.count()).toBe(1)
    await expect
      .poll(() => vista.innerText())
      .toMatch(/Ordinaria N° 1\/2015 de «Subcomisión Prevención» .* pasa a ser la N° 2\/2015/)
    await expect.poll(() => importar.isDisabled()).toBe(false)
    await conflicto.getByRole('radio', { name: /^En el paquete:/ }).check()
    await expect.poll(() => numeros.count()).toBe(0)
  })
})
