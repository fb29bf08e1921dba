import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, prevencionConMiembros, sesionMarcada } from '../helpers/sesiones'

// «Preside» on the session screen says what the acta prints: once who chaired is chosen in
// Asistencia, that person (name, cargo, institución); the typed text again when the choice is
// cleared.
let w: WebApp
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  ctx = await prevencionConMiembros(w.t)
})
afterAll(() => w?.close())

describe('«Preside» on the session screen', () => {
  it('follows who was chosen as having chaired, and goes back to the typed text when cleared', async () => {
    const { page } = w
    const { sesionId } = await sesionMarcada(
      w.t,
      '2014-06-11',
      { 'Ana Rojas Soto': 'presente', 'Diego Fuentes Araya': 'presente' },
      ctx
    )
    await caller(w.t).ok('sesion:actualizar', {
      id: sesionId,
      fecha: '2014-06-11',
      horaInicio: null,
      horaTermino: null,
      lugar: '',
      modalidad: 'presencial',
      preside: 'MININT (DCO-DEM-SPD)',
      proximaFecha: null,
      proximaLugar: ''
    })
    await page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    const preside = page.getByRole('textbox', { name: 'Preside', exact: true })
    await expect.poll(() => preside.inputValue()).toBe('MININT (DCO-DEM-SPD)')
    await page.getByRole('combobox', { name: 'Presidió la sesión' }).click()
    await page.getByRole('option', { name: 'Diego Fuentes Araya — MININT' }).click()
    await expect.poll(() => preside.inputValue()).toBe('Diego Fuentes Araya, Profesional, MININT')
    expect(await preside.getAttribute('readonly')).not.toBeNull()
    await page.getByRole('button', { name: 'Quitar quién presidió' }).click()
    await expect.poll(() => preside.inputValue()).toBe('MININT (DCO-DEM-SPD)')
    await expect.poll(() => preside.getAttribute('readonly')).toBeNull()
  })
})
