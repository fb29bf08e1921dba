import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { acuerdosDeRelleno, sesionesDeRelleno } from '../helpers/relleno'

/**
 * The acuerdos list pages with «Siguiente» and «Anterior» (each page asked for after the last row
 * of the one before), and a filter that lets more than 1,000 through says «Más de 1.000».
 */
let w: WebApp
beforeAll(async () => {
  w = await openWebApp()
  // 1,250 acuerdos in 250 sessions, written straight into the file the core reads.
  sesionesDeRelleno(w.t, 250, 2015, 2024)
  acuerdosDeRelleno(w.t, 5)
}, 120_000)
afterAll(() => w?.close())

const total = () => w.page.getByTestId('acuerdos-total').innerText()
const pagina = () => w.page.getByTestId('acuerdos-pagina').innerText()
/** The acuerdo (text and plazo) the list shows first on page `p` of 25, straight from SQL. */
const primeraDe = (p: number) =>
  w.t.app.handle
    .prepare(
      `select a.texto from acuerdos a join sesiones s on s.id = a.sesion_id
       order by a.plazo is null, a.plazo, s.fecha, a.numero, a.id limit 1 offset ?`
    )
    .pluck()
    .get((p - 1) * 25) as string
const primeraFila = () =>
  w.page.getByRole('table', { name: 'Acuerdos' }).locator('tbody tr').first().innerText()

describe('pages of the acuerdos list', () => {
  it('goes forward and back a page at a time', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/acuerdos`)
    await expect.poll(total).toMatch(/^1250 acuerdos/)
    await expect.poll(pagina).toBe('Página 1 de 50')
    expect(await page.getByRole('button', { name: 'Anterior' }).isDisabled()).toBe(true)
    const siguiente = page.getByRole('button', { name: 'Siguiente' })
    for (const p of [2, 3]) {
      await siguiente.click()
      await expect.poll(pagina).toBe(`Página ${p} de 50`)
    }
    await expect.poll(primeraFila).toContain(primeraDe(3))
    await page.getByRole('button', { name: 'Anterior' }).click()
    await expect.poll(pagina).toBe('Página 2 de 50')
    await expect.poll(primeraFila).toContain(primeraDe(2))
  })

  it('says «Más de 1.000» when a filter lets more through', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/acuerdos?situacion=abierto`)
    await expect.poll(total).toMatch(/^Más de 1\.000 acuerdos/)
    await expect.poll(pagina).toBe('Página 1 de más de 40')
  })
})
