import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, screenshot, type WebApp } from '../helpers/browser'
import { reportesSobreAccion } from '../helpers/trayectoria'

// An acción's page shows the latest reports, sessions and acuerdos first; «Ver más» brings the
// earlier ones. (20 sessions reported on it; the page shows 12 until asked.)
const N = 20
let w: WebApp
let accionId = ''
beforeAll(async () => {
  w = await openWebApp()
  accionId = await reportesSobreAccion(w.t, N)
}, 120_000)
afterAll(() => w?.close())

describe("an acción's page", () => {
  it('shows the latest sessions first and the earlier ones with «Ver más»', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/acciones/${accionId}`)
    const sesiones = page
      .getByRole('region', { name: 'Sesiones que la trataron' })
      .getByRole('listitem')
    await expect.poll(() => sesiones.count()).toBe(12)
    // The latest: the first one shown is the 9th session (of 20), the last the 20th.
    await expect.poll(() => sesiones.first().innerText()).toMatch(/09-2015/)
    await expect.poll(() => sesiones.last().innerText()).toMatch(/08-2016/)
    await expect
      .poll(() => page.getByText('Se muestran los últimos 12 de cada lista.').count())
      .toBe(1)
    await screenshot(page, 'accion-ver-mas')
    await page.getByRole('button', { name: 'Ver más' }).click()
    await expect.poll(() => sesiones.count()).toBe(N)
    await expect.poll(() => sesiones.first().innerText()).toMatch(/01-2015/)
    await expect.poll(() => page.getByRole('button', { name: 'Ver más' }).count()).toBe(0)
  })
})
