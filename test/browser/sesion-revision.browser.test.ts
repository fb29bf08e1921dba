import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, conFirmantes, ordinarias, prevencionConMiembros } from '../helpers/sesiones'

/**
 * Review of #12 on the session screen: what a field shows is what is saved. After an acuerdo
 * saved with Enter in Plazo (its calendar still open) the field showed the old date while its
 * value was empty; one wrong field of the header held back all the others, silently.
 */
let w: WebApp
let sesionId = ''
let instanciaId = ''
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
  const ctx = await prevencionConMiembros(w.t)
  instanciaId = ctx.prevencion.id
  sesionId = (await ordinarias(w.t, instanciaId)('2014-06-11')).id
})
afterAll(() => w?.close())

const abrir = async (id = sesionId) => {
  await w.page.goto(`${w.bridge.url}#/sesiones/${id}`)
  await w.page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}
/** A session of the instancia and an acuerdo of it, through the core as the app calls it. */
const crear = (fecha: string, tipo: 'ordinaria' | 'extraordinaria' = 'ordinaria') =>
  caller(w.t).ok('sesion:crear', { instanciaId, tipo, fecha, modalidad: 'presencial' })
const crearAcuerdo = (sesionId: string, texto: string) =>
  caller(w.t).ok('acuerdo:crear', {
    sesionId,
    texto,
    institucionId: null,
    personaId: null,
    plazo: null,
    accionId: null
  })
const acuerdos = () =>
  w.t.app.db
    .selectFrom('acuerdos')
    .select(['texto', 'plazo'])
    .where('sesion_id', '=', sesionId)
    .orderBy('numero')
    .execute()

describe('the new acuerdo form after Enter in Plazo', () => {
  it('empties Plazo for real: the next acuerdo shows and saves no plazo', async () => {
    const { page } = w
    await abrir()
    await page.keyboard.press('Alt+5')
    const form = page.getByRole('form', { name: 'Nuevo acuerdo' })
    const plazo = form.getByRole('textbox', { name: 'Plazo' })
    const texto = form.getByRole('textbox', { name: 'Nuevo acuerdo' })
    await texto.fill('SERNAM enviará la propuesta.')
    await plazo.click()
    await plazo.pressSequentially('22-12-2014')
    await plazo.press('Enter')
    await expect
      .poll(acuerdos)
      .toEqual([{ texto: 'SERNAM enviará la propuesta.', plazo: '2014-12-22' }])
    // What is shown is what the next acuerdo is saved with.
    await expect.poll(() => plazo.inputValue()).toBe('')
    // The next acuerdo starts at its text.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-primer-campo')))
      .not.toBeNull()
    await texto.fill('PDI informará los casos.')
    await texto.press('Control+Enter')
    await expect.poll(() => acuerdos().then((a) => a.length)).toBe(2)
    expect((await acuerdos())[1]).toEqual({ texto: 'PDI informará los casos.', plazo: null })
    expect(await plazo.inputValue()).toBe('')
  })
})

const guardada = () =>
  w.t.app.db
    .selectFrom('sesiones')
    .select(['fecha', 'lugar'])
    .where('id', '=', sesionId)
    .executeTakeFirstOrThrow()

describe("the session's header with one wrong field", () => {
  it('saves the other fields, shows the error and a badge that says it is not saved', async () => {
    const { page } = w
    await abrir()
    const fecha = page.getByRole('textbox', { name: 'Fecha', exact: true })
    await fecha.fill('31-02-2014')
    await fecha.press('Tab')
    await page.getByRole('textbox', { name: 'Lugar', exact: true }).fill('Sala Gabriela Mistral')
    await expect.poll(guardada).toEqual({ fecha: '2014-06-11', lugar: 'Sala Gabriela Mistral' })
    await expect.poll(() => page.getByText('Fecha no válida').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Error al guardar')
    expect(await fecha.inputValue()).toBe('31-02-2014')
  })
})

describe('an avance while its state is "Sin reporte"', () => {
  it('cannot be typed (it would not be saved); once a state is chosen it is, and stays', async () => {
    const { page } = w
    await abrir()
    await page.keyboard.press('Alt+4')
    const avance = page.getByRole('region', { name: 'Avance del plan', exact: true })
    const otra = avance.getByRole('combobox', { name: 'Informar avance de otra acción…' })
    await otra.fill('1.1.a')
    await expect.poll(() => page.getByRole('option', { name: /^1\.1\.a / }).count()).toBe(1)
    await otra.press('ArrowDown')
    await otra.press('Enter')
    const tarjeta = avance.getByRole('region', { name: 'Avance de la acción 1.1.a' })
    const informado = tarjeta.getByRole('textbox', { name: 'Lo informado' })
    const pct = tarjeta.getByRole('textbox', { name: '% de avance' })
    await informado.waitFor()
    expect(await informado.isEditable()).toBe(false)
    expect(await pct.isEditable()).toBe(false)
    expect(await informado.getAttribute('placeholder')).toBe('Elija primero el estado')
    const estado = tarjeta.getByRole('combobox', { name: 'Estado' })
    await estado.click()
    await page.getByRole('option', { name: 'En curso' }).click()
    await expect.poll(() => informado.isEditable()).toBe(true)
    await informado.fill('SERNAM informa la capacitación.')
    const guardado = () =>
      w.t.app.db
        .selectFrom('avances')
        .select(['estado', 'reporte'])
        .where('sesion_id', '=', sesionId)
        .execute()
    await expect
      .poll(guardado)
      .toEqual([{ estado: 'en_curso', reporte: 'SERNAM informa la capacitación.' }])
    // Choosing the same state again does not empty it (what is typed next would not be saved).
    await estado.click()
    await page.getByRole('option', { name: 'En curso' }).click()
    await expect.poll(() => estado.inputValue()).toBe('En curso')
    await informado.fill('SERNAM informa la capacitación y el manual.')
    await expect
      .poll(guardado)
      .toEqual([{ estado: 'en_curso', reporte: 'SERNAM informa la capacitación y el manual.' }])
    // A change that cannot be saved (150 %) cancels the save pending for the text typed just
    // before: nothing is sent until the percentage is right, then both are saved.
    await informado.fill('SERNAM informa el manual.')
    await pct.fill('150')
    await page.waitForTimeout(1500)
    expect(await page.getByRole('status').first().innerText()).not.toBe('Error al guardar')
    await pct.fill('40')
    const conPorcentaje = () =>
      w.t.app.db
        .selectFrom('avances')
        .select(['porcentaje', 'reporte'])
        .where('sesion_id', '=', sesionId)
        .execute()
    await expect
      .poll(conPorcentaje)
      .toEqual([{ porcentaje: 40, reporte: 'SERNAM informa el manual.' }])
  })
})

describe('a follow-up note before its state is chosen', () => {
  it('cannot be typed (it would not be saved); with a state it is saved', async () => {
    const { page } = w
    const f = await crear('2017-03-10')
    const g = await crear('2017-06-10')
    const texto = 'MININT convocará a la mesa técnica.'
    const acuerdo = await crearAcuerdo(f.id, texto)
    await abrir(g.id)
    await page.keyboard.press('Alt+3')
    const nota = page.getByRole('textbox', { name: `Nota del seguimiento de «${texto}»` })
    await nota.waitFor()
    expect(await nota.isEditable()).toBe(false)
    expect(await nota.getAttribute('placeholder')).toBe('Elija primero el estado')
    const estado = page.getByRole('combobox', { name: `Estado del acuerdo «${texto}»` })
    await estado.click()
    await page.getByRole('option', { name: 'En curso' }).click()
    await expect.poll(() => nota.isEditable()).toBe(true)
    await nota.fill('Se fijó la fecha.')
    const guardado = () =>
      w.t.app.db
        .selectFrom('seguimientos')
        .select(['estado', 'nota'])
        .where('acuerdo_id', '=', acuerdo.id)
        .execute()
    await expect.poll(guardado).toEqual([{ estado: 'en_curso', nota: 'Se fijó la fecha.' }])
    // Choosing the same state again does not empty it.
    await estado.click()
    await page.getByRole('option', { name: 'En curso' }).click()
    await expect.poll(() => estado.inputValue()).toBe('En curso')
  })
})

describe('the previous acta on the tabla', () => {
  it('is offered for approval only where the core accepts it, and asks first', async () => {
    const { page } = w
    const { ok } = caller(w.t)
    const a = await crear('2015-03-10', 'ordinaria')
    const b = await crear('2015-03-10', 'extraordinaria')
    const c = await crear('2015-05-12', 'ordinaria')
    await ok('sesion:cerrar', { id: a.id })
    // b follows a on the screen, but on the same date only a later number of its type may approve.
    await abrir(b.id)
    await page.keyboard.press('Alt+2')
    const anterior = page.getByTestId('acta-anterior')
    await expect
      .poll(() => anterior.innerText())
      .toMatch(/No se puede aprobar aquí: El acta se aprueba en una sesión posterior/)
    expect(await anterior.getByRole('button', { name: 'Aprobar el acta anterior' }).count()).toBe(0)
    // In c the previous acta (b, finalizada) is approvable: the button asks before sealing it.
    await conFirmantes(w.t, b.id)
    await ok('sesion:cerrar', { id: b.id })
    await abrir(c.id)
    await page.keyboard.press('Alt+2')
    const aprobar = anterior.getByRole('button', { name: 'Aprobar el acta anterior' })
    await aprobar.click()
    const dialogo = page.getByRole('dialog', { name: 'Aprobar el acta anterior' })
    await expect
      .poll(() => dialogo.innerText())
      .toMatch(/Se aprobará en esta sesión el acta de la Sesión Extraordinaria N° 1\/2015/)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Aprobar acta')
    const estadoDeB = () =>
      w.t.app.db
        .selectFrom('sesiones')
        .select(['estado', 'aprobada_en_sesion_id'])
        .where('id', '=', b.id)
        .executeTakeFirstOrThrow()
    await dialogo.getByRole('button', { name: 'Cancelar' }).click()
    await expect.poll(() => dialogo.count()).toBe(0)
    expect(await estadoDeB()).toEqual({ estado: 'cerrada', aprobada_en_sesion_id: null })
    await aprobar.click()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Aprobar acta')
    await page.keyboard.press('Enter')
    await expect.poll(estadoDeB).toEqual({ estado: 'aprobada', aprobada_en_sesion_id: c.id })
    await expect.poll(() => anterior.innerText()).toMatch(/\(aprobada en esta sesión\)/)
  })
})

describe('deleting a draft whose acuerdos later sessions followed up', () => {
  it('says how many follow-up notes of how many sessions go with it', async () => {
    const { page } = w
    const { ok } = caller(w.t)
    const d = await crear('2016-03-10')
    const e = await crear('2016-06-10')
    for (const texto of ['SERNAM enviará la propuesta.', 'PDI informará los casos.']) {
      const acuerdo = await crearAcuerdo(d.id, texto)
      await ok('acuerdo:seguimiento', {
        sesionId: e.id,
        acuerdoId: acuerdo.id,
        estado: 'en_curso',
        nota: 'Avanza.'
      })
    }
    await abrir(d.id)
    await page.getByRole('button', { name: 'Eliminar sesión' }).click()
    const dialogo = page.getByRole('dialog', { name: /^Eliminar la Sesión Ordinaria N° 1\/2016/ })
    await expect
      .poll(() => dialogo.innerText())
      .toMatch(
        /2 acuerdos[\s\S]*se eliminarán las 2 notas de seguimiento que una sesión posterior registró sobre ellos/
      )
    await dialogo.getByRole('button', { name: 'Eliminar' }).click()
    await page.waitForURL(/#\/sesiones$/)
    const notas = () =>
      w.t.app.db.selectFrom('seguimientos').select('id').where('sesion_id', '=', e.id).execute()
    await expect.poll(() => notas().then((n) => n.length)).toBe(0)
  })
})
