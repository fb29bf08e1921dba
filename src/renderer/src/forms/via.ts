import type { Channel } from '../../../shared/api/contract'
import type { EntradaPantalla, Escribir } from '../api/escrituras'
import type { FormSpec } from '../components/EntityForm'

/**
 * The form has checked the values against this channel's schema; the main process checks again.
 * What the form read goes as `antes`: an update uses it, a creation's schema drops it.
 */
export const via =
  <C extends Channel>(channel: C): FormSpec['save'] =>
  (escribir: Escribir, input: unknown, antes: unknown) =>
    escribir(channel, { ...(input as object), antes } as EntradaPantalla<C>)

export const orNull = (v: string | undefined): string | null => (v && v.trim() !== '' ? v : null)

/**
 * A number as a Chilean writes it ("80,5", "1.500") or with a decimal point ("80.5"); null when
 * empty; NaN (refused by the schema) when it is not a number.
 */
export function numeroONulo(v: string | undefined): number | null {
  const t = (v ?? '').trim()
  if (t === '') return null
  if (t.includes(',') || /^\d{1,3}(\.\d{3})+$/.test(t))
    return Number(t.replace(/\./g, '').replace(',', '.'))
  return Number(t)
}
