import { expect } from 'vitest'
import type { WebApp } from './browser'

/**
 * From a fresh page: Ctrl+K, the text typed into the spotlight's field, and Enter once "see them
 * all" has counted the results — the results page opens.
 */
export async function abrirTodosLosResultados(w: WebApp, texto: string): Promise<void> {
  const { page } = w
  await page.goto(`${w.bridge.url}#/`)
  await page.getByRole('navigation').first().waitFor()
  await page.keyboard.press('Control+K')
  const buscador = page.getByPlaceholder('Buscar en el plan, las actas, personas e instituciones…')
  await buscador.waitFor()
  await buscador.pressSequentially(texto, { delay: 20 })
  await expect
    .poll(() => page.getByRole('button', { name: /Ver todos los resultados/ }).innerText())
    .toMatch(/\d+ en total/)
  await page.keyboard.press('Enter')
}
