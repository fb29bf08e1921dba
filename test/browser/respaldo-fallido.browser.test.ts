import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, screenshot, type WebApp } from '../helpers/browser'
import { tempDir } from '../helpers/db'
import { caller, conFirmantes, prevencionConMiembros } from '../helpers/sesiones'

// The daily backup at start fails too, before the page opens: it is told the same way.
// Approving an acta answers before its backup. When that backup fails, the secretary is told
// on the screen, in Spanish, naming the acta, until she closes the notice: the core emits the
// event in its worker, the bridge streams it, the page shows it. (The folder of backups is a
// file, so no backup can be written.)
const dir = tempDir('mitp-respaldo-fallido-web-')
const respaldos = path.join(dir.dir, 'respaldos')
let w: WebApp
let sesionId = ''
beforeAll(async () => {
  fs.writeFileSync(respaldos, 'no es una carpeta')
  w = await openWebApp(undefined, undefined, respaldos)
  const { prevencion } = await prevencionConMiembros(w.t)
  const { ok } = caller(w.t)
  const nueva = (fecha: string) =>
    ok('sesion:crear', {
      instanciaId: prevencion.id,
      tipo: 'ordinaria',
      fecha,
      modalidad: 'presencial'
    })
  sesionId = (await nueva('2014-03-12')).id
  await conFirmantes(w.t, sesionId)
  await ok('sesion:cerrar', { id: sesionId })
  // An acta is approved in a later session still in progress.
  await nueva('2014-04-09')
})
afterAll(async () => {
  await w?.close()
  dir.cleanup()
})

describe('a failed daily backup at start, on the screen', () => {
  it('is shown though it failed before the page opened, until closed; a reload does not bring it back', async () => {
    const { page } = w
    const diario = page.getByRole('alert').filter({ hasText: 'Respaldo diario no realizado' })
    await expect
      .poll(() => diario.innerText())
      .toMatch(
        /No se pudo hacer el respaldo diario al abrir la base de datos \(No se pudo crear la carpeta de respaldos ".*": en su lugar hay un archivo, no una carpeta\..*\)\. Sus datos no cambiaron: respalde ahora en Configuración → «Respaldar ahora»/s
      )
    expect(await diario.count()).toBe(1)
    await diario.getByRole('button').click()
    await expect.poll(() => diario.count()).toBe(0)
    const listado = page.waitForResponse((r) => r.url().endsWith('/api/respaldo:estado'))
    await page.reload()
    await listado
    await page.waitForTimeout(1000)
    expect(await diario.count()).toBe(0)
  })
})

describe('a failed backup after approving an acta, on the screen', () => {
  it('keeps the approval and shows the secretary a notice in Spanish until she closes it', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
    await page.getByRole('button', { name: 'Aprobar acta' }).click()
    const dialogo = page.getByRole('dialog', { name: 'Aprobar acta' })
    await expect
      .poll(() => dialogo.getByLabel('Aprobada en').inputValue())
      .toMatch(/N° 2\/2014.*\(09-04-2014\)$/)
    await dialogo.getByRole('button', { name: 'Aprobar acta' }).click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Aprobada')
    const aviso = page.getByRole('alert').filter({ hasText: 'Respaldo no realizado' })
    await expect
      .poll(() => aviso.innerText())
      .toMatch(
        /No se pudo respaldar después de aprobar el acta de la Sesión Ordinaria N° 1\/2014.*La aprobación quedó guardada: respalde ahora en Configuración → «Respaldar ahora»/s
      )
    await screenshot(page, 'respaldo-fallido')
    // It asks for action: still there a while later, gone once closed.
    await page.waitForTimeout(6000)
    expect(await aviso.count()).toBe(1)
    await aviso.getByRole('button').click()
    await expect.poll(() => aviso.count()).toBe(0)
    const { estado } = await w.t.app.db
      .selectFrom('sesiones')
      .select('estado')
      .where('id', '=', sesionId)
      .executeTakeFirstOrThrow()
    expect(estado).toBe('aprobada')
  })
})
