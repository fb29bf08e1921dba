import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { abrirDemo, type WebApp } from '../helpers/browser'
import { MENSAJE_FECHA } from '../../src/shared/api/campos'

/**
 * The acuerdos list's plazo range: a date that does not exist and a reversed range are said next
 * to the field, in Spanish; the list keeps to the rest of the filter instead of failing.
 */
let w: WebApp
let todos: number
beforeAll(async () => {
  ;({ w, acuerdos: todos } = await abrirDemo({ width: 1366, height: 900 }))
}, 120_000)
afterAll(() => w?.close())

const total = () => w.page.getByTestId('acuerdos-total').innerText()

describe('plazo range of the acuerdos list', () => {
  it('says an impossible date and a reversed range next to the field', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/acuerdos`)
    await expect.poll(total).toMatch(new RegExp(`^${todos} acuerdos`))
    const desde = page.getByLabel('Plazo desde')
    const hasta = page.getByLabel('Plazo hasta')
    await desde.fill('31-02-2014')
    await desde.press('Tab')
    await expect.poll(() => page.getByText(MENSAJE_FECHA).count()).toBe(1)
    await expect.poll(total).toMatch(new RegExp(`^${todos} acuerdos`))
    await desde.fill('30-11-2014')
    await desde.press('Tab')
    await hasta.fill('01-10-2014')
    await hasta.press('Tab')
    await expect
      .poll(() => page.getByText('La fecha final no puede ser anterior a la inicial.').count())
      .toBe(1)
    await expect.poll(() => page.getByText(MENSAJE_FECHA).count()).toBe(0)
    expect(await page.getByText('No se pudo cargar la lista').count()).toBe(0)
    // Only the start is sent: the acuerdos from 30-11-2014 on.
    const desdeN = w.t.app.handle
      .prepare(`select count(*) from acuerdos where plazo >= '2014-11-30'`)
      .pluck()
      .get() as number
    await expect.poll(total).toMatch(new RegExp(`^${desdeN} acuerdo`))
  })
})
