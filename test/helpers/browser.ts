import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { llamadaDirecta, startBridge, type Bridge } from '../../src/main/bridge/server'
import { workerDeDesarrollo } from '../../src/main/bridge/worker-dev'
import { iniciarNucleo } from '../../src/main/core/host/nucleo'
import { tomarDescarga } from '../../src/main/core/descargas'
import { ROOT } from './cli'
import { openTestApp, type TestApp } from './db'
import { sembrarDemo } from '../../src/main/core/seed/demo'
import type { Perfil } from '../../src/shared/historial/contract'
import type { Evento } from '../../src/shared/api/eventos'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/main/core/db/schema'
import type { EntornoBaseDatos } from '../../src/main/core/base-datos/handlers'

/** The profile every browser test's user has, unless a test starts from the first run. */
export const PERFIL_PRUEBA: Perfil = { nombre: 'Secretaria de prueba', institucion: 'MITP' }

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const RESULTS = path.join(ROOT, 'test-results')

export interface WebApp {
  t: TestApp
  bridge: Bridge
  browser: Browser
  page: Page
  close: () => Promise<void>
}

/** The built renderer (out/renderer), with Chromium there to show it. */
function rendererConstruido(): string {
  const renderer = path.join(ROOT, 'out', 'renderer')
  if (!fs.existsSync(path.join(renderer, 'index.html'))) {
    throw new Error(
      'Falta out/renderer: ejecute `npm run build` antes de las pruebas de navegador.'
    )
  }
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No se encontró Chromium en ${CHROMIUM} (apt-get install chromium).`)
  return renderer
}

/** The built renderer in real headless Chromium, against the HTTP bridge and a real database. */
export async function openWebApp(
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
  /** The browser's language: Chile's, unless a test shows the page does not depend on it. */
  locale = 'es-CL',
  /** Where the core backs up after approving an acta (none unless given). */
  respaldosDir: string | null = null,
  /** Who uses the app; null: none yet, so the page asks (its first run). */
  perfil: Perfil | null = PERFIL_PRUEBA,
  /** Configuración → Base de datos compartida, served by the host as the bridge serves it. */
  baseDatos?: EntornoBaseDatos
): Promise<WebApp> {
  const renderer = rendererConstruido()
  const t = await openTestApp()
  if (perfil) await t.api['perfil:guardar'](perfil)
  // The page talks to the core in its worker threads, as in the app; `t` reads the same file.
  const nucleo = await iniciarNucleo({
    dbPath: t.file,
    version: 'test',
    workerFile: workerDeDesarrollo(),
    respaldosDir,
    printPdf: null,
    ...(baseDatos ? { baseDatos } : {}),
    log: (m, e) => console.error(m, e)
  })
  const bridge = await startBridge({
    call: nucleo.call,
    alEvento: nucleo.alEvento,
    descarga: nucleo.descarga,
    token: crypto.randomBytes(16).toString('hex'),
    staticDir: renderer,
    log: (m, e) => console.error(m, e)
  })
  return abrirPagina(t, bridge, viewport, locale, () => nucleo.cerrar())
}

/**
 * The same page over the core's handlers in this process, not its worker threads: the test
 * holds the very Kysely the core queries, which runs one query at a time, so holding its
 * connection (`puertaBase`) stops a long task at its next query, at a known step.
 */
export async function openWebAppEnProceso(
  /** Sees each of the core's events as it is sent, before the page does. */
  alEvento: (evento: Evento) => void = () => {},
  viewport: { width: number; height: number } = { width: 1366, height: 900 }
): Promise<WebApp> {
  const escuchas = new Set<(evento: Evento) => void>()
  const t = await openTestApp({
    alEvento: (e) => {
      alEvento(e)
      escuchas.forEach((f) => f(e))
    }
  })
  await t.api['perfil:guardar'](PERFIL_PRUEBA)
  const bridge = await startBridge({
    call: llamadaDirecta(t.api, (m, e) => console.error(m, e)),
    descarga: async (id) => tomarDescarga(id),
    alEvento: (f) => {
      escuchas.add(f)
      return () => void escuchas.delete(f)
    },
    token: crypto.randomBytes(16).toString('hex'),
    staticDir: rendererConstruido(),
    log: (m, e) => console.error(m, e)
  })
  return abrirPagina(t, bridge, viewport, 'es-CL', async () => {})
}

/**
 * Holds the core's only database connection from `tomar` until `soltar`: every query of the core
 * waits (reads through `t.app.handle` do not). `tomar` is synchronous, so a test can call it
 * from a core event, at a known step of a task.
 */
export function puertaBase(db: Kysely<Database>): {
  tomar: () => void
  soltar: () => Promise<void>
} {
  let abrir!: () => void
  const puerta = new Promise<void>((listo) => (abrir = listo))
  let tomada: Promise<void> | null = null
  return {
    tomar: () => {
      tomada ??= db.connection().execute(() => puerta)
    },
    soltar: async () => {
      abrir()
      await tomada
    }
  }
}

/** Chromium on the bridge's page, entered through its one-time address. */
async function abrirPagina(
  t: TestApp,
  bridge: Bridge,
  viewport: { width: number; height: number },
  locale: string,
  cerrarNucleo: () => Promise<void>
): Promise<WebApp> {
  fs.mkdirSync(RESULTS, { recursive: true })
  // Playwright gives every launch a fresh, temporary profile.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Date inputs follow the browser's language: show them as in Chile.
      `--lang=${locale}`
    ]
  })
  const context = await browser.newContext({ viewport, locale })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  // The page gets the token only through a one-time entry address (then a cookie).
  await page.goto(bridge.entrada())
  return {
    t,
    bridge,
    browser,
    page,
    close: async () => {
      await browser.close()
      await bridge.close()
      await cerrarNucleo()
      await t.close()
      if (pageErrors.length) throw new Error(`Errores en la página: ${pageErrors.join('; ')}`)
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: false })
}

/**
 * Seeds the demo through the core, then reloads the page: it was opened on the empty database,
 * and a same-document navigation afterwards would show those cached figures until the refetch
 * lands (under load, long enough for a test to read them).
 */
export async function sembrarDemoYRecargar(w: WebApp): Promise<void> {
  await sembrarDemo(w.t.api)
  await w.page.reload()
}

/** Chromium on the demo (seeded, page reloaded), and how many acuerdos the demo holds. */
export async function abrirDemo(
  viewport?: Parameters<typeof openWebApp>[0]
): Promise<{ w: WebApp; acuerdos: number }> {
  const w = await openWebApp(viewport)
  await sembrarDemoYRecargar(w)
  const acuerdos = w.t.app.handle.prepare('select count(*) from acuerdos').pluck().get() as number
  return { w, acuerdos }
}
