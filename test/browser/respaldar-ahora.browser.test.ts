import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, RESULTS, type WebApp } from '../helpers/browser'
import { tempDir } from '../helpers/db'
import { listarRespaldos, verificarArchivo } from '../../src/main/core/respaldos'
import { openSqlite } from '../../src/main/core/db/sqlite'

/**
 * «Respaldar ahora» in Chromium: one click, one download of a verified backup, streamed by the
 * bridge from the copy the core left in the backups folder (never as base64 through the page).
 */
const carpeta = tempDir('mitp-respaldar-ahora-')
let w: WebApp
beforeAll(async () => {
  w = await openWebApp(undefined, undefined, carpeta.dir)
}, 60_000)
afterAll(async () => {
  await w?.close()
  carpeta.cleanup()
})

describe('«Respaldar ahora» in Configuración', () => {
  it('downloads a backup that opens and verifies, and keeps its copy in the backups folder', async () => {
    const { page } = w
    const respuestas: string[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('/api/respaldo:ahora')) void r.text().then((t) => respuestas.push(t))
    })
    await page.getByRole('link', { name: 'Configuración' }).click()
    const [descarga] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Respaldar ahora' }).click()
    ])
    expect(descarga.suggestedFilename()).toMatch(/^secretaria-mitp-respaldo-\d{4}-\d{2}-\d{2}\.db$/)
    const guardado = path.join(RESULTS, 'respaldar-ahora.db')
    await descarga.saveAs(guardado)
    expect(verificarArchivo(guardado)).toMatchObject({ ok: true })
    const h = openSqlite(guardado, { readonly: true })
    try {
      const { n } = h.prepare('select count(*) as n from acciones').get() as { n: number }
      expect(n).toBe(25)
    } finally {
      h.close()
    }
    await page.getByText(/Respaldo verificado \([\d,]+ MB\) listo para guardar/).waitFor()
    await page.getByText(/Una copia quedó también en la carpeta «respaldos»/).waitFor()
    // The answer names the file; it never carries it.
    expect(respuestas).toHaveLength(1)
    expect(respuestas[0]!.length).toBeLessThan(400)
    const [manual] = listarRespaldos(carpeta.dir).filter((r) => r.motivo === 'manual')
    expect(fs.readFileSync(manual!.archivo).equals(fs.readFileSync(guardado))).toBe(true)
    fs.rmSync(guardado, { force: true })
  }, 60_000)
})
