import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import type { Download } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openWebAppEnProceso,
  puertaBase,
  RESULTS,
  sembrarDemoYRecargar,
  type WebApp
} from '../helpers/browser'

/**
 * The annual report from the dashboard, in Chromium, on the demo data. The core runs in this
 * process so the test can hold its database connection from the report's first step (reading
 * the plan): the report then waits at its next query, its progress on screen, until the test
 * lets it go (no dependence on the machine's speed).
 */
let w: WebApp
const descargas: Download[] = []
let puerta: ReturnType<typeof puertaBase> | null = null
const LEYENDO = 'Leyendo el plan y las sesiones del año'
beforeAll(async () => {
  w = await openWebAppEnProceso((e) => {
    if (e.tipo === 'tarea' && e.tarea.detalle === LEYENDO) puerta?.tomar()
  })
  await sembrarDemoYRecargar(w)
  w.page.on('download', (d) => descargas.push(d))
}, 180_000)
afterAll(() => w?.close())

const ENTIDADES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The words of a DOCX as Word keeps them (word/document.xml), without LibreOffice. */
async function textoDocx(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file))
  const xml = await zip.file('word/document.xml')!.async('string')
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&(\w+);/g, (e, n: string) => ENTIDADES[n] ?? e))
    .join('')
}

/** Opens the dialog from the dashboard and chooses the year. */
async function abrirDialogo(anio: string) {
  const { page } = w
  // A fresh page: nothing left open by an earlier test.
  await page.goto(`${w.bridge.url}#/`)
  await page.reload()
  await page.getByRole('heading', { name: 'Tablero del plan' }).waitFor()
  await page.getByRole('button', { name: 'Informe anual…' }).click()
  const dialogo = page.getByRole('dialog', { name: 'Informe anual' })
  await dialogo.getByRole('combobox', { name: 'Año' }).click()
  await page.getByRole('option', { name: anio, exact: true }).click()
  await expect.poll(() => dialogo.getByRole('combobox', { name: 'Año' }).inputValue()).toBe(anio)
  return dialogo
}

describe("the annual report's dialog on the dashboard", () => {
  it('generates the chosen year: progress while it works, then a DOCX with every eje', async () => {
    const dialogo = await abrirDialogo('2013')
    const base = (puerta = puertaBase(w.t.app.db))
    await dialogo.getByRole('button', { name: 'Generar informe' }).click()
    const progreso = dialogo.getByRole('progressbar', { name: 'Progreso del informe' })
    await expect.poll(() => progreso.getAttribute('aria-valuenow')).toBe('5')
    await expect.poll(() => dialogo.innerText()).toContain(LEYENDO)
    await expect
      .poll(() => dialogo.getByRole('button', { name: 'Cancelar informe' }).isVisible())
      .toBe(true)
    expect(descargas).toHaveLength(0)
    const descarga = w.page.waitForEvent('download')
    await base.soltar()
    const archivo = path.join(RESULTS, (await descarga).suggestedFilename())
    await (await descarga).saveAs(archivo)
    expect(path.basename(archivo)).toBe('informe-anual-2013.docx')
    expect(fs.existsSync(archivo)).toBe(true)
    expect(fs.readFileSync(archivo).subarray(0, 2).toString()).toBe('PK')
    const texto = await textoDocx(archivo)
    const ejes = w.t.app.handle.prepare('select nombre from ejes').pluck().all() as string[]
    expect(ejes.length).toBeGreaterThan(1)
    for (const eje of ejes) expect(texto).toContain(eje)
    expect(texto).toContain('2013')
    // Delivered: the dialog closes and says where the file went.
    await expect.poll(() => dialogo.count()).toBe(0)
    await expect.poll(() => w.page.getByText('Informe anual generado').count()).toBeGreaterThan(0)
  })

  it('cancelled while it works, it ends without a file and the dialog stays open', async () => {
    const antes = descargas.length
    const dialogo = await abrirDialogo('2014')
    const base = (puerta = puertaBase(w.t.app.db))
    await dialogo.getByRole('button', { name: 'Generar informe' }).click()
    const progreso = dialogo.getByRole('progressbar', { name: 'Progreso del informe' })
    await expect.poll(() => progreso.isVisible()).toBe(true)
    await dialogo.getByRole('button', { name: 'Cancelar informe' }).click()
    await expect.poll(() => dialogo.innerText()).toContain('Cancelando…')
    await base.soltar()
    // The task has ended: no progress, the dialog ready again, and nothing was handed over.
    await expect.poll(() => progreso.count()).toBe(0)
    await expect.poll(() => dialogo.getByRole('button', { name: 'Cerrar' }).isVisible()).toBe(true)
    await expect
      .poll(() => dialogo.getByRole('button', { name: 'Generar informe' }).isEnabled())
      .toBe(true)
    expect(descargas.length).toBe(antes)
    expect(fs.existsSync(path.join(RESULTS, 'informe-anual-2014.docx'))).toBe(false)
  })
})
