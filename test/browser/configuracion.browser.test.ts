import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { actaArchivo } from '../../src/main/core/actas/documentos/archivo'
import { openWebApp, screenshot, type WebApp } from '../helpers/browser'
import { caller, prevencionConMiembros } from '../helpers/sesiones'

/** Configuración in Chromium: the paper and city chosen there lay out the acta's documents. */
let w: WebApp
beforeAll(async () => {
  w = await openWebApp()
})
afterAll(() => w?.close())

describe('Configuración de las actas', () => {
  it('chooses oficio and the city, and the DOCX comes out on oficio with "En Valparaíso, a…"', async () => {
    const { page } = w
    const ctx = await prevencionConMiembros(w.t)
    const s = await caller(w.t).ok('sesion:crear', {
      instanciaId: ctx.prevencion.id,
      tipo: 'ordinaria',
      fecha: '2014-03-12',
      horaInicio: '10:00',
      modalidad: 'presencial'
    })
    await page.getByRole('link', { name: 'Configuración' }).click()
    await page.getByRole('heading', { name: 'Configuración de las actas' }).waitFor()
    // Carta until chosen otherwise.
    expect(await page.getByRole('radio', { name: 'Carta' }).isChecked()).toBe(true)
    await page.getByText('Oficio', { exact: true }).click()
    await page.getByLabel(/Ciudad donde sesiona/).fill('Valparaíso')
    await page.getByRole('button', { name: 'Guardar', exact: true }).click()
    await page.getByText('Configuración de documentos guardada.').waitFor()
    await screenshot(page, 'configuracion')
    expect(await w.t.api['config:obtener'](undefined)).toMatchObject({
      papel: 'oficio',
      ciudad: 'Valparaíso'
    })
    const docx = await actaArchivo(w.t.app.db, s.id, 'docx', null)
    const xml = await (await JSZip.loadAsync(docx.data)).file('word/document.xml')!.async('string')
    expect(xml).toMatch(/<w:pgSz w:w="12240" w:h="18720"/)
    expect(xml).toContain('En Valparaíso, a 12 de marzo de 2014, siendo las 10:00 horas')
  })
})
