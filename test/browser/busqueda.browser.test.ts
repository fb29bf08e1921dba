import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, screenshot, sembrarDemoYRecargar, type WebApp } from '../helpers/browser'
import { caller } from '../helpers/sesiones'
import { abrirTodosLosResultados } from '../helpers/spotlight'

/**
 * Search in the real window over the `cli demo` database: Ctrl+K finds an acta by words written
 * without their accents and opens it at the section that holds them; Enter opens every result,
 * grouped by class.
 */
let w: WebApp
let sesionId: string
const TITULO = 'Capacitación sobre explotación laboral en Ñuble'
const DESARROLLO = 'Se informa de la jornada de protección a víctimas realizada en Chillán.'

beforeAll(async () => {
  w = await openWebApp()
  await sembrarDemoYRecargar(w)
  sesionId = w.t.app.handle
    .prepare("select id from sesiones where estado = 'borrador' order by fecha limit 1")
    .pluck()
    .get() as string
  const { ok } = caller(w.t)
  const p = await ok('punto:crear', { sesionId, titulo: TITULO })
  await ok('punto:actualizar', { id: p.id, titulo: TITULO, desarrollo: DESARROLLO })
}, 120_000)
afterAll(() => w?.close())

const BUSCADOR = 'Buscar en el plan, las actas, personas e instituciones…'

describe('search (Ctrl+K)', () => {
  it('finds an acta by accent-less words and opens it at its section', async () => {
    const { page } = w
    await page.getByRole('link', { name: 'Sesiones y actas' }).click()
    await page.keyboard.press('Control+K')
    const buscador = page.getByPlaceholder(BUSCADOR)
    await buscador.waitFor()
    await buscador.pressSequentially('explotacion nuble chillan', { delay: 20 })
    const resultado = page.getByRole('button', { name: new RegExp(TITULO) })
    await expect.poll(() => resultado.count()).toBe(1)
    // The words matched in the desarrollo are marked.
    await expect.poll(() => resultado.locator('mark').allInnerTexts()).toEqual(['Chillán'])
    await screenshot(page, 'busqueda-spotlight')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/sesiones/${sesionId}`)
    await expect
      .poll(() => page.getByRole('tab', { name: /^Tabla/ }).getAttribute('aria-selected'))
      .toBe('true')
    await expect.poll(() => page.getByLabel(`Desarrollo: ${TITULO}`).inputValue()).toBe(DESARROLLO)
    // The section asked for is not kept in the address for the next session opened.
    expect(await page.evaluate(() => location.search)).toBe('')
  })

  it('Enter opens every result, grouped by class, and a result opens its place', async () => {
    const { page } = w
    // From a fresh page, not from the session the previous test left open.
    await abrirTodosLosResultados(w, 'proteccion')
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/buscar')
    const plan = page.getByRole('region', { name: 'Plan de acción' })
    await expect.poll(() => plan.getByRole('article').count()).toBeGreaterThan(0)
    const actas = page.getByRole('region', { name: 'Actas' })
    await expect.poll(() => actas.getByRole('article').count()).toBeGreaterThan(0)
    await screenshot(page, 'busqueda')
    // Only the actas, then the one written above: it opens at the Tabla.
    await page.getByText(/^Actas \(\d+\)$/).click()
    await expect.poll(() => plan.count()).toBe(0)
    await actas.getByRole('link', { name: TITULO }).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/sesiones/${sesionId}`)
    await expect
      .poll(() => page.getByRole('tab', { name: /^Tabla/ }).getAttribute('aria-selected'))
      .toBe('true')
  })

  it('a person and an institución open their row in their list', async () => {
    const { page } = w
    const persona = w.t.app.handle
      .prepare(
        `select p.nombre from personas p join instituciones i on i.id = p.institucion_id
         where i.sigla = 'SENAME' order by p.nombre limit 1`
      )
      .pluck()
      .get() as string
    const sinTildes = persona.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    for (const [texto, hash, fila, clase] of [
      [sinTildes, '#/personas', persona, /personas/i],
      ['servicio nacional de menores', '#/instituciones', 'SENAME', /instituciones/i]
    ] as const) {
      await page.goto(`${w.bridge.url}#/`)
      await page.getByRole('navigation').first().waitFor()
      await page.keyboard.press('Control+K')
      const buscador = page.getByRole('textbox', { name: 'Buscar', exact: true })
      await buscador.waitFor()
      await buscador.pressSequentially(texto, { delay: 10 })
      // The first result (after "see them all") is the one sought, not one of the last query.
      const primero = page.locator('.mantine-Spotlight-action').nth(1)
      await expect.poll(() => primero.innerText()).toMatch(clase)
      expect(await primero.innerText()).toContain(fila)
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash)
      await expect.poll(() => page.locator('tr[aria-current="true"]').innerText()).toContain(fila)
    }
  })
})
