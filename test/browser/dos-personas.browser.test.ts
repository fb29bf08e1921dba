import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openWebApp, type WebApp } from '../helpers/browser'
import { caller, entradaSesion } from '../helpers/sesiones'
import { MENSAJE_DESACTUALIZADO } from '../../src/shared/api/result'

// Two people on one session at once (#17), as two pages of one bridge: one writes the place;
// the other, still on its first read, writes the place too and is told someone else changed it;
// the place shows the stored one again, and what that person typed in another field is kept and
// saved.
let w: WebApp
beforeAll(async () => {
  w = await openWebApp({ width: 1366, height: 768 })
})
afterAll(() => w?.close())

const abrir = async (page: Page, id: string): Promise<void> => {
  await page.goto(`${w.bridge.url}#/sesiones/${id}`)
  await page.getByRole('tablist', { name: 'Secciones del acta' }).waitFor()
}

describe('two people editing one session', () => {
  it('refuses the stale write, reloads that field and keeps what was typed in another', async () => {
    const api = caller(w.t)
    const instanciaId = (await api.ok('instancia:listar', undefined))[0]!.id
    const s = await api.ok('sesion:crear', entradaSesion(instanciaId, '2014-06-11'))
    const a = w.page
    // A second tab: it gets the bridge's token through an entry address of its own.
    const b = await a.context().newPage()
    await b.goto(w.bridge.entrada())
    await abrir(a, s.id)
    await abrir(b, s.id)
    const lugar = (p: Page) => p.getByRole('textbox', { name: 'Lugar', exact: true })
    const preside = (p: Page) => p.getByRole('textbox', { name: 'Preside', exact: true })

    await lugar(a).fill('Sala A')
    await expect
      .poll(async () => (await api.ok('sesion:obtener', { id: s.id })).sesion.lugar)
      .toBe('Sala A')

    // B has not read again: its place is still empty, and it writes both fields at once.
    await preside(b).fill('Presidenta B')
    await lugar(b).fill('Sala B')
    await b.getByText(MENSAJE_DESACTUALIZADO).first().waitFor()
    await expect.poll(() => lugar(b).inputValue()).toBe('Sala A')
    expect(await preside(b).inputValue()).toBe('Presidenta B')
    await expect
      .poll(async () => (await api.ok('sesion:obtener', { id: s.id })).sesion.preside)
      .toBe('Presidenta B')
    expect((await api.ok('sesion:obtener', { id: s.id })).sesion.lugar).toBe('Sala A')
    await b.close()
  })
})
