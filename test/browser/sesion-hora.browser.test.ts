import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Times as in Chile, 24-hour, in a browser set to American English (where the native time
 * field showed "02:30 PM"): typed "14:30" is shown and saved as 14:30; while only the hour is
 * typed, autosave neither stores a partial time nor wipes what was typed.
 */
let w: WebApp
let id = ''
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 }, 'en-US')
  const ctx = await prevencionConMiembros(w.t)
  const s = await caller(w.t).ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'ordinaria',
    fecha: '2014-06-11',
    modalidad: 'presencial'
  })
  id = s.id
})
afterAll(() => w?.close())

const MENSAJE_HORA_INCOMPLETA = 'Hora incompleta: escriba horas y minutos (por ejemplo 14:30).'
const horas = () =>
  w.t.app.db
    .selectFrom('sesiones')
    .select(['hora_inicio', 'hora_termino', 'lugar'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
/** The hour and minute fields of a time input, as shown. */
const campo = (path: 'horaInicio' | 'horaTermino') => {
  const root = w.page.locator(`[data-path="${path}"]`)
  const h = root.getByRole('spinbutton', { name: 'Horas' })
  const m = root.getByRole('spinbutton', { name: 'Minutos' })
  return {
    h,
    m,
    visto: async () => `${await h.inputValue()}:${await m.inputValue()}`
  }
}
const abrir = async () => {
  await w.page.goto(`${w.bridge.url}#/sesiones/${id}`)
  await w.page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}

describe('the 24-hour time input', () => {
  it('runs in a browser whose language is American English', async () => {
    await abrir()
    expect(
      await w.page.evaluate(() => [navigator.language, new Date(0).toLocaleTimeString()])
    ).toEqual(['en-US', expect.stringMatching(/[AP]M$/)])
  })

  it('typing "14:30" shows and saves 14:30, and shows it again after a reload', async () => {
    const inicio = campo('horaInicio')
    await inicio.h.click()
    await w.page.keyboard.type('14:30')
    await expect.poll(inicio.visto).toBe('14:30')
    await expect.poll(horas).toMatchObject({ hora_inicio: '14:30' })
    // No AM/PM part anywhere in the field.
    expect(await w.page.locator('[data-path="horaInicio"]').innerText()).not.toMatch(/AM|PM/i)
    await abrir()
    await expect.poll(campo('horaInicio').visto).toBe('14:30')
  })

  it('with only the hour typed, autosave saves no partial time and keeps what is typed', async () => {
    const { page } = w
    const termino = campo('horaTermino')
    await termino.h.click()
    await page.keyboard.type('16')
    // Another field saves meanwhile: the half-typed time is neither stored nor wiped.
    await page.getByRole('textbox', { name: 'Lugar' }).fill('Sala MININT')
    await expect.poll(horas).toMatchObject({ lugar: 'Sala MININT' })
    await page.waitForTimeout(1500)
    expect(await horas()).toEqual({
      hora_inicio: '14:30',
      hora_termino: null,
      lugar: 'Sala MININT'
    })
    expect(await termino.h.inputValue()).toBe('16')
    // Left half typed, it says so beside the field.
    await expect.poll(() => page.getByText(MENSAJE_HORA_INCOMPLETA).count()).toBe(1)
    await termino.m.click()
    await page.keyboard.type('45')
    await expect.poll(horas).toMatchObject({ hora_termino: '16:45' })
    expect(await termino.visto()).toBe('16:45')
    expect(await page.getByText(MENSAJE_HORA_INCOMPLETA).count()).toBe(0)
    // A saved time whose minutes are erased: the old time is not overwritten with nothing,
    // and the hour stays on screen while the minutes are retyped.
    const inicio = campo('horaInicio')
    await inicio.m.click()
    await page.keyboard.press('Backspace')
    await page.waitForTimeout(1500)
    expect(await inicio.h.inputValue()).toBe('14')
    expect((await horas()).hora_inicio).toBe('14:30')
    await page.keyboard.type('15')
    await expect.poll(horas).toMatchObject({ hora_inicio: '14:15' })
    expect(await inicio.visto()).toBe('14:15')
    // Both fields erased (Backspace empties one, then steps back to the hour) and left: the
    // time is removed.
    await inicio.m.click()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace')
    await page.keyboard.press('Tab')
    await expect.poll(horas).toMatchObject({ hora_inicio: null, hora_termino: '16:45' })
    expect(await inicio.visto()).toBe(':')
    expect(await page.getByText(MENSAJE_HORA_INCOMPLETA).count()).toBe(0)
  })
})
