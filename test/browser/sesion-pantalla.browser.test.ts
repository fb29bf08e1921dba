import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openWebApp, type WebApp } from '../helpers/browser'
import { ROOT } from '../helpers/cli'
import { caller, conFirmantes, ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * The session screen as a secretary uses it in a meeting, at 1366×768 with the keyboard:
 * dates typed as in Chile, sections with Alt+1…6, the avance of the tabla's acciones, the
 * previous acta approved from the agenda, numbering by date, deleting a draft, editing a person.
 */
let w: WebApp
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
const ids = { s1: '', s2: '', s3: '' }
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  ctx = await prevencionConMiembros(w.t)
  const { ok } = caller(w.t)
  const nueva = ordinarias(w.t, ctx.prevencion.id)
  ids.s1 = (await nueva('2014-03-12')).id
  ids.s2 = (await nueva('2014-06-11')).id
  ids.s3 = (await nueva('2014-09-10')).id
  await conFirmantes(w.t, ids.s1)
  await ok('sesion:cerrar', { id: ids.s1 })
})
afterAll(() => w?.close())

const db = () => w.t.app.db
const region = (name: string) => w.page.getByRole('region', { name, exact: true })
const abrir = async (id: string) => {
  await w.page.goto(`${w.bridge.url}#/sesiones/${id}`)
  await w.page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}
/** The accessible label of the focused element (its <label>, or aria-label). */
const enfocado = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null
    if (!el) return ''
    return (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.tagName).trim()
  })
const acuerdos = () =>
  db()
    .selectFrom('acuerdos')
    .select(['texto', 'plazo'])
    .where('sesion_id', '=', ids.s2)
    .orderBy('numero')
    .execute()

describe('the session screen in a meeting', () => {
  it('jumps to each section with Alt+1…6, focus in its first field; Nuevo acuerdo in one key', async () => {
    const { page } = w
    await abrir(ids.s2)
    // From the top of the page: one key reaches the new acuerdo's text.
    await page.keyboard.press('Alt+5')
    await expect.poll(() => enfocado(page)).toBe('Nuevo acuerdo')
    await page.keyboard.type('Texto que no se pierde')
    await page.keyboard.press('Alt+6')
    await expect.poll(() => enfocado(page)).toBe('Próxima sesión: fecha')
    await page.keyboard.press('Alt+2')
    await expect.poll(() => enfocado(page)).toMatch(/^Observaciones a la aprobación|^Punto 1/)
    await page.keyboard.press('Alt+1')
    await expect.poll(() => enfocado(page)).toMatch(/Presente|Asistencia/)
    await page.keyboard.press('Alt+5')
    expect(await page.getByRole('textbox', { name: 'Nuevo acuerdo' }).inputValue()).toBe(
      'Texto que no se pierde'
    )
    // The shortcut is shown in the tab's tooltip, and each tab counts what it holds.
    await page.getByRole('tab', { name: /^Acuerdos/ }).hover()
    await expect.poll(() => page.getByRole('tooltip').innerText()).toBe('Alt+5')
    expect(await page.getByRole('tab', { name: /^Asistencia/ }).innerText()).toBe('Asistencia 0/4')
    expect(await page.getByRole('tab', { name: /^Acuerdos/ }).innerText()).toBe('Acuerdos 0')
  })

  it('reads dates typed as in Chile; an impossible one is an error and nothing is saved', async () => {
    const { page } = w
    const form = page.getByRole('form', { name: 'Nuevo acuerdo' })
    const plazo = form.getByRole('textbox', { name: 'Plazo' })
    const texto = form.getByRole('textbox', { name: 'Nuevo acuerdo' })
    await texto.fill('SERNAM enviará la propuesta.')
    await plazo.fill('31-02-2014')
    // One Tab leaves the date field for the next one.
    await plazo.press('Tab')
    await expect.poll(() => enfocado(page)).toBe('Acción del plan')
    await expect
      .poll(() => form.getByText('Fecha no válida: escríbala como dd-mm-aaaa').count())
      .toBe(1)
    await expect.poll(() => plazo.inputValue()).toBe('31-02-2014')
    await texto.press('Control+Enter')
    await page.waitForTimeout(500)
    expect(await acuerdos()).toEqual([])
    // dd/mm/aaaa: the error goes as soon as it is a date.
    await plazo.fill('15/12/2014')
    await plazo.press('Tab')
    await expect.poll(() => form.getByText('Fecha no válida').count()).toBe(0)
    await texto.press('Control+Enter')
    await expect
      .poll(acuerdos)
      .toEqual([{ texto: 'SERNAM enviará la propuesta.', plazo: '2014-12-15' }])
    // dd-mm-aaaa.
    await texto.fill('PDI informará los casos.')
    await plazo.fill('30-06-2014')
    // One Tab leaves the field: focus is no longer in it nor on its clear button.
    await plazo.press('Tab')
    expect(
      await page.evaluate(() => {
        const a = document.activeElement
        return a?.tagName === 'BUTTON' || a?.getAttribute('placeholder') === 'dd-mm-aaaa'
      })
    ).toBe(false)
    await texto.press('Control+Enter')
    await expect.poll(() => acuerdos().then((a) => a.at(-1)?.plazo)).toBe('2014-06-30')
    // From the calendar, in Spanish.
    await texto.fill('MININT convocará a la mesa.')
    await plazo.click()
    await page.getByRole('button', { name: '20 junio 2014' }).click()
    await expect.poll(() => plazo.inputValue()).toBe('20-06-2014')
    // The calendar closes on the pick; a click while it is still closing would only dismiss it.
    await page.getByRole('button', { name: '20 junio 2014' }).waitFor({ state: 'detached' })
    await form.getByRole('button', { name: 'Agregar acuerdo' }).click()
    await expect.poll(() => acuerdos().then((a) => a.at(-1)?.plazo)).toBe('2014-06-20')
    // A plazo before the session's date (11-06-2014) is asked about.
    await texto.fill('Plazo ya pasado.')
    await plazo.fill('01-06-2014')
    await texto.press('Control+Enter')
    const dialogo = page.getByRole('dialog', { name: 'Plazo anterior a la sesión' })
    // A likely typo: focus starts on Cancelar (not the close button), so Enter goes back to it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Cancelar')
    await dialogo.getByRole('button', { name: 'Cancelar' }).click()
    expect((await acuerdos()).length).toBe(3)
    await texto.press('Control+Enter')
    await dialogo.getByRole('button', { name: 'Guardar igual' }).click()
    await expect.poll(() => acuerdos().then((a) => a.length)).toBe(4)
    await expect
      .poll(() => page.getByRole('tab', { name: /^Acuerdos/ }).innerText())
      .toBe('Acuerdos 4')
  })

  it("the session's own date: typed, and an impossible one is not saved", async () => {
    const { page } = w
    const fecha = page.getByRole('textbox', { name: 'Fecha' })
    await fecha.fill('31-02-2014')
    await fecha.press('Tab')
    await expect.poll(() => page.getByText('Fecha no válida: escríbala').count()).toBe(1)
    await page.waitForTimeout(1200)
    const s2 = () =>
      db().selectFrom('sesiones').select('fecha').where('id', '=', ids.s2).executeTakeFirstOrThrow()
    expect((await s2()).fecha).toBe('2014-06-11')
    await fecha.fill('11-06-2014')
    await fecha.press('Tab')
    await expect.poll(() => page.getByText('Fecha no válida: escríbala').count()).toBe(0)
  })

  it('approves the previous acta from the first item of the tabla', async () => {
    const { page } = w
    await page.keyboard.press('Alt+2')
    const anterior = page.getByTestId('acta-anterior')
    expect(await anterior.innerText()).toMatch(
      /Acta anterior: Sesión Ordinaria N° 1\/2014 del 12-03-2014 \(cerrada\)/i
    )
    await anterior
      .getByRole('textbox', { name: 'Observaciones a la aprobación' })
      .fill('Se corrige el nombre de un asistente')
    await anterior.getByRole('button', { name: 'Aprobar el acta anterior' }).click()
    await page
      .getByRole('dialog', { name: 'Aprobar el acta anterior' })
      .getByRole('button', { name: 'Aprobar acta' })
      .click()
    await expect
      .poll(() => anterior.innerText())
      .toMatch(/\(aprobada en esta sesión\)[\s\S]*Observaciones: Se corrige el nombre/)
    expect(
      await db()
        .selectFrom('sesiones')
        .select(['estado', 'aprobada_en_sesion_id', 'observaciones_aprobacion'])
        .where('id', '=', ids.s1)
        .executeTakeFirstOrThrow()
    ).toEqual({
      estado: 'aprobada',
      aprobada_en_sesion_id: ids.s2,
      observaciones_aprobacion: 'Se corrige el nombre de un asistente'
    })
  })

  it('shows in Avance only the acciones of the tabla, adds another, indicators folded', async () => {
    const { page } = w
    await region('Tabla y desarrollo')
      .getByRole('textbox', { name: 'Desarrollo: Cuenta' })
      .fill('SERNAM da cuenta de la acción 1.1.a.')
    await page.keyboard.press('Alt+4')
    const avance = region('Avance del plan')
    const tarjetas = avance.getByRole('region', { name: /^Avance de la acción / })
    await expect.poll(() => tarjetas.count()).toBe(1)
    expect(await tarjetas.first().getAttribute('aria-label')).toBe('Avance de la acción 1.1.a')
    expect(ctx.acciones.filter((a) => a.codigo.startsWith('1.')).length).toBeGreaterThan(1)
    // A percentage outside 0–100 is an error beside the field, not rewritten, and not saved.
    const tarjeta = tarjetas.first()
    const pct = tarjeta.getByRole('textbox', { name: '% de avance' })
    const avances = () =>
      db().selectFrom('avances').select('porcentaje').where('sesion_id', '=', ids.s2).execute()
    // The state first: the other fields open once it is chosen, and it is saved alone.
    await tarjeta.getByRole('combobox', { name: 'Estado' }).click()
    await page.getByRole('option', { name: 'En curso' }).click()
    await expect.poll(avances).toEqual([{ porcentaje: null }])
    await pct.fill('150')
    await pct.press('Tab')
    await expect.poll(() => tarjeta.getByText('El avance va de 0 a 100 %.').count()).toBe(1)
    await expect.poll(() => pct.inputValue()).toBe('150 %')
    await page.waitForTimeout(1200)
    expect(await avances()).toEqual([{ porcentaje: null }])
    await pct.fill('40')
    await expect.poll(avances).toEqual([{ porcentaje: 40 }])
    // The indicator inputs are folded until opened.
    const valor = avance.getByRole('textbox', { name: /^Valor de «/ }).first()
    expect(await valor.isVisible()).toBe(false)
    await avance.getByRole('button', { name: /^▸ Indicadores de 1\.1\.a/ }).click()
    await expect.poll(() => valor.isVisible()).toBe(true)
    // Another acción, found by its code.
    const otra = avance.getByRole('combobox', { name: 'Informar avance de otra acción…' })
    // Typed as a person types it: filled in one go, the search now and then showed no option
    // (likely a re-render of the section as the % above was saved; the cause was not found).
    await otra.click()
    await otra.pressSequentially('1.2.b')
    await expect.poll(() => page.getByRole('option', { name: /^1\.2\.b / }).count()).toBe(1)
    await otra.press('ArrowDown')
    await otra.press('Enter')
    await expect.poll(() => tarjetas.count()).toBe(2)
    expect(await tarjetas.nth(1).getAttribute('aria-label')).toBe('Avance de la acción 1.2.b')
    await w.page.screenshot({ path: path.join(ROOT, 'docs', 'sesion-avance.png') })
    // Scrolled down, the title row and the tabs stay on screen, the tabs below the title.
    await page.mouse.move(700, 500)
    await page.mouse.wheel(0, 3000)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200)
    const pestanas = (await page
      .getByRole('tablist', { name: 'Secciones del acta' })
      .boundingBox())!
    const h1 = (await page.getByRole('heading', { level: 1 }).boundingBox())!
    expect(h1.y).toBeGreaterThanOrEqual(56)
    expect(pestanas.y).toBeGreaterThanOrEqual(h1.y + h1.height)
    expect(pestanas.y).toBeLessThan(220)
  })

  it('makes the README screenshot of the session screen', async () => {
    const { page } = w
    await page.keyboard.press('Alt+5')
    await page.mouse.move(0, 0)
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true })
    await page.screenshot({ path: path.join(ROOT, 'docs', 'sesion.png') })
  })
})
