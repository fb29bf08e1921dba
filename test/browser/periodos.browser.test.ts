import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'

// Plan periods in Chromium: a new period copied from the seeded plan, an acción of it edited,
// the two periods compared (the added word shown as such), the acción's history opened from the
// comparison; then the first period closed, shown read-only. Every check after an action polls.

let w: WebApp
beforeAll(async () => {
  w = await openWebApp()
})
afterAll(() => w?.close())

const planes = () =>
  w.t.app.db
    .selectFrom('planes')
    .select(['id', 'nombre', 'cerrado_at'])
    .orderBy('periodo_desde')
    .execute()

describe('plan periods in Chromium', () => {
  it('creates a period, edits an acción, compares the periods and opens the acción history', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/plan`)
    await page.getByRole('button', { name: 'Nuevo período a partir de este' }).click()
    const dialogo = page.getByRole('dialog', { name: 'Nuevo período a partir de este' })
    await dialogo.getByRole('textbox', { name: 'Nombre del nuevo período' }).fill('Plan 2015-2016')
    await dialogo.getByRole('button', { name: 'Guardar' }).click()
    await dialogo.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await planes()).map((p) => p.nombre)).toContain('Plan 2015-2016')
    const [viejo, nuevo] = await planes()
    // The new period is shown, marked as the current one.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Plan 2015-2016')
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Período' }).inputValue())
      .toBe('Plan 2015-2016 (2015–2016) · vigente')
    // The current period stays open: only an earlier one is closed.
    expect(await page.getByRole('button', { name: 'Cerrar período' }).count()).toBe(0)

    // An acción of the new period edited: a word added.
    const accion = await w.t.app.db
      .selectFrom('acciones')
      .select(['id', 'texto'])
      .where('plan_id', '=', nuevo!.id)
      .where('codigo', '=', '1.1.b')
      .executeTakeFirstOrThrow()
    await page.goto(`${w.bridge.url}#/acciones/${accion.id}`)
    await page.getByRole('button', { name: 'Editar acción' }).click()
    const editar = page.getByRole('dialog', { name: 'Editar acción 1.1.b' })
    await editar
      .getByRole('textbox', { name: 'Acción', exact: true })
      .fill(`Revisar y ${accion.texto}`)
    await editar.getByRole('button', { name: 'Guardar' }).click()
    await editar.waitFor({ state: 'hidden' })
    await expect
      .poll(() => page.getByTestId('accion-texto').innerText())
      .toBe(`Revisar y ${accion.texto}`)

    // Compared: 1.1.b reworded, the added words marked as added, nothing else changed.
    await page.goto(`${w.bridge.url}#/plan`)
    await page.getByRole('button', { name: 'Comparar períodos' }).click()
    const comparar = page.getByRole('dialog', { name: 'Comparar períodos' })
    await expect
      .poll(() => comparar.getByTestId('resumen-comparacion').innerText())
      .toMatch(/^1 acción con cambios; \d+ sin cambios\.$/)
    const cambio = comparar.getByRole('region', { name: 'Acción 1.1.b' })
    await expect.poll(() => cambio.innerText()).toMatch(/Modificada/i)
    await expect.poll(() => cambio.locator('ins').allInnerTexts()).toEqual(['Revisar y'])
    expect(await cambio.locator('del').count()).toBe(0)

    // The same comparison as a workbook, from the dialog.
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      comparar.getByRole('button', { name: 'Exportar a Excel' }).click()
    ])
    expect(descarga.suggestedFilename()).toBe('comparacion-periodos-2013-2015.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile((await descarga.path())!)
    expect(wb.getWorksheet('Comparación')!.getCell('A5').value).toBe('1.1.b')

    // Its history, from the comparison: who changed the text, before → after.
    await cambio.getByRole('link', { name: 'Ver acción' }).click()
    await comparar.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Historial de la acción' }).click()
    const historial = page.getByRole('dialog', { name: 'Historial de la acción' })
    const ultimo = historial.getByRole('region', { name: 'Cambio' }).first()
    await expect.poll(() => ultimo.innerText()).toContain('Modificó acción')
    await expect
      .poll(async () => (await ultimo.innerText()).replace(/\s+/g, ' '))
      .toContain(`${accion.texto.replace(/\s+/g, ' ')} → Revisar y`)
    await page.keyboard.press('Escape')
    await historial.waitFor({ state: 'hidden' })

    // The earlier period closed: browsable, read-only.
    await page.goto(`${w.bridge.url}#/plan?plan=${viejo!.id}`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .not.toBe('Plan 2015-2016')
    await page.getByRole('button', { name: 'Cerrar período' }).click()
    await page
      .getByRole('dialog', { name: 'Cerrar período' })
      .getByRole('button', { name: 'Cerrar período' })
      .click()
    await expect.poll(async () => (await planes())[0]!.cerrado_at).not.toBeNull()
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Período cerrado' }).count())
      .toBe(1)
    await expect.poll(() => page.getByRole('button', { name: 'Nuevo eje' }).count()).toBe(0)
    await expect
      .poll(() => page.locator('fieldset[disabled] article[data-codigo]').count())
      .toBeGreaterThan(20)
    // Its acciones too: shown, with their history, but nothing to edit.
    const delViejo = await w.t.app.db
      .selectFrom('acciones')
      .select('id')
      .where('plan_id', '=', viejo!.id)
      .where('codigo', '=', '1.1.b')
      .executeTakeFirstOrThrow()
    await page.goto(`${w.bridge.url}#/acciones/${delViejo.id}`)
    await page.getByRole('button', { name: 'Historial de la acción' }).waitFor()
    await expect.poll(() => page.getByRole('button', { name: 'Editar acción' }).count()).toBe(0)
    await expect
      .poll(() => page.getByRole('button', { name: 'Nueva meta' }).isDisabled())
      .toBe(true)
  })
})
