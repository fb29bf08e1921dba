import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, RESULTS, type WebApp } from '../helpers/browser'
import { openTestApp, type TestApp } from '../helpers/db'
import {
  caller,
  cerrarYAprobar,
  ordinarias,
  prevencionConMiembros,
  sesionMovida
} from '../helpers/sesiones'

/**
 * An acta approved here while the other laptop edited it, unseen (#16, review): the import's
 * preview says that edit does not enter, with its field and value, instead of dropping it.
 */
let otro: TestApp
let w: WebApp
let archivo = ''
const LUGAR = 'Sala editada en el otro equipo'

type Paquete = { nombre: string; base64: string }
const importar = (t: TestApp, p: Paquete) =>
  caller(t).ok('paquete:importar', { archivo: p.nombre, paquete: p.base64, elecciones: [] })

beforeAll(async () => {
  otro = await openTestApp()
  w = await openWebApp()
  const { prevencion } = await prevencionConMiembros(otro)
  const s = await ordinarias(otro, prevencion.id)('2015-03-10')
  await importar(w.t, await otro.api['paquete:generar']({ para: 'nuevo', nombre: 'Socio' }))
  const idOtro = (await otro.api['instalacion:obtener'](undefined)).id
  const idAqui = (await w.t.api['instalacion:obtener'](undefined)).id
  await importar(
    otro,
    await w.t.api['paquete:generar']({ para: 'socio', socioId: idOtro, todo: false })
  )
  await caller(otro).ok('sesion:actualizar', {
    ...sesionMovida(s.id, '2015-03-10'),
    lugar: LUGAR
  })
  await cerrarYAprobar(w.t, s.id)
  const paquete = await otro.api['paquete:generar']({ para: 'socio', socioId: idAqui, todo: false })
  fs.mkdirSync(RESULTS, { recursive: true })
  archivo = path.join(RESULTS, `aprobada-${paquete.nombre}`)
  fs.writeFileSync(archivo, Buffer.from(paquete.base64, 'base64'))
}, 120_000)
afterAll(async () => {
  await w?.close()
  await otro?.close()
})

describe('an edit to an acta approved here', () => {
  it('is listed in the preview as not entering, with its field and value', async () => {
    const { page } = w
    await page.goto(`${w.bridge.url}#/intercambio`)
    await page.locator('input[type=file]').setInputFiles(archivo)
    const vista = page.getByRole('region', { name: 'Vista previa del paquete' })
    await expect
      .poll(() => vista.getByText('Cambios a actas aprobadas que no entran').count())
      .toBe(1)
    await expect
      .poll(() => vista.innerText())
      .toMatch(new RegExp(`está aprobada aquí; no entra este cambio de .*lugar = "${LUGAR}"`))
  })
})
