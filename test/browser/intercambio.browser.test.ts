import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openWebApp, RESULTS, screenshot, type WebApp } from '../helpers/browser'
import type { TestApp } from '../helpers/db'

/**
 * Laptop to laptop in Chromium (#16): the secretary's notebook exports a package, the
 * coordinator's imports it; the same acción was edited on both, so the preview shows one
 * conflict side by side and the import waits for a choice. The chosen side is what the
 * coordinator's database and plan screen hold afterwards.
 */
const SECRETARIA = 'Notebook SERNAM – Javiera'
const COORDINADOR = 'Notebook MININT – coordinación'
const TEXTO_SECRETARIA = 'Implementar la mesa regional, según lo acordado en la sesión.'
const TEXTO_COORDINADOR = 'Implementar la mesa regional (texto del coordinador).'

let sec: WebApp
let coord: WebApp
let paquete = ''

/** The first acción by code: its id, after setting its text. */
async function editarAccion(t: TestApp, texto: string): Promise<string> {
  const { id } = t.app.handle.prepare("select id from acciones where codigo = '1.1.a'").get() as {
    id: string
  }
  const { accion } = await t.api['accion:obtener']({ id })
  await t.api['accion:actualizar']({ ...accion, texto })
  return id
}

const textoEn = (t: TestApp, id: string): string =>
  (t.app.handle.prepare('select texto from acciones where id = ?').get(id) as { texto: string })
    .texto

let idCoord = ''
beforeAll(async () => {
  sec = await openWebApp()
  coord = await openWebApp()
  await sec.t.api['instalacion:renombrar']({ nombre: SECRETARIA })
  await coord.t.api['instalacion:renombrar']({ nombre: COORDINADOR })
  await editarAccion(sec.t, TEXTO_SECRETARIA)
  idCoord = await editarAccion(coord.t, TEXTO_COORDINADOR)
}, 120_000)
afterAll(async () => {
  await sec?.close()
  await coord?.close()
})

async function irAIntercambio(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/intercambio`)
  await page.getByRole('heading', { name: 'Intercambio entre notebooks' }).waitFor()
}

describe('Intercambio entre notebooks', () => {
  it('the secretary exports a complete package for a new partner', async () => {
    const { page } = sec
    await irAIntercambio(page, sec.bridge.url)
    await page.getByRole('combobox', { name: 'Para' }).click()
    await page.getByRole('option', { name: 'Nuevo socio / paquete completo' }).click()
    await page.getByRole('textbox', { name: 'Nombre del equipo que lo recibe' }).fill(COORDINADOR)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar paquete' }).click()
    ])
    paquete = path.join(RESULTS, download.suggestedFilename())
    await download.saveAs(paquete)
    expect(path.basename(paquete)).toMatch(
      /^paquete-notebook-sernam-javiera-para-notebook-minint-coordinacion-\d{8}-\d{4}\.mitp$/
    )
  })

  it('the coordinator previews it, chooses the package side of the conflict, and imports', async () => {
    const { page } = coord
    await irAIntercambio(page, coord.bridge.url)
    await page.locator('input[type=file]').setInputFiles(paquete)
    const vista = page.getByRole('region', { name: 'Vista previa del paquete' })
    await vista.getByText(`Paquete de «${SECRETARIA}». Todavía no se ha importado nada.`).waitFor()
    await vista.getByRole('heading', { name: 'Conflictos (1)' }).waitFor()
    const conflicto = vista.locator('[data-conflicto]')
    await expect.poll(() => conflicto.count()).toBe(1)
    const aqui = conflicto.getByRole('radio', { name: /^Aquí:/ })
    const allá = conflicto.getByRole('radio', { name: /^En el paquete:/ })
    // Side by side, with who and when; none chosen for the user.
    await expect.poll(() => conflicto.innerText()).toContain(`Aquí: ${TEXTO_COORDINADOR}`)
    await expect.poll(() => conflicto.innerText()).toContain(`En el paquete: ${TEXTO_SECRETARIA}`)
    await expect.poll(() => conflicto.innerText()).toContain(`${SECRETARIA}, `)
    await expect.poll(() => conflicto.innerText()).toContain(`${COORDINADOR} (esta instalación), `)
    expect(await aqui.isChecked()).toBe(false)
    expect(await allá.isChecked()).toBe(false)
    const importar = page.getByRole('button', { name: 'Importar paquete' })
    await expect.poll(() => importar.isDisabled()).toBe(true)
    await page.getByText('Falta elegir 1 conflicto.').waitFor()
    await screenshot(page, 'intercambio-vista-previa')
    // Nothing written by the preview.
    expect(textoEn(coord.t, idCoord)).toBe(TEXTO_COORDINADOR)

    await allá.check()
    await expect.poll(() => importar.isDisabled()).toBe(false)
    await importar.click()
    const confirmar = page.getByRole('dialog', { name: 'Importar paquete' })
    await confirmar.getByRole('button', { name: 'Importar' }).click()
    // The verified backup before it, in the backups folder beside the database.
    const hecho = page.getByText(/Se importó el paquete de .*Respaldo previo:/)
    await expect
      .poll(() => hecho.innerText())
      .toMatch(/respaldos[/\\]secretaria-mitp-\d{8}-\d{6}-antes-de-paquete\.db/)
    await expect.poll(() => textoEn(coord.t, idCoord)).toBe(TEXTO_SECRETARIA)
  })

  it('shows the chosen text in the plan, and the partner in Configuración', async () => {
    const { page } = coord
    await page.goto(`${coord.bridge.url}#/plan`)
    await expect
      .poll(() =>
        page.locator('article[data-codigo="1.1.a"]').getByTestId('accion-texto').innerText()
      )
      .toBe(TEXTO_SECRETARIA)
    await page.goto(`${coord.bridge.url}#/configuracion`)
    const socios = page.getByRole('table', { name: 'Socios' })
    await expect.poll(() => socios.innerText()).toContain(SECRETARIA)
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Nombre de esta instalación' }).inputValue())
      .toBe(COORDINADOR)
  })

  it('refuses the same package a second time, in Spanish, changing nothing', async () => {
    const { page } = coord
    await irAIntercambio(page, coord.bridge.url)
    await page.locator('input[type=file]').setInputFiles(paquete)
    const vista = page.getByRole('region', { name: 'Vista previa del paquete' })
    await vista.getByText('No trae filas nuevas, modificadas ni borradas.').waitFor()
    await page.getByRole('button', { name: 'Importar paquete' }).click()
    await page
      .getByRole('dialog', { name: 'Importar paquete' })
      .getByRole('button', { name: 'Importar' })
      .click()
    await page.getByRole('alert').filter({ hasText: 'ya se importó' }).waitFor()
    expect(textoEn(coord.t, idCoord)).toBe(TEXTO_SECRETARIA)
  })
})
