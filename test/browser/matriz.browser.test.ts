import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, RESULTS, screenshot, type WebApp } from '../helpers/browser'

/** The coordinator exports the matrix and imports the ministry's edited copy, in Chromium. */
let w: WebApp
let exported = ''
beforeAll(async () => {
  w = await openWebApp()
  // The plan is at #/plan (the dashboard is the home screen).
  await w.page.goto(`${w.bridge.url}#/plan`)
})
afterAll(() => w?.close())

describe('Excel from the plan screen', () => {
  it('exports the matrix through the dialog and downloads a workbook with all 25 acciones', async () => {
    const { page } = w
    await page.getByRole('button', { name: 'Exportar a Excel' }).click()
    const dialog = page.getByRole('dialog', { name: 'Exportar a Excel' })
    await dialog.getByRole('combobox', { name: 'Papel' }).click()
    await page.getByRole('option', { name: 'Oficio' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Exportar' }).click()
    ])
    exported = path.join(RESULTS, download.suggestedFilename())
    await download.saveAs(exported)
    expect(path.basename(exported)).toBe('matriz-del-plan-2013-2014.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(exported)
    const ws = wb.getWorksheet('Matriz')!
    expect(ws.pageSetup.paperSize).toBe(14)
    const codigos: string[] = []
    ws.eachRow((row) => {
      // The source writes some codes without the dot after them (2.1.a, 3.2.a…): kept as written.
      const m = /^(\d\.\d\.[a-e])\.? /.exec(String(row.getCell(3).value ?? ''))
      if (m) codigos.push(m[1]!)
    })
    expect(codigos).toHaveLength(25)
  })

  it('imports an edited copy: shows the changes first, writes them only when applied', async () => {
    const { page } = w
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(exported)
    wb.getWorksheet('Matriz')!.getCell('C4').value =
      '1.1.b. Elaborar y distribuir material informativo, según observaciones del ministerio.'
    const edited = path.join(RESULTS, 'matriz-editada.xlsx')
    await wb.xlsx.writeFile(edited)
    const before = (
      await w.t.app.db
        .selectFrom('acciones')
        .select('texto')
        .where('codigo', '=', '1.1.b')
        .executeTakeFirstOrThrow()
    ).texto

    await page.getByRole('button', { name: 'Importar matriz' }).click()
    const dialog = page.getByRole('dialog', { name: 'Importar matriz desde Excel' })
    await dialog.locator('input[type=file]').setInputFiles(edited)
    await dialog.getByRole('button', { name: 'Revisar cambios' }).click()
    await dialog.getByText('Acciones modificadas (1): 1.1.b').waitFor()
    await screenshot(page, 'importar-vista-previa')
    expect(
      (
        await w.t.app.db
          .selectFrom('acciones')
          .select('texto')
          .where('codigo', '=', '1.1.b')
          .executeTakeFirstOrThrow()
      ).texto
    ).toBe(before)
    await dialog.getByRole('button', { name: 'Aplicar cambios' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect
      .poll(() =>
        page.locator('article[data-codigo="1.1.b"]').getByTestId('accion-texto').innerText()
      )
      .toBe('Elaborar y distribuir material informativo, según observaciones del ministerio.')
  })

  it('refuses a file that is not a workbook with a clear message', async () => {
    const { page } = w
    const junk = path.join(RESULTS, 'no-es-libro.xlsx')
    fs.writeFileSync(junk, 'esto no es un libro')
    await page.getByRole('button', { name: 'Importar matriz' }).click()
    const dialog = page.getByRole('dialog', { name: 'Importar matriz desde Excel' })
    await dialog.locator('input[type=file]').setInputFiles(junk)
    await dialog.getByRole('button', { name: 'Revisar cambios' }).click()
    await dialog
      .getByText('El archivo no es un libro de Excel (.xlsx) válido. No se modificó nada.')
      .waitFor()
  })
})
