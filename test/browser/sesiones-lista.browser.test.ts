import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, screenshot, type WebApp } from '../helpers/browser'

/**
 * The sessions screen over 6,000 sessions (ten years ×10): first rows soon, and however far the
 * list is scrolled, only a window of rows is in the DOM while the next pages are fetched.
 */
let w: WebApp
beforeAll(async () => {
  w = await openWebApp()
  // The list's own rows only: written straight into the file the core reads (one transaction).
  const h = w.t.app.handle
  const instancias = h.prepare('select id from instancias order by orden').pluck().all() as string[]
  const ins = h.prepare(
    `insert into sesiones (id, instancia_id, tipo, numero, anio, fecha, modalidad, estado, created_at, updated_at)
     values (?, ?, 'ordinaria', ?, ?, ?, 'presencial', 'borrador', ?, ?)`
  )
  h.transaction(() => {
    for (let i = 0; i < 6000; i++) {
      const anio = 2015 + Math.floor(i / 600)
      const dia = new Date(Date.UTC(anio, 0, 1 + Math.floor((i % 600) * 0.6)))
      const fecha = dia.toISOString().slice(0, 10)
      const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`
      ins.run(id, instancias[i % 5], Math.floor((i % 600) / 5) + 1, anio, fecha, fecha, fecha)
    }
  })()
})
afterAll(() => w?.close())

/** Drawn rows (the spacers above and below are aria-hidden). */
const FILAS = '[aria-label="Lista de sesiones"] tbody tr:not([aria-hidden])'
const filas = () => w.page.locator(FILAS).count()

describe('the sessions list at ×10', () => {
  it('shows the newest sessions first with a bounded number of rows, scrolling to the oldest', async () => {
    const { page } = w
    await page.getByRole('link', { name: 'Sesiones y actas' }).click()
    await expect.poll(filas).toBeGreaterThan(5)
    const primera = await page.locator(FILAS).first().innerText()
    expect(primera).toContain('2024')
    const lista = page.getByTestId('sesiones-lista')
    let maximo = 0
    // Scroll to the end again and again: each time the next page arrives, until the oldest.
    for (let i = 0; i < 200; i++) {
      await lista.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await page.waitForTimeout(40)
      maximo = Math.max(maximo, await filas())
      const ultima = await page.locator(FILAS).last().innerText()
      if (ultima.includes('01-01-2015')) break
    }
    await expect.poll(() => page.locator(FILAS).last().innerText()).toContain('01-01-2015')
    expect(maximo).toBeLessThanOrEqual(60)
    // The scroll height stands for all 6,000 rows, though few are drawn.
    expect(await lista.evaluate((el) => el.scrollHeight)).toBeGreaterThan(6000 * 30)
    const nodos = await page.evaluate(() => document.querySelectorAll('*').length)
    expect(nodos).toBeLessThan(3000)
    await screenshot(page, 'sesiones-lista-x10')
  })
})
