import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import {
  caller,
  cerrarYAprobar,
  prevencionConMiembros,
  sesionMarcada,
  sesionMovida
} from '../helpers/sesiones'

// Who signs the acta, chosen in Asistencia among those present: who chaired, and who acted as
// secretary when the secretaría de actas (SERNAM) did not attend. The session keeps both.
let w: WebApp
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  ctx = await prevencionConMiembros(w.t)
})
afterAll(() => w?.close())

const columna = async (sesionId: string, c: 'secretaria_subrogante_id' | 'presidente_id') =>
  (
    await w.t.app.db
      .selectFrom('sesiones')
      .select(c)
      .where('id', '=', sesionId)
      .executeTakeFirstOrThrow()
  )[c]

/** The session's screen, at its Asistencia section (the first), once it shows that session. */
async function abrir(sesionId: string, fecha: string) {
  const { page } = w
  await page.goto(`${w.bridge.url}#/sesiones/${sesionId}`)
  // The hash changes in the same page: wait for this session, not the one shown before.
  await page.getByText(`Subcomisión Prevención · ${fecha.split('-').reverse().join('-')}`).waitFor()
  await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
  return {
    presidente: page.getByRole('combobox', { name: 'Presidió la sesión' }),
    subrogante: page.getByRole('combobox', { name: 'Actuó como secretario/a de actas' })
  }
}

describe('who signs the acta, on the session screen', () => {
  it('the secretary who acted is chosen among those present, and saved', async () => {
    const { page } = w
    const { sesionId, fila } = await sesionMarcada(
      w.t,
      '2014-06-11',
      {
        'Ana Rojas Soto': 'excusado',
        'Carlos Pérez Silva': 'presente',
        'Diego Fuentes Araya': 'presente'
      },
      ctx
    )
    const { subrogante } = await abrir(sesionId, '2014-06-11')
    await subrogante.click()
    const opciones = page.getByRole('option')
    // Only those present; not the excused secretaría, nor Diego, the coordinator whom «Preside»
    // names by default: he signs on the president's line.
    await expect.poll(() => opciones.allInnerTexts()).toEqual(['Carlos Pérez Silva — PDI'])
    await page.getByRole('option', { name: 'Carlos Pérez Silva — PDI' }).click()
    await expect
      .poll(() => columna(sesionId, 'secretaria_subrogante_id'))
      .toBe(fila('Carlos Pérez Silva'))
    // Read again from the database, the screen shows the same choice.
    await page.reload()
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    await expect.poll(() => subrogante.inputValue()).toBe('Carlos Pérez Silva — PDI')
  })

  it('who chaired is picked with the keyboard, saved, shown again and locked once approved', async () => {
    const { page } = w
    const { sesionId, fila } = await sesionMarcada(
      w.t,
      '2014-07-09',
      { 'Ana Rojas Soto': 'presente', 'Diego Fuentes Araya': 'presente' },
      ctx
    )
    const { presidente } = await abrir(sesionId, '2014-07-09')
    await presidente.focus()
    await page.keyboard.type('Diego')
    // The arrow key only moves once the filtered list is on screen (slow under load).
    await expect
      .poll(() => page.getByRole('option').allInnerTexts())
      .toEqual(['Diego Fuentes Araya — MININT'])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => columna(sesionId, 'presidente_id')).toBe(fila('Diego Fuentes Araya'))
    await page.reload()
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    await expect.poll(() => presidente.inputValue()).toBe('Diego Fuentes Araya — MININT')
    // Cleared, nobody chaired by choice: the acta goes back to what «Preside» says.
    await page.getByRole('button', { name: 'Quitar quién presidió' }).click()
    await expect.poll(() => columna(sesionId, 'presidente_id')).toBeNull()
    await caller(w.t).ok('asistencia:presidente', {
      sesionId,
      asistenciaId: fila('Ana Rojas Soto')
    })
    await cerrarYAprobar(w.t, sesionId)
    await page.reload()
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    await expect.poll(() => presidente.inputValue()).toBe('Ana Rojas Soto — SERNAM')
    await expect.poll(() => presidente.isDisabled()).toBe(true)
  })

  it('no substitute secretary is offered while the secretaría is present', async () => {
    const { page } = w
    const { sesionId } = await sesionMarcada(
      w.t,
      '2014-08-13',
      { 'Berta Díaz Muñoz': 'presente', 'Carlos Pérez Silva': 'presente' },
      ctx
    )
    const { subrogante } = await abrir(sesionId, '2014-08-13')
    const nota = page.getByTestId('firma-secretaria')
    await expect
      .poll(() => nota.innerText())
      .toBe('La secretaría de actas asistió: firma el acta Berta Díaz Muñoz.')
    await expect.poll(() => subrogante.count()).toBe(0)
    // Berta turns out to be excused: now someone may act for the secretaría.
    await page
      .getByRole('radiogroup', { name: 'Asistencia de Berta Díaz Muñoz' })
      .getByText('Excusado/a')
      .click()
    await expect.poll(() => subrogante.count()).toBe(1)
    await expect.poll(() => nota.count()).toBe(0)
  })

  it('whom «Preside» names is not offered to sign for the secretaría; losing a role is said', async () => {
    const { page } = w
    const fecha = '2014-09-10'
    const { sesionId, fila } = await sesionMarcada(
      w.t,
      fecha,
      {
        'Ana Rojas Soto': 'excusado',
        'Carlos Pérez Silva': 'presente',
        'Diego Fuentes Araya': 'presente'
      },
      ctx
    )
    await caller(w.t).ok('sesion:actualizar', {
      ...sesionMovida(sesionId, fecha),
      preside: 'Diego Fuentes Araya'
    })
    const { subrogante } = await abrir(sesionId, fecha)
    await subrogante.click()
    await expect
      .poll(() => page.getByRole('option').allInnerTexts())
      .toEqual(['Carlos Pérez Silva — PDI'])
    await page.getByRole('option', { name: 'Carlos Pérez Silva — PDI' }).click()
    await expect
      .poll(() => columna(sesionId, 'secretaria_subrogante_id'))
      .toBe(fila('Carlos Pérez Silva'))
    // Carlos was not there after all: the choice goes, and the screen says so.
    await page
      .getByRole('radiogroup', { name: 'Asistencia de Carlos Pérez Silva' })
      .getByText('Ausente')
      .click()
    await page
      .getByRole('alert')
      .filter({ hasText: 'Carlos Pérez Silva quedó ausente: ya no figura como quien actuó' })
      .waitFor()
    await expect.poll(() => columna(sesionId, 'secretaria_subrogante_id')).toBeNull()
  })
})
