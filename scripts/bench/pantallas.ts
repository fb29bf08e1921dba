import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { startBridge, type Bridge } from '../../src/main/bridge/server'
import { workerDeDesarrollo } from '../../src/main/bridge/worker-dev'
import { iniciarNucleo, type Nucleo } from '../../src/main/core/host/nucleo'

// The core in its worker threads behind the HTTP bridge, as the browser and the app reach it;
// and the sessions screen in Chromium.

export interface Servidor {
  nucleo: Nucleo
  bridge: Bridge
  token: string
  cerrar: () => Promise<void>
}

export async function servidor(
  dbPath: string,
  renderer: string,
  /** Where the core writes its backups (daily, after each approval), as the app does. */
  respaldosDir: string | null = null
): Promise<Servidor> {
  const nucleo = await iniciarNucleo({
    dbPath,
    version: 'bench',
    respaldosDir,
    workerFile: workerDeDesarrollo(),
    printPdf: null,
    log: (m, e) => console.error(m, e)
  })
  const token = crypto.randomBytes(16).toString('hex')
  const bridge = await startBridge({
    call: nucleo.call,
    alEvento: nucleo.alEvento,
    token,
    staticDir: renderer,
    log: (m, e) => console.error(m, e)
  })
  return {
    nucleo,
    bridge,
    token,
    cerrar: async () => {
      await bridge.close()
      await nucleo.cerrar()
    }
  }
}

export interface Pantalla {
  primerContenidoMs: number
  nodos: number
  filas: number
}

/** Time from asking for the sessions screen to its first rows, and what the DOM then holds. */
export async function pantallaSesiones(s: Servidor): Promise<Pantalla> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
  })
  try {
    // Who uses the app, as a secretary gives it once: without it the page opens asking for it.
    const perfil = await s.nucleo.call('perfil:guardar', {
      nombre: 'Banco de pruebas',
      institucion: 'MITP'
    })
    if (!perfil.ok) throw new Error(perfil.error.message)
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
    await page.goto(s.bridge.entrada())
    await page.getByRole('link', { name: 'Sesiones y actas' }).waitFor()
    const t0 = performance.now()
    await page.getByRole('link', { name: 'Sesiones y actas' }).click()
    await page
      .locator('[aria-label="Lista de sesiones"] tbody tr:not([aria-hidden])')
      .first()
      .waitFor()
    const primerContenidoMs = performance.now() - t0
    await page.waitForTimeout(300)
    const nodos = await page.locator('*').count()
    const filas = await page
      .locator('[aria-label="Lista de sesiones"] tbody tr:not([aria-hidden])')
      .count()
    return { primerContenidoMs, nodos, filas }
  } finally {
    await browser.close()
  }
}

export const RENDERER = path.resolve(__dirname, '../../out/renderer')
export const hayRenderer = (): boolean => fs.existsSync(path.join(RENDERER, 'index.html'))
