import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, conFirmantes, ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Around finishing a session, at 1366×768: "Vencido" judged at the session's date inside it and
 * at today in the list; Finalizar asks, saying it can be reopened, and Reabrir undoes it; the
 * acta is approved in the later session offered with a Chilean date, which a click on the
 * preselected option does not clear; while the acta names nobody to sign, approval is refused
 * with what to fill in Asistencia.
 */
let w: WebApp
const ids = { a: '', b: '' }
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  const ctx = await prevencionConMiembros(w.t)
  const { ok } = caller(w.t)
  const nueva = ordinarias(w.t, ctx.prevencion.id)
  ids.a = (await nueva('2014-03-12')).id
  ids.b = (await nueva('2014-06-11')).id
  for (const [texto, plazo] of [
    ['Plazo después de la sesión.', '2014-04-30'],
    ['Plazo antes de la sesión.', '2014-03-01']
  ] as const)
    await ok('acuerdo:crear', {
      sesionId: ids.a,
      texto,
      institucionId: null,
      personaId: null,
      plazo,
      accionId: null
    })
})
afterAll(() => w?.close())

const estado = () =>
  w.t.app.db
    .selectFrom('sesiones')
    .select(['estado', 'aprobada_en_sesion_id'])
    .where('id', '=', ids.a)
    .executeTakeFirstOrThrow()
const abrir = async (id: string) => {
  await w.page.goto(`${w.bridge.url}#/sesiones/${id}`)
  await w.page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}
/** The situation shown on the row of the table that holds `texto`. */
const situacion = (tabla: string, texto: string) =>
  w.page
    .getByRole('table', { name: tabla })
    .getByRole('row')
    .filter({ hasText: texto })
    .locator('.mantine-Badge-root')
    .innerText()

describe('finishing a session and approving its acta', () => {
  it('judges "Vencido" at the session date inside a session, at today in the list', async () => {
    const { page } = w
    await abrir(ids.a)
    await page.keyboard.press('Alt+5')
    // 2014-03-12: a plazo of 30-04-2014 is not due yet; one of 01-03-2014 is.
    await expect.poll(() => situacion('Acuerdos', 'Plazo después')).toBe('Pendiente')
    expect(await situacion('Acuerdos', 'Plazo antes')).toBe('Vencido al 12-03-2014')
    // In the next session (11-06-2014) both are due, at its date.
    await abrir(ids.b)
    await page.keyboard.press('Alt+3')
    const seguimiento = page.getByRole('table', { name: 'Seguimiento de acuerdos anteriores' })
    await expect
      .poll(() => seguimiento.getByText('Vencido al 11-06-2014', { exact: true }).count())
      .toBe(2)
    // The list judges against today.
    await page.getByRole('link', { name: 'Acuerdos', exact: true }).click()
    await expect.poll(() => situacion('Acuerdos', 'Plazo después')).toBe('Vencido a hoy')
    expect(await situacion('Acuerdos', 'Plazo antes')).toBe('Vencido a hoy')
  })

  it('Finalizar asks first, saying it can be reopened; Reabrir returns it to a draft', async () => {
    const { page } = w
    await abrir(ids.a)
    await page.getByRole('button', { name: 'Finalizar sesión' }).click()
    const dialogo = page.getByRole('dialog', { name: 'Finalizar sesión' })
    await expect
      .poll(() => dialogo.innerText())
      .toMatch(
        /ya no se edita\. Si hace falta corregirla, puede reabrirla mientras no esté aprobada\./
      )
    await dialogo.getByRole('button', { name: 'Cancelar' }).click()
    await dialogo.waitFor({ state: 'detached' })
    await expect.poll(async () => (await estado()).estado).toBe('borrador')
    await page.getByRole('button', { name: 'Finalizar sesión' }).click()
    await dialogo.getByRole('button', { name: 'Finalizar sesión' }).click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Cerrada')
    await expect.poll(async () => (await estado()).estado).toBe('cerrada')
    // Finished: not editable, and it can be reopened (the screen follows its re-read).
    await expect.poll(() => page.getByRole('button', { name: 'Finalizar sesión' }).count()).toBe(0)
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Lugar' }).getAttribute('readonly'))
      .not.toBeNull()
    await page.getByRole('button', { name: 'Reabrir' }).click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Borrador')
    await expect.poll(async () => (await estado()).estado).toBe('borrador')
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Lugar' }).getAttribute('readonly'))
      .toBeNull()
  })

  it('refuses to approve an acta that names nobody to sign, saying what to fill in Asistencia', async () => {
    const { page } = w
    await page.getByRole('button', { name: 'Finalizar sesión' }).click()
    await page
      .getByRole('dialog', { name: 'Finalizar sesión' })
      .getByRole('button', { name: 'Finalizar sesión' })
      .click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Cerrada')
    // Nobody was marked present: neither who chaired nor a secretary can sign.
    await page.getByRole('button', { name: 'Aprobar acta' }).click()
    const dialogo = page.getByRole('dialog', { name: 'Aprobar acta' })
    await dialogo.getByRole('button', { name: 'Aprobar acta' }).click()
    const aviso = page.getByRole('alert').filter({ hasText: 'quienes la firman' })
    await expect
      .poll(() => aviso.innerText())
      .toMatch(
        /El acta no se puede aprobar sin nombrar a quienes la firman\. Reabra la sesión y, en la pestaña Asistencia,.*«Presidió la sesión».*«Actuó como secretario\/a de actas»/s
      )
    expect(await dialogo.count()).toBe(1)
    expect(await estado()).toEqual({ estado: 'cerrada', aprobada_en_sesion_id: null })
    await dialogo.getByRole('button', { name: 'Cancelar' }).click()
    await dialogo.waitFor({ state: 'detached' })
    // Reopened, with MININT (who «Preside» names) and SERNAM (the secretaría) present.
    const { ok } = caller(w.t)
    await ok('sesion:reabrir', { id: ids.a })
    await conFirmantes(w.t, ids.a)
    await ok('sesion:cerrar', { id: ids.a })
  })

  it('approves in the later session, shown with a Chilean date, kept when clicked again', async () => {
    const { page } = w
    // Read again: it was reopened and finalized again behind the screen.
    await page.reload()
    await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Cerrada')
    await page.getByRole('button', { name: 'Aprobar acta' }).click()
    const dialogo = page.getByRole('dialog', { name: 'Aprobar acta' })
    const en = dialogo.getByLabel('Aprobada en')
    await expect.poll(() => en.inputValue()).toBe('Sesión Ordinaria N° 2/2014 (11-06-2014)')
    // Clicking the option already chosen keeps it.
    await en.click()
    await page.getByRole('option', { name: 'Sesión Ordinaria N° 2/2014 (11-06-2014)' }).click()
    await expect.poll(() => en.inputValue()).toBe('Sesión Ordinaria N° 2/2014 (11-06-2014)')
    await dialogo.getByRole('button', { name: 'Aprobar acta' }).click()
    await expect.poll(() => page.getByTestId('estado-sesion').innerText()).toBe('Aprobada')
    await expect.poll(estado).toEqual({ estado: 'aprobada', aprobada_en_sesion_id: ids.b })
  })
})
