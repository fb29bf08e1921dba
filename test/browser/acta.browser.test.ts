import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, RESULTS, screenshot, type WebApp } from '../helpers/browser'
import { docxText, libreOfficeConvert, pdfText } from '../helpers/office'
import { caller, prevencionConMiembros } from '../helpers/sesiones'

/** The secretary's flow in Chromium, from a new session to the approved acta as DOCX. */
let w: WebApp
let prevencionId = ''
beforeAll(async () => {
  w = await openWebApp()
  prevencionId = (await prevencionConMiembros(w.t)).prevencion.id
})
afterAll(() => w?.close())

const db = () => w.t.app.db
const section = (name: string) => w.page.getByRole('region', { name, exact: true })
const saved = () =>
  w.page
    .getByRole('status')
    .filter({ hasText: /^Guardado \d{2}:\d{2}:\d{2}$/ })
    .waitFor()
let sesionId = ''

describe("the secretary's session, offline", () => {
  it('creates a session of the Subcomisión Prevención', async () => {
    const { page } = w
    await page.getByRole('link', { name: 'Sesiones y actas' }).click()
    const form = page.getByRole('form', { name: 'Nueva sesión' })
    await form.getByRole('combobox', { name: 'Instancia' }).click()
    await page.getByRole('option', { name: 'Subcomisión Prevención' }).click()
    await form.getByRole('textbox', { name: 'Fecha' }).fill('12-03-2014')
    await form.getByLabel('Lugar').fill('Sala de reuniones MININT')
    await form.getByRole('button', { name: 'Crear sesión' }).click()
    await page.getByRole('heading', { name: 'Sesión Ordinaria N° 1/2014' }).waitFor()
    sesionId = (await db().selectFrom('sesiones').select('id').executeTakeFirstOrThrow()).id
    expect(page.url()).toContain(`#/sesiones/${sesionId}`)
  })

  it('marks attendance, and the quorum follows', async () => {
    const { page } = w
    const asistencia = section('Asistencia')
    await asistencia
      .getByRole('radiogroup', { name: 'Asistencia de Ana Rojas Soto' })
      .getByText('Presente')
      .click()
    await asistencia
      .getByRole('radiogroup', { name: 'Asistencia de Carlos Pérez Silva' })
      .getByText('Presente')
      .click()
    await asistencia
      .getByRole('radiogroup', { name: 'Asistencia de Diego Fuentes Araya' })
      .getByText('Excusado/a')
      .click()
    await asistencia
      .getByRole('textbox', { name: 'Motivo de la excusa de Diego Fuentes Araya' })
      .fill('Comisión de servicio en regiones')
    await expect
      .poll(() => page.getByTestId('quorum').innerText())
      .toBe('Quórum: 2 de 3 instituciones (con quórum)')
    await saved()
    await expect
      .poll(async () =>
        (
          await db()
            .selectFrom('asistencias')
            .select(['nombre', 'estado', 'motivo'])
            .where('sesion_id', '=', sesionId)
            .orderBy('orden')
            .execute()
        ).map((r) => `${r.nombre}:${r.estado}:${r.motivo}`)
      )
      .toEqual([
        'Diego Fuentes Araya:excusado:Comisión de servicio en regiones',
        'Carlos Pérez Silva:presente:',
        'Ana Rojas Soto:presente:',
        'Berta Díaz Muñoz:ausente:'
      ])
    // MININT, whom «Preside» names, is excused: who chaired is chosen among those present (the
    // acta must name who signs it to be approved; Ana signs for the secretaría, SERNAM).
    await page.getByRole('combobox', { name: 'Presidió la sesión' }).click()
    await page.getByRole('option', { name: 'Carlos Pérez Silva — PDI' }).click()
    await expect
      .poll(
        async () =>
          (
            await db()
              .selectFrom('sesiones')
              .innerJoin('asistencias', 'asistencias.id', 'sesiones.presidente_id')
              .select('asistencias.nombre')
              .where('sesiones.id', '=', sesionId)
              .executeTakeFirst()
          )?.nombre
      )
      .toBe('Carlos Pérez Silva')
  })

  it('adds an agenda item with its text, autosaved and still there after a reload', async () => {
    const { page } = w
    await page.keyboard.press('Alt+2')
    const tabla = section('Tabla y desarrollo')
    await tabla
      .getByRole('textbox', { name: 'Nuevo punto de tabla' })
      .fill('Campaña de difusión 2014')
    await tabla.getByRole('textbox', { name: 'Nuevo punto de tabla' }).press('Enter')
    const desarrollo = tabla.getByRole('textbox', { name: 'Desarrollo: Campaña de difusión 2014' })
    await desarrollo.fill('SERNAM presenta el borrador de la campaña; se solicitan observaciones.')
    await saved()
    await page.reload()
    await page.getByRole('tab', { name: /^Tabla/ }).click()
    await expect
      .poll(() =>
        section('Tabla y desarrollo')
          .getByRole('textbox', { name: 'Desarrollo: Campaña de difusión 2014' })
          .inputValue()
      )
      .toBe('SERNAM presenta el borrador de la campaña; se solicitan observaciones.')
  })

  it('reports progress on 1.1.a with an indicator value', async () => {
    const { page } = w
    // Not on the agenda: added by its code, its indicators opened.
    await page.keyboard.press('Alt+4')
    await section('Avance del plan')
      .getByRole('combobox', { name: 'Informar avance de otra acción…' })
      .fill('1.1.a')
    await page.getByRole('option', { name: /^1\.1\.a / }).click()
    const accion = page.getByRole('region', { name: 'Avance de la acción 1.1.a' })
    await accion.getByRole('button', { name: /^▸ Indicadores de 1\.1\.a/ }).click()
    await accion.getByRole('combobox', { name: 'Estado' }).click()
    await page.getByRole('option', { name: 'En curso' }).click()
    await accion.getByRole('textbox', { name: '% de avance' }).fill('40')
    await accion
      .getByRole('textbox', { name: 'Lo informado' })
      .fill('Plan de capacitación en validación.')
    await accion
      .getByRole('textbox', {
        name: 'Valor de «Número de funcionarios y funcionarias capacitados.»'
      })
      .fill('120')
    await saved()
    await expect
      .poll(async () =>
        db()
          .selectFrom('avances')
          .select(['accion_codigo', 'estado', 'porcentaje', 'reporte'])
          .where('sesion_id', '=', sesionId)
          .execute()
      )
      .toEqual([
        {
          accion_codigo: '1.1.a',
          estado: 'en_curso',
          porcentaje: 40,
          reporte: 'Plan de capacitación en validación.'
        }
      ])
    await expect
      .poll(
        async () =>
          await db()
            .selectFrom('mediciones')
            .select(['valor', 'fecha_corte'])
            .where('sesion_id', '=', sesionId)
            .execute()
      )
      .toEqual([{ valor: 120, fecha_corte: '2014-03-12' }])
    await screenshot(page, 'sesion-avance-1.1.a')
  })

  it('adds an acuerdo linked to 1.1.a', async () => {
    const { page } = w
    await page.keyboard.press('Alt+5')
    const form = page.getByRole('form', { name: 'Nuevo acuerdo' })
    await form
      .getByRole('textbox', { name: 'Nuevo acuerdo' })
      .fill('SERNAM enviará la propuesta final del plan de capacitación.')
    await form.getByRole('combobox', { name: 'Institución responsable' }).click()
    await page.getByRole('option', { name: 'SERNAM', exact: true }).click()
    await form.getByRole('textbox', { name: 'Plazo' }).fill('30-04-2014')
    await form.getByRole('combobox', { name: 'Acción del plan' }).fill('1.1.a')
    await page.getByRole('option', { name: /^1\.1\.a / }).click()
    await form.getByRole('button', { name: 'Agregar acuerdo' }).click()
    const tabla = page.getByRole('table', { name: 'Acuerdos' })
    await expect.poll(() => tabla.locator('tbody tr').count()).toBe(1)
    expect(await tabla.locator('tbody tr').innerText()).toMatch(
      /1\s+SERNAM enviará la propuesta final del plan de capacitación\.\s+SERNAM\s+30-04-2014\s+1\.1\.a/
    )
    expect(
      await db()
        .selectFrom('acuerdos')
        .select(['numero', 'responsable', 'plazo', 'accion_codigo'])
        .where('sesion_id', '=', sesionId)
        .execute()
    ).toEqual([{ numero: 1, responsable: 'SERNAM', plazo: '2014-04-30', accion_codigo: '1.1.a' }])
  })

  it('closes and approves the acta, which then shows its hash and can no longer be edited', async () => {
    const { page } = w
    await page.getByRole('button', { name: 'Finalizar sesión' }).click()
    await page
      .getByRole('dialog', { name: 'Finalizar sesión' })
      .getByRole('button', { name: 'Finalizar sesión' })
      .click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Cerrada')
    // An acta is approved in a later session still in progress: the next one is held.
    const siguiente = await caller(w.t).ok('sesion:crear', {
      instanciaId: prevencionId,
      tipo: 'ordinaria',
      fecha: '2014-04-09',
      modalidad: 'presencial'
    })
    await page.reload()
    await page.getByRole('button', { name: 'Aprobar acta' }).click()
    const dialogo = page.getByRole('dialog', { name: 'Aprobar acta' })
    await expect
      .poll(() => dialogo.getByLabel('Aprobada en').inputValue())
      .toMatch(/N° 2\/2014.*\(09-04-2014\)$/)
    // The dialog opens with the cursor in its observations, not on its close button.
    await expect
      .poll(() =>
        page.evaluate(
          () => (document.activeElement as HTMLTextAreaElement | null)?.labels?.[0]?.textContent
        )
      )
      .toBe('Observaciones')
    await page
      .getByRole('dialog', { name: 'Aprobar acta' })
      .getByRole('button', { name: 'Aprobar acta' })
      .click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Aprobada')
    const { hash, aprobada_en_sesion_id } = await db()
      .selectFrom('sesiones')
      .select(['hash', 'aprobada_en_sesion_id'])
      .where('id', '=', sesionId)
      .executeTakeFirstOrThrow()
    expect(aprobada_en_sesion_id).toBe(siguiente.id)
    expect(await page.getByTestId('hash').innerText()).toBe(hash!)
    await page.keyboard.press('Alt+2')
    expect(
      await section('Tabla y desarrollo')
        .getByRole('textbox', { name: 'Desarrollo: Campaña de difusión 2014' })
        .getAttribute('readonly')
    ).not.toBeNull()
    await screenshot(page, 'sesion-aprobada')
  })

  it('exports the DOCX, which LibreOffice reads back with the attendees, the acuerdo and the hash', async () => {
    const { page } = w
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar DOCX' }).click()
    ])
    const file = path.join(RESULTS, download.suggestedFilename())
    await download.saveAs(file)
    expect(path.basename(file)).toBe('acta-sesion-ordinaria-n-1-2014-subcomision-prevencion.docx')
    const text = docxText(file).replace(/\s+/g, ' ')
    expect(text).toContain('ACTA SESIÓN ORDINARIA N° 1/2014')
    expect(text).toContain('Ana Rojas Soto')
    expect(text).toContain('Preside: Carlos Pérez Silva, Profesional, PDI')
    expect(text).toContain('Comisión de servicio en regiones')
    expect(text).toContain('SERNAM enviará la propuesta final del plan de capacitación.')
    expect(text).toContain('SERNAM presenta el borrador de la campaña; se solicitan observaciones.')
    const hash = (
      await db()
        .selectFrom('sesiones')
        .select('hash')
        .where('id', '=', sesionId)
        .executeTakeFirstOrThrow()
    ).hash!
    const pdf = libreOfficeConvert(file, 'pdf')
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(hash)
    fs.rmSync(pdf)
  })
})
