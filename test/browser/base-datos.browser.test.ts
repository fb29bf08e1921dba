import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, PERFIL_PRUEBA, screenshot, type WebApp } from '../helpers/browser'
import { iniciarPostgres, type ServidorPostgres } from '../helpers/postgres-servidor'
import { tempDir } from '../helpers/db'
import { MENSAJE_SIN_ALMACEN_SEGURO } from '../../src/main/core/base-datos/cifrado'

/**
 * Configuración → «Base de datos compartida» in Chromium over the HTTP bridge: the form tests a
 * real PostgreSQL server, and saving a password is refused (the bridge has no secure storage).
 */
let w: WebApp
let servidor: ServidorPostgres
const dir = tempDir('mitp-bd-nav-')
const archivo = path.join(dir.dir, 'base-datos.json')

beforeAll(async () => {
  servidor = await iniciarPostgres()
  const c = new pg.Client({ connectionString: servidor.url })
  await c.connect()
  await c.query('create database compartida')
  await c.end()
  w = await openWebApp(undefined, undefined, null, PERFIL_PRUEBA, {
    archivo,
    cifrado: null,
    enUso: () => 'secretaria-mitp.db',
    reiniciar: null,
    elegirArchivo: null
  })
})
afterAll(async () => {
  await w?.close()
  await servidor?.detener()
  dir.cleanup()
})

describe('Base de datos compartida', () => {
  it('tests the connection against a real server and refuses to store a password', async () => {
    const { page } = w
    await page.getByRole('link', { name: 'Configuración' }).click()
    await page.getByRole('heading', { name: 'Base de datos compartida' }).waitFor()
    const form = page.getByRole('form', { name: 'Base de datos compartida' })
    const aviso = form.getByTestId('aviso-base-datos')
    // An empty form is refused in Spanish before anything is sent.
    await form.getByRole('button', { name: 'Probar conexión' }).click()
    await form.getByText('El servidor no puede estar vacío.').waitFor()

    await form.getByLabel('Servidor', { exact: true }).fill('127.0.0.1')
    await form.getByLabel('Puerto', { exact: true }).fill(String(servidor.puerto))
    await form.getByLabel('Base de datos', { exact: true }).fill('compartida')
    await form.getByLabel('Usuario', { exact: true }).fill('mitp')
    await form.getByLabel('Conexión segura (TLS)').click()
    await page.getByRole('option', { name: 'Sin cifrar (solo en una red de confianza)' }).click()
    await form.getByRole('button', { name: 'Probar conexión' }).click()
    await expect
      .poll(() => aviso.textContent())
      .toBe('Conexión correcta: base vacía, se preparará al usar.')

    // A wrong port, tested from the keyboard (Enter in the field submits the test).
    const puerto = form.getByLabel('Puerto', { exact: true })
    await puerto.fill('1')
    await puerto.press('Enter')
    await expect
      .poll(() => aviso.textContent())
      .toMatch(/^El servidor 127\.0\.0\.1:1 rechazó la conexión/)
    await puerto.fill(String(servidor.puerto))

    // The page says beforehand that no password is stored here; saving one is refused.
    await form.getByText(MENSAJE_SIN_ALMACEN_SEGURO, { exact: false }).waitFor()
    await form.getByLabel('Contraseña', { exact: true }).fill('secreta')
    await form.getByRole('button', { name: 'Guardar y reiniciar' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Guardar y reiniciar' }).click()
    await expect.poll(() => aviso.textContent()).toBe(MENSAJE_SIN_ALMACEN_SEGURO)
    await screenshot(page, 'base-datos-compartida')
    expect(fs.existsSync(archivo)).toBe(false)

    // Without a password (a server that needs none) the connection is saved, for the next start.
    await form.getByLabel('Contraseña', { exact: true }).fill('')
    await form.getByRole('button', { name: 'Guardar y reiniciar' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Guardar y reiniciar' }).click()
    await expect
      .poll(() => aviso.textContent())
      .toBe('Conexión guardada. Reinicie el servicio para usarla.')
    expect(JSON.parse(fs.readFileSync(archivo, 'utf8'))).toMatchObject({
      tipo: 'servidor',
      host: '127.0.0.1',
      base: 'compartida',
      tls: 'desactivado',
      claveCifrada: null
    })
  })
})
