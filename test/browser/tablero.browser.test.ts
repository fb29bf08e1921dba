import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import path from 'node:path'
import { openWebApp, screenshot, type WebApp } from '../helpers/browser'
import { ROOT } from '../helpers/cli'
import { sembrarDemo } from '../../src/main/core/seed/demo'

/**
 * The dashboard on the demo data in Chromium: from the most overdue meta to its acción's page,
 * where the indicator chart shows every measurement against the target. Today is the machine's:
 * the demo's metas (2013–2014) are all past their plazo.
 */
let w: WebApp
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 900 })
  await sembrarDemo(w.t.api)
  // Each indicador's target, entered once in the plan (a hito is met at 1).
  const arbol = await w.t.api['plan:arbol']({})
  for (const e of arbol.ejes)
    for (const o of e.objetivos)
      for (const a of o.acciones)
        for (const i of a.indicadores)
          await w.t.api['indicador:actualizar']({
            ...i,
            metaValor: i.tipo === 'hito' ? 1 : i.tipo === 'conteo' ? 30 : 80
          })
}, 180_000)
afterAll(() => w?.close())

describe('the dashboard in Chromium', () => {
  it('opens as the home screen, goes from an overdue meta to its acción and its indicator chart', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/`)
    await page.getByRole('heading', { name: 'Tablero del plan' }).waitFor()
    const metas = page.getByRole('region', { name: 'Metas vencidas' })
    const total = w.t.app.handle
      .prepare("select count(*) from metas where plazo is not null and plazo < date('now')")
      .pluck()
      .get() as number
    await expect.poll(() => metas.getByTestId('metas-vencidas-total').innerText()).toBe(`${total}`)
    // The charts are drawn (an SVG with bars) and their figures are in the tables.
    const porEje = page.getByRole('region', { name: 'Acciones por eje' })
    await expect
      .poll(() => porEje.locator('svg .recharts-bar-rectangle').count())
      .toBeGreaterThan(0)
    // The whole dashboard in one picture for the README; the chart's entry animation ends first.
    await page.setViewportSize({ width: 1366, height: 1900 })
    await page.waitForTimeout(800)
    await screenshot(page, 'tablero')
    await page.screenshot({ path: path.join(ROOT, 'docs', 'tablero.png') })
    await page.setViewportSize({ width: 1366, height: 900 })
    // The most overdue meta first: its acción's code, then its page.
    const primera = metas.getByRole('row').nth(1)
    const codigo = await primera.getByRole('link').innerText()
    await primera.getByRole('link').click()
    await page.getByRole('heading', { name: new RegExp(codigo.replace('.', '\\.')) }).waitFor()
    expect(page.url()).toMatch(/#\/acciones\//)
    expect(await page.getByTestId('meta-vencida').count()).toBeGreaterThan(0)
    const indicador = page.getByRole('region', { name: /^Indicador: / }).first()
    await indicador.scrollIntoViewIfNeeded()
    await expect
      .poll(() => indicador.locator('svg .recharts-line-curve, svg .recharts-line-dot').count())
      .toBeGreaterThan(0)
    const filas = await indicador.getByRole('table').getByRole('row').count()
    expect(filas).toBeGreaterThan(1)
    // The target is drawn as a reference line and written beside every measurement.
    expect(await indicador.locator('svg .recharts-reference-line').count()).toBe(1)
    expect(await indicador.innerText()).toContain('Meta: ')
    await page.getByRole('region', { name: 'Avance en el tiempo' }).scrollIntoViewIfNeeded()
    await page.setViewportSize({ width: 1366, height: 1300 })
    await page
      .getByRole('region', { name: 'Avance en el tiempo' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await page.waitForTimeout(800)
    await screenshot(page, 'accion-historia')
    await page.screenshot({ path: path.join(ROOT, 'docs', 'accion.png') })
    await page.setViewportSize({ width: 1366, height: 900 })
  })

  it('a count of acuerdos by institución opens the list behind it, filtered', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/`)
    const region = page.getByRole('region', { name: 'Acuerdos por institución' })
    const vencidos = region.getByRole('link', { name: /vencidos$/ })
    const n = Number((await vencidos.innerText()).split(' ')[0])
    expect(n).toBeGreaterThan(0)
    await vencidos.click()
    await page.getByRole('heading', { name: 'Acuerdos de todas las sesiones' }).waitFor()
    await expect
      .poll(() => page.getByTestId('acuerdos-total').innerText())
      .toMatch(new RegExp(`^${n} acuerdo`))
    const filas = page.getByRole('table', { name: 'Acuerdos' }).locator('tbody tr')
    await expect.poll(() => filas.count()).toBe(Math.min(n, 25))
    expect(await page.locator('tbody tr[data-situacion="vencido"]').count()).toBe(Math.min(n, 25))
  })
})
