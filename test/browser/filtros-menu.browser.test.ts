import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirDemo, type WebApp } from '../helpers/browser'
import { abrirTodosLosResultados } from '../helpers/spotlight'

/**
 * A screen opened from the menu starts clean; a link that carries filters (a dashboard figure)
 * opens it filtered. Filters live in the page's query string, which the hash routes used to keep
 * when the address had none: the acuerdos list reopened with the last dashboard filter.
 */
let w: WebApp
let todos: number
beforeAll(async () => {
  ;({ w, acuerdos: todos } = await abrirDemo({ width: 1366, height: 900 }))
}, 120_000)
afterAll(() => w?.close())

const menu = (nombre: string) =>
  w.page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', {
    name: nombre,
    exact: true
  })

const total = () => w.page.getByTestId('acuerdos-total').innerText()

describe('filters and the menu', () => {
  it('the acuerdos list opens filtered from the dashboard and clean from the menu', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/`)
    const vencidos = page
      .getByRole('region', { name: 'Acuerdos por institución' })
      .getByRole('link', { name: /vencidos$/ })
    await vencidos.waitFor()
    const n = Number((await vencidos.innerText()).split(' ')[0])
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(todos)
    await vencidos.click()
    await expect.poll(total).toMatch(new RegExp(`^${n} acuerdo`))
    // The menu, from the filtered list itself: every acuerdo.
    await menu('Acuerdos').click()
    await expect.poll(total).toMatch(new RegExp(`^${todos} acuerdos`))
    await expect.poll(() => page.evaluate(() => location.search)).toBe('')
    // Filtered again, then away and back through the menu: every acuerdo.
    await menu('Tablero').click()
    await vencidos.click()
    await expect.poll(total).toMatch(new RegExp(`^${n} acuerdo`))
    await menu('Plan de acción').click()
    await page.getByText(/^Período: /).waitFor()
    await menu('Acuerdos').click()
    await expect.poll(total).toMatch(new RegExp(`^${todos} acuerdos`))
  })

  it('a search leaves nothing in the address for the screens opened after it', async () => {
    const { page } = w
    await abrirTodosLosResultados(w, 'proteccion')
    await expect.poll(() => page.evaluate(() => location.search)).toBe('?q=proteccion')
    await menu('Personas y miembros').click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/personas')
    await expect.poll(() => page.evaluate(() => location.search)).toBe('')
  })

  it('a deep link with its query after the hash opens the list filtered, directly and reloaded', async () => {
    const { page } = w
    const vencidos = w.t.app.handle
      .prepare(
        `select count(*) from acuerdos a where a.plazo < ? and coalesce((
           select sg.estado from seguimientos sg join sesiones s on s.id = sg.sesion_id
           where sg.acuerdo_id = a.id and s.estado = 'aprobada'
           order by s.fecha desc, sg.created_at desc limit 1), 'pendiente') <> 'cumplido'`
      )
      .pluck()
      .get(await page.evaluate(() => new Date().toISOString().slice(0, 10))) as number
    expect(vencidos).toBeGreaterThan(0)
    expect(vencidos).toBeLessThan(todos)
    await page.goto(`${w.bridge.url}#/acuerdos?situacion=vencido`)
    await expect.poll(total).toMatch(new RegExp(`^${vencidos} acuerdo`))
    await page.reload()
    await expect.poll(total).toMatch(new RegExp(`^${vencidos} acuerdo`))
    await expect.poll(() => page.getByText('Página no encontrada').count()).toBe(0)
  })
})
