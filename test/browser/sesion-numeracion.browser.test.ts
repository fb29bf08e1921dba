import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, conFirmantes, ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Numbering by date, seen in the browser at 1366×768: a back-dated session takes its place,
 * approved numbers stay (asked first); the header follows a new date at once; a draft is
 * deleted with a confirmation that says what goes; a person is edited.
 */
let w: WebApp
let ctx: Awaited<ReturnType<typeof prevencionConMiembros>>
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  ctx = await prevencionConMiembros(w.t)
  const { ok } = caller(w.t)
  const nueva = ordinarias(w.t, ctx.prevencion.id)
  const s1 = await nueva('2014-03-12')
  await nueva('2014-06-11')
  await nueva('2014-09-10')
  // Approved in an extraordinaria: the session an acta names keeps its number too, and the
  // ordinarias are left free to move.
  const en = await ok('sesion:crear', {
    instanciaId: ctx.prevencion.id,
    tipo: 'extraordinaria',
    fecha: '2014-12-01',
    modalidad: 'remota'
  })
  await conFirmantes(w.t, s1.id)
  await ok('sesion:cerrar', { id: s1.id })
  await ok('sesion:aprobar', { id: s1.id, enSesionId: en.id, observaciones: '' })
})
afterAll(() => w?.close())

const db = () => w.t.app.db
/** "dd-mm:N°" of the instancia's sessions in date order, as stored. */
const numeros = async () =>
  (
    await db()
      .selectFrom('sesiones')
      .select(['fecha', 'numero'])
      .where('instancia_id', '=', ctx.prevencion.id)
      .where('tipo', '=', 'ordinaria')
      .orderBy('fecha')
      .execute()
  ).map((s) => `${s.fecha}:${s.numero}`)
const titulo = () => w.page.getByRole('heading', { level: 1 }).innerText()

async function nuevaSesion(fecha: string): Promise<void> {
  const { page } = w
  await page.goto(`${w.bridge.url}#/sesiones`)
  const form = page.getByRole('form', { name: 'Nueva sesión' })
  await form.getByRole('combobox', { name: 'Instancia' }).click()
  await page.getByRole('option', { name: 'Subcomisión Prevención' }).click()
  await form.getByRole('textbox', { name: 'Fecha' }).fill(fecha)
  await form.getByRole('button', { name: 'Crear sesión' }).click()
}

describe('numbering follows the calendar', () => {
  it('a back-dated session takes its place; the later drafts move up', async () => {
    await nuevaSesion('14-05-2014')
    await expect.poll(titulo).toBe('Sesión Ordinaria N° 2/2014')
    expect(await numeros()).toEqual([
      '2014-03-12:1',
      '2014-05-14:2',
      '2014-06-11:3',
      '2014-09-10:4'
    ])
  })

  it('the header and number follow a new date at once', async () => {
    const { page } = w
    const fecha = page.getByRole('textbox', { name: 'Fecha' })
    await fecha.fill('01-10-2014')
    await fecha.press('Tab')
    await expect.poll(titulo).toBe('Sesión Ordinaria N° 4/2014')
    await expect.poll(() => page.getByText('Subcomisión Prevención · 01-10-2014').count()).toBe(1)
    expect(await numeros()).toEqual([
      '2014-03-12:1',
      '2014-06-11:2',
      '2014-09-10:3',
      '2014-10-01:4'
    ])
  })

  it('a session dated before an approved acta is asked about, and the approved number stays', async () => {
    const { page } = w
    await nuevaSesion('01-03-2014')
    const dialogo = page.getByRole('dialog', { name: 'Numeración de la sesión' })
    await expect
      .poll(() => dialogo.innerText())
      .toMatch(/actas ya finalizadas o aprobadas \(N° 1\/2014\)/)
    await dialogo.getByRole('button', { name: 'Numerar a continuación' }).click()
    await expect.poll(titulo).toBe('Sesión Ordinaria N° 5/2014')
    expect(await numeros()).toEqual([
      '2014-03-01:5',
      '2014-03-12:1',
      '2014-06-11:2',
      '2014-09-10:3',
      '2014-10-01:4'
    ])
  })

  it('deletes a draft after saying what goes with it', async () => {
    const { page } = w
    await page.getByRole('button', { name: 'Eliminar sesión' }).click()
    const dialogo = page.getByRole('dialog', { name: /^Eliminar la Sesión Ordinaria N° 5\/2014/ })
    expect(await dialogo.innerText()).toMatch(
      /4 registros de asistencia, 4 puntos de tabla con su desarrollo/
    )
    await dialogo.getByRole('button', { name: 'Eliminar' }).click()
    await page.waitForURL(/#\/sesiones$/)
    expect(await numeros()).toEqual([
      '2014-03-12:1',
      '2014-06-11:2',
      '2014-09-10:3',
      '2014-10-01:4'
    ])
    // An approved session offers no delete.
    const aprobada = await db()
      .selectFrom('sesiones')
      .select('id')
      .where('numero', '=', 1)
      .where('tipo', '=', 'ordinaria')
      .executeTakeFirstOrThrow()
    await page.goto(`${w.bridge.url}#/sesiones/${aprobada.id}`)
    await page.getByTestId('estado-sesion').waitFor()
    expect(await page.getByRole('button', { name: 'Eliminar sesión' }).count()).toBe(0)
  })

  it('edits a person', async () => {
    const { page } = w
    await page.getByRole('link', { name: 'Personas y miembros' }).click()
    await page.getByRole('button', { name: 'Editar a Ana Rojas Soto' }).click()
    const form = page.getByRole('form', { name: 'Editar persona' })
    await form.getByRole('textbox', { name: 'Cargo' }).fill('Jefa de división')
    await form.getByRole('textbox', { name: 'Correo' }).fill('arojas@')
    await form.getByRole('button', { name: 'Guardar' }).click()
    await expect.poll(() => form.getByText('Correo electrónico no válido.').count()).toBe(1)
    await form.getByRole('textbox', { name: 'Correo' }).fill('arojas@sernam.cl')
    await form.getByRole('button', { name: 'Guardar' }).click()
    await expect
      .poll(() => page.getByRole('table', { name: 'Personas' }).innerText())
      .toMatch(/Ana Rojas Soto\s+Jefa de división\s+SERNAM\s+arojas@sernam\.cl/)
    expect(
      await db()
        .selectFrom('personas')
        .select(['cargo', 'correo'])
        .where('nombre', '=', 'Ana Rojas Soto')
        .executeTakeFirstOrThrow()
    ).toEqual({ cargo: 'Jefa de división', correo: 'arojas@sernam.cl' })
  })
})
